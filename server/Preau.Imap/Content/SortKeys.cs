using System.Text;
using MimeKit;
using MimeKit.Utils;

namespace Preau.Imap.Content;

/// <summary>A SORT criterion (RFC 5256 §3; DISPLAYFROM and DISPLAYTO from RFC 5957).</summary>
public enum SortKey
{
    /// <summary>ARRIVAL: INTERNALDATE.</summary>
    Arrival,

    /// <summary>CC: addr-mailbox of the first Cc: address.</summary>
    Cc,

    /// <summary>DATE: the sent date (Date:, or INTERNALDATE when it cannot be read).</summary>
    Date,

    /// <summary>FROM: addr-mailbox of the first From: address.</summary>
    From,

    /// <summary>SIZE: RFC822.SIZE.</summary>
    Size,

    /// <summary>SUBJECT: the base subject.</summary>
    Subject,

    /// <summary>TO: addr-mailbox of the first To: address.</summary>
    To,

    /// <summary>DISPLAYFROM: display name of the first From: address, else its address.</summary>
    DisplayFrom,

    /// <summary>DISPLAYTO: display name of the first To: address, else its address.</summary>
    DisplayTo,
}

/// <summary>One key of a SORT program; REVERSE applies to it alone.</summary>
/// <param name="Key">The key.</param>
/// <param name="Reverse">Whether REVERSE precedes it.</param>
public readonly record struct SortCriterion(SortKey Key, bool Reverse = false);

/// <summary>
/// The values one message sorts by, computed once from its header. Strings compare with the
/// i;ascii-casemap collation, RFC 5256's default: octets of UTF-8, ASCII letters folded to upper case.
/// </summary>
public sealed class MessageSortKeys
{
    private readonly byte[] _cc;
    private readonly byte[] _from;
    private readonly byte[] _to;
    private readonly byte[] _subject;
    private readonly byte[] _displayFrom;
    private readonly byte[] _displayTo;

    /// <summary>Keys from explicit values (the session may hold some of them already).</summary>
    /// <param name="arrival">INTERNALDATE.</param>
    /// <param name="sentDate">Sent date, already falling back to INTERNALDATE.</param>
    /// <param name="size">RFC822.SIZE.</param>
    /// <param name="cc">addr-mailbox of the first Cc: address, or empty.</param>
    /// <param name="from">addr-mailbox of the first From: address, or empty.</param>
    /// <param name="to">addr-mailbox of the first To: address, or empty.</param>
    /// <param name="baseSubject">The base subject (<see cref="BaseSubject.Extract(string)"/>).</param>
    /// <param name="displayFrom">Display name (or address) of the first From: address, or empty.</param>
    /// <param name="displayTo">Display name (or address) of the first To: address, or empty.</param>
    public MessageSortKeys(DateTimeOffset arrival, DateTimeOffset sentDate, long size, string cc, string from,
        string to, string baseSubject, string displayFrom, string displayTo)
    {
        Arrival = arrival;
        SentDate = sentDate;
        Size = size;
        BaseSubjectText = baseSubject;
        _cc = Collation.Key(cc);
        _from = Collation.Key(from);
        _to = Collation.Key(to);
        _subject = Collation.Key(baseSubject);
        _displayFrom = Collation.Key(displayFrom);
        _displayTo = Collation.Key(displayTo);
    }

    /// <summary>INTERNALDATE.</summary>
    public DateTimeOffset Arrival { get; }

    /// <summary>The sent date (RFC 5256 §2.2).</summary>
    public DateTimeOffset SentDate { get; }

    /// <summary>RFC822.SIZE.</summary>
    public long Size { get; }

    /// <summary>The base subject.</summary>
    public string BaseSubjectText { get; }

    /// <summary>The keys of a message from its header.</summary>
    /// <param name="headers">The top-level header.</param>
    /// <param name="internalDate">INTERNALDATE.</param>
    /// <param name="size">RFC822.SIZE.</param>
    public static MessageSortKeys Create(HeaderList headers, DateTimeOffset internalDate, long size)
    {
        ArgumentNullException.ThrowIfNull(headers);
        var from = FirstMailbox(headers, "From");
        var to = FirstMailbox(headers, "To");
        return new MessageSortKeys(
            internalDate,
            SentDateOf(headers, internalDate),
            size,
            FirstMailbox(headers, "Cc")?.LocalPart ?? "",
            from?.LocalPart ?? "",
            to?.LocalPart ?? "",
            BaseSubject.Extract(HeaderText.Raw(headers, "Subject") ?? ""),
            Display(from),
            Display(to));
    }

    /// <summary>RFC 5256 §2.2: the Date: header, or INTERNALDATE when it is missing or unreadable.</summary>
    /// <param name="headers">The top-level header.</param>
    /// <param name="internalDate">INTERNALDATE.</param>
    public static DateTimeOffset SentDateOf(HeaderList headers, DateTimeOffset internalDate)
    {
        ArgumentNullException.ThrowIfNull(headers);
        var header = HeaderText.First(headers, "Date");
        return header is not null && DateUtils.TryParse(header.RawValue, 0, header.RawValue.Length, out var date)
            ? date
            : internalDate;
    }

    /// <summary>Compares two messages on one key, REVERSE aside.</summary>
    /// <param name="other">The other message.</param>
    /// <param name="key">The key.</param>
    public int CompareTo(MessageSortKeys other, SortKey key)
    {
        ArgumentNullException.ThrowIfNull(other);
        return key switch
        {
            SortKey.Arrival => Arrival.CompareTo(other.Arrival),
            SortKey.Date => SentDate.CompareTo(other.SentDate),
            SortKey.Size => Size.CompareTo(other.Size),
            SortKey.Cc => Collation.Compare(_cc, other._cc),
            SortKey.From => Collation.Compare(_from, other._from),
            SortKey.To => Collation.Compare(_to, other._to),
            SortKey.Subject => Collation.Compare(_subject, other._subject),
            SortKey.DisplayFrom => Collation.Compare(_displayFrom, other._displayFrom),
            SortKey.DisplayTo => Collation.Compare(_displayTo, other._displayTo),
            _ => throw new ArgumentOutOfRangeException(nameof(key)),
        };
    }

    /// <summary>The first mailbox of an address field; group members count, group names do not.</summary>
    private static MailboxAddress? FirstMailbox(HeaderList headers, string field) =>
        HeaderText.Addresses(headers, field)?.Mailboxes.FirstOrDefault();

    /// <summary>RFC 5957: the display name (decoded), or the address itself when there is none.</summary>
    private static string Display(MailboxAddress? mailbox) =>
        mailbox is null ? "" : string.IsNullOrWhiteSpace(mailbox.Name) ? mailbox.Address : mailbox.Name.Trim();
}

/// <summary>Sorts messages by a SORT program.</summary>
public static class SortKeys
{
    /// <summary>
    /// The items in SORT order. Messages equal on every key keep their input order, which RFC 5256 asks
    /// to be sequence order: pass the items in sequence order.
    /// </summary>
    /// <typeparam name="T">Whatever the session sorts (entries, sequence numbers…).</typeparam>
    /// <param name="items">The matching messages, in sequence order.</param>
    /// <param name="keys">The sort keys of an item.</param>
    /// <param name="criteria">The SORT program.</param>
    public static IReadOnlyList<T> Sort<T>(IEnumerable<T> items, Func<T, MessageSortKeys> keys,
        IReadOnlyList<SortCriterion> criteria)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(keys);
        ArgumentNullException.ThrowIfNull(criteria);
        var comparer = Comparer(criteria);

        // OrderBy is a stable sort: ties stay in sequence order.
        return items.Select(item => (item, keys: keys(item)))
            .OrderBy(pair => pair.keys, comparer)
            .Select(pair => pair.item)
            .ToList();
    }

    /// <summary>A comparer for a SORT program (ties are equal, not broken).</summary>
    /// <param name="criteria">The SORT program.</param>
    public static IComparer<MessageSortKeys> Comparer(IReadOnlyList<SortCriterion> criteria)
    {
        ArgumentNullException.ThrowIfNull(criteria);
        var program = criteria.ToArray();
        return Comparer<MessageSortKeys>.Create((a, b) =>
        {
            foreach (var criterion in program)
            {
                var order = a!.CompareTo(b!, criterion.Key);
                if (order != 0)
                {
                    return criterion.Reverse ? -order : order;
                }
            }

            return 0;
        });
    }
}

/// <summary>i;ascii-casemap (RFC 4790 §9.2): UTF-8 octets, a–z compared as A–Z.</summary>
internal static class Collation
{
    public static byte[] Key(string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        for (var i = 0; i < bytes.Length; i++)
        {
            if (bytes[i] is >= (byte)'a' and <= (byte)'z')
            {
                bytes[i] -= 0x20;
            }
        }

        return bytes;
    }

    public static int Compare(byte[] a, byte[] b) => a.AsSpan().SequenceCompareTo(b);
}
