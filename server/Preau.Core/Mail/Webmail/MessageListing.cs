using System.Collections.Concurrent;
using Preau.Core.Accounts;
using Preau.Core.Graph;
using Preau.Core.Search;

namespace Preau.Core.Mail.Webmail;

/// <summary>
/// Message lists for the webmail: folder counts and sorted, filtered pages, from the listing summaries
/// stored with each entry (no message file is read, except the search index's text for a text filter).
/// </summary>
/// <remarks>
/// A folder's entries are read once per state and kept: a snapshot is tagged with the mailbox's
/// <see cref="Mailbox.HighestModSeq"/> and <see cref="Mailbox.NextUid"/>, which every change raises (a
/// delivery, a flag change, an expunge, a copy), and is used while the mailbox still shows that tag. The
/// tag is read before the entries, so a snapshot is never older than its tag says. Sort orders are built
/// once per snapshot; the decoded addresses and sort keys of a message are kept per blob (they never
/// change), so a flag change costs one index read, not a new parse of every header.
/// </remarks>
public sealed class MessageListing
{
    /// <summary>The largest page.</summary>
    public const int MaxLimit = 500;

    private static readonly string[] ReplyPrefixes = ["re", "fwd", "fw", "tr", "aw", "wg", "rif", "sv", "vs"];
    private readonly MailboxService _mailboxes;
    private readonly int _capacity;
    private readonly ConcurrentDictionary<string, Snapshot> _snapshots = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Headers> _headers = new(StringComparer.Ordinal);

    /// <summary>Creates the listing over the mailbox service (which checks ownership).</summary>
    /// <param name="mailboxes">The mailboxes.</param>
    /// <param name="capacity">Folders whose entries are kept at once.</param>
    public MessageListing(MailboxService mailboxes, int capacity = 512)
    {
        _mailboxes = mailboxes ?? throw new ArgumentNullException(nameof(mailboxes));
        _capacity = capacity;
    }

    /// <summary>The counts of one of the account's folders, as <paramref name="mailbox"/> was just read.</summary>
    /// <param name="account">The owner.</param>
    /// <param name="mailbox">The folder, read just now (<see cref="MailboxService.List"/>).</param>
    public FolderCounts Counts(Account account, Mailbox mailbox)
    {
        var snapshot = Load(account, mailbox);
        return new FolderCounts(snapshot.Entries.Length, snapshot.Unread);
    }

    /// <summary>A page of one of the account's folders (NotFound when the folder is not theirs).</summary>
    /// <param name="account">The owner.</param>
    /// <param name="mailboxId">The folder.</param>
    /// <param name="query">Sort, window, filters.</param>
    /// <param name="cancellationToken">Stops a text search.</param>
    public ListingPage Page(Account account, string mailboxId, ListingQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentOutOfRangeException.ThrowIfNegative(query.Offset);
        ArgumentOutOfRangeException.ThrowIfLessThan(query.Limit, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(query.Limit, MaxLimit);
        var snapshot = Load(account, _mailboxes.Get(account, mailboxId));
        var order = snapshot.Order(query.Sort, this);
        var needle = string.IsNullOrWhiteSpace(query.Text) ? null : FoldedText.Needle(query.Text.Trim());
        var reader = needle is null ? null : _mailboxes.Reader(account, mailboxId);
        var filtered = needle is not null || query.UnreadOnly || query.FlaggedOnly;
        if (!filtered)
        {
            var window = Enumerable.Range(query.Offset, Math.Max(0, Math.Min(query.Limit, order.Length - query.Offset)))
                .Select(i => Describe(snapshot.Entries[order[query.Descending ? order.Length - 1 - i : i]]))
                .ToArray();
            return new ListingPage(order.Length, window);
        }

        var items = new List<ListedMessage>(query.Limit);
        var total = 0;
        for (var i = 0; i < order.Length; i++)
        {
            if ((i & 255) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            var entry = snapshot.Entries[order[query.Descending ? order.Length - 1 - i : i]];
            if ((query.UnreadOnly && entry.Flags.HasFlag(MessageFlags.Seen))
                || (query.FlaggedOnly && !entry.Flags.HasFlag(MessageFlags.Flagged))
                || (needle is not null && !reader!.Text(entry).InText(needle)))
            {
                continue;
            }

            if (total >= query.Offset && items.Count < query.Limit)
            {
                items.Add(Describe(entry));
            }

            total++;
        }

        return new ListingPage(total, items);
    }

    /// <summary>A message as lists show it (addresses decoded once per blob).</summary>
    /// <param name="entry">The entry.</param>
    public ListedMessage Describe(MessageEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var headers = HeadersOf(entry);
        return new ListedMessage(entry, headers.From, headers.To, DateOf(entry));
    }

    /// <summary>The date lists show and sort by: the Date: header, else the arrival.</summary>
    /// <param name="entry">The entry.</param>
    public static DateTimeOffset DateOf(MessageEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return entry.Summary.Date ?? entry.InternalDate;
    }

    /// <summary>The subject as sorted: prefixes such as "Re:" and "TR :" removed, accents and case folded.</summary>
    /// <param name="subject">The subject.</param>
    public static string SubjectKey(string subject)
    {
        var rest = (subject ?? "").TrimStart();
        var stripped = true;
        while (stripped)
        {
            stripped = false;
            foreach (var prefix in ReplyPrefixes)
            {
                if (rest.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
                {
                    var after = rest[prefix.Length..].TrimStart();
                    if (after.StartsWith(':'))
                    {
                        rest = after[1..].TrimStart();
                        stripped = true;
                        break;
                    }
                }
            }
        }

        return Slug.Fold(rest, ' ');
    }

    private Headers HeadersOf(MessageEntry entry)
    {
        if (_headers.TryGetValue(entry.BlobHash, out var known))
        {
            return known;
        }

        if (_headers.Count >= 200_000)
        {
            // Decoded headers are cheap to rebuild: forget them all rather than track ages.
            _headers.Clear();
        }

        var from = PersonAddress.ParseList(entry.Summary.From).FirstOrDefault();
        var headers = new Headers(
            from,
            PersonAddress.ParseList(entry.Summary.To),
            Slug.Fold(from is null ? "" : from.Name ?? from.Address, ' '),
            SubjectKey(entry.Summary.Subject));
        _headers[entry.BlobHash] = headers;
        return headers;
    }

    private Snapshot Load(Account account, Mailbox mailbox)
    {
        ArgumentNullException.ThrowIfNull(account);
        ArgumentNullException.ThrowIfNull(mailbox);
        if (mailbox.AccountId != account.Id)
        {
            throw new Storage.MailboxStoreException(Storage.MailboxError.NotFound, "no such mailbox");
        }

        if (_snapshots.TryGetValue(mailbox.Id, out var cached) && cached.ModSeq == mailbox.HighestModSeq && cached.NextUid == mailbox.NextUid)
        {
            cached.Touch();
            return cached;
        }

        var snapshot = new Snapshot(mailbox.HighestModSeq, mailbox.NextUid, [.. _mailboxes.Messages(account, mailbox.Id)]);
        if (_snapshots.Count >= _capacity)
        {
            foreach (var old in _snapshots.OrderBy(s => s.Value.LastUsed).Take(_capacity / 4).ToArray())
            {
                _snapshots.TryRemove(old);
            }
        }

        _snapshots[mailbox.Id] = snapshot;
        return snapshot;
    }

    private sealed record Headers(PersonAddress? From, IReadOnlyList<PersonAddress> To, string FromKey, string SubjectKey);

    /// <summary>A folder's entries at one state, with its sort orders built on first use.</summary>
    private sealed class Snapshot(ulong modSeq, uint nextUid, MessageEntry[] entries)
    {
        private readonly ConcurrentDictionary<ListingSort, Lazy<int[]>> _orders = new();
        private long _lastUsed = Environment.TickCount64;

        public ulong ModSeq { get; } = modSeq;

        public uint NextUid { get; } = nextUid;

        public MessageEntry[] Entries { get; } = entries;

        public int Unread { get; } = entries.Count(e => !e.Flags.HasFlag(MessageFlags.Seen));

        public long LastUsed => Interlocked.Read(ref _lastUsed);

        public void Touch() => Interlocked.Exchange(ref _lastUsed, Environment.TickCount64);

        /// <summary>Indexes into <see cref="Entries"/>, ascending by the key, ties by UID (entries are in UID order).</summary>
        public int[] Order(ListingSort sort, MessageListing listing) =>
            _orders.GetOrAdd(sort, s => new Lazy<int[]>(() => Build(s, listing))).Value;

        private int[] Build(ListingSort sort, MessageListing listing)
        {
            var order = Enumerable.Range(0, Entries.Length).ToArray();
            switch (sort)
            {
                case ListingSort.Date:
                    Sort(order, Entries.Select(e => DateOf(e).UtcTicks).ToArray());
                    break;
                case ListingSort.Size:
                    Sort(order, Entries.Select(e => e.Size).ToArray());
                    break;
                case ListingSort.From:
                    Sort(order, Entries.Select(e => listing.HeadersOf(e).FromKey).ToArray());
                    break;
                default:
                    Sort(order, Entries.Select(e => listing.HeadersOf(e).SubjectKey).ToArray());
                    break;
            }

            return order;
        }

        private static void Sort<TKey>(int[] order, TKey[] keys)
        {
            // A stable sort keeps UID order among equal keys (entries come in UID order).
            var comparer = Comparer<TKey>.Default;
            var sorted = order.OrderBy(i => keys[i], typeof(TKey) == typeof(string) ? (IComparer<TKey>)(object)StringComparer.Ordinal : comparer).ToArray();
            sorted.CopyTo(order, 0);
        }
    }
}
