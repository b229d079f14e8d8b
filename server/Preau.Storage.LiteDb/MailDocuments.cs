using System.Globalization;
using LiteDB;
using Preau.Core.Mail;

namespace Preau.Storage.LiteDb;

// Storage shapes of the mail records. The Core records stay free of LiteDB attributes, and the
// on-disk shape can change only here. Dates are UTC ticks (long): LiteDB's DateTime loses the
// offset and comes back as local time; uint/ulong are stored as long (ulong bit-for-bit).

/// <summary>A mailbox. Its numeric id is also the high half of its messages' position keys.</summary>
internal sealed class MailboxDoc
{
    [BsonId(false)]
    public long Id { get; set; }

    public string AccountId { get; set; } = "";

    public string Name { get; set; } = "";

    /// <summary>AccountId + canonical name (INBOX in upper case): unique index, the delivery lookup.
    /// Changes with the name (rename); <see cref="LiteDbStore"/> caches Key → Id and evicts on rename and delete.</summary>
    public string Key { get; set; } = "";

    public SpecialUse Use { get; set; }

    public long UidValidity { get; set; }

    public long NextUid { get; set; }

    public long HighestModSeq { get; set; }

    /// <summary>IMAP \Recent: the highest UID claimed by a session (0 in documents written before it existed).</summary>
    public long RecentUid { get; set; }

    public static string KeyOf(string accountId, string name) => accountId + "\u001f" + MailboxNames.Canonical(name);

    public static string IdText(long id) => id.ToString(CultureInfo.InvariantCulture);

    public static bool TryParseId(string text, out long id) =>
        long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out id) && id > 0;

    public Mailbox ToRecord() =>
        new(IdText(Id), AccountId, Name, Use, (uint)UidValidity, (uint)NextUid, (ulong)HighestModSeq, (uint)RecentUid);
}

/// <summary>One message entry.</summary>
internal sealed class MessageDoc
{
    [BsonId(false)]
    public long Id { get; set; }

    public long MailboxId { get; set; }

    /// <summary>(MailboxId &lt;&lt; 32) | Uid: a unique index that is also the UID order of one mailbox.</summary>
    public long Position { get; set; }

    public long Uid { get; set; }

    public string BlobHash { get; set; } = "";

    public long Size { get; set; }

    public long InternalDate { get; set; }

    public MessageFlags Flags { get; set; }

    public List<string> Keywords { get; set; } = [];

    public long ModSeq { get; set; }

    public static long PositionOf(long mailboxId, long uid) => (mailboxId << 32) | uid;

    public MessageEntry ToRecord(MessageSummary summary) =>
        new(Id, MailboxDoc.IdText(MailboxId), (uint)Uid, BlobHash, Size, Ticks.ToDate(InternalDate), Flags, Keywords, (ulong)ModSeq, summary);
}

/// <summary>A message expunged from a mailbox, kept for QRESYNC (VANISHED since a MODSEQ).</summary>
internal sealed class ExpungedDoc
{
    /// <summary>The entry's former position, (MailboxId &lt;&lt; 32) | Uid: UIDs are never reused, so it
    /// is unique, and the primary index keeps a mailbox's records together in UID order.</summary>
    [BsonId(false)]
    public long Id { get; set; }

    public long MailboxId { get; set; }

    public long Uid { get; set; }

    public long ModSeq { get; set; }
}

/// <summary>A subscribed mailbox name (it need not exist), keyed "&lt;accountId&gt;|&lt;name&gt;".</summary>
internal sealed class SubscriptionDoc
{
    [BsonId(false)]
    public string Id { get; set; } = "";

    public string AccountId { get; set; } = "";

    public string Name { get; set; } = "";

    public static string KeyOf(string accountId, string name) => accountId + "|" + name;
}

/// <summary>What is derived from a blob's content, stored once per blob however many entries share it
/// (a message to 150 recipients writes its summary once, not 150 times).</summary>
internal sealed class ContentDoc
{
    [BsonId(false)]
    public string Id { get; set; } = "";

    public SummaryDoc Summary { get; set; } = new();
}

/// <summary>The listing headers kept with an entry.</summary>
internal sealed class SummaryDoc
{
    public string Subject { get; set; } = "";

    public string From { get; set; } = "";

    public string To { get; set; } = "";

    public long? Date { get; set; }

    public string? MessageId { get; set; }

    public bool HasAttachments { get; set; }

    /// <summary>Analyzer values (IMAP ENVELOPE…), stored once per blob like the rest.</summary>
    public Dictionary<string, string>? Extras { get; set; }

    public static SummaryDoc Of(MessageSummary s) => new()
    {
        Subject = s.Subject,
        From = s.From,
        To = s.To,
        Date = s.Date is { } d ? Ticks.Of(d) : null,
        MessageId = s.MessageId,
        HasAttachments = s.HasAttachments,
        Extras = s.Extras is { Count: > 0 } extras ? new Dictionary<string, string>(extras, StringComparer.Ordinal) : null,
    };

    public MessageSummary ToRecord() =>
        new(Subject, From, To, Date is { } d ? Ticks.ToDate(d) : null, MessageId, HasAttachments, Extras);
}

/// <summary>A relay queue item.</summary>
internal sealed class RelayDoc
{
    [BsonId(false)]
    public string Id { get; set; } = "";

    public string BlobHash { get; set; } = "";

    public string MailFrom { get; set; } = "";

    public List<string> Recipients { get; set; } = [];

    public string? SenderAccountId { get; set; }

    public long Created { get; set; }

    public long NextAttempt { get; set; }

    public int Attempts { get; set; }

    public string? LastError { get; set; }

    public static RelayDoc Of(RelayItem r) => new()
    {
        Id = r.Id,
        BlobHash = r.BlobHash,
        MailFrom = r.MailFrom,
        Recipients = [.. r.Recipients],
        SenderAccountId = r.SenderAccountId,
        Created = Ticks.Of(r.Created),
        NextAttempt = Ticks.Of(r.NextAttempt),
        Attempts = r.Attempts,
        LastError = r.LastError,
    };

    public RelayItem ToRecord() =>
        new(Id, BlobHash, MailFrom, Recipients, SenderAccountId, Ticks.ToDate(Created), Ticks.ToDate(NextAttempt), Attempts, LastError);
}

/// <summary>A reply grant, keyed "&lt;accountId&gt;|&lt;lower-cased address&gt;".</summary>
internal sealed class ReplyGrantDoc
{
    [BsonId(false)]
    public string Id { get; set; } = "";

    public string AccountId { get; set; } = "";

    public string Address { get; set; } = "";

    /// <summary>Last delivery that granted it, for a future expiry.</summary>
    public long Granted { get; set; }

    public static string KeyOf(string accountId, string address) => accountId + "|" + address.ToLowerInvariant();
}

/// <summary>A named counter (entry ids, last UIDVALIDITY), advanced inside write transactions.</summary>
internal sealed class CounterDoc
{
    [BsonId(false)]
    public string Id { get; set; } = "";

    public long Value { get; set; }
}

/// <summary>DateTimeOffset ⇄ UTC ticks.</summary>
internal static class Ticks
{
    public static long Of(DateTimeOffset value) => value.UtcTicks;

    public static DateTimeOffset ToDate(long ticks) => new(ticks, TimeSpan.Zero);
}
