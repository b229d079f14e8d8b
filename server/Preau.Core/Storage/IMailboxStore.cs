using Preau.Core.Mail;

namespace Preau.Core.Storage;

/// <summary>How <see cref="FlagUpdate"/> combines with the current flags (IMAP STORE FLAGS, +FLAGS, -FLAGS).</summary>
public enum FlagOperation
{
    /// <summary>Replace flags and keywords.</summary>
    Replace,

    /// <summary>Add them.</summary>
    Add,

    /// <summary>Remove them.</summary>
    Remove,
}

/// <summary>A flag change to apply to some messages.</summary>
/// <param name="Operation">Replace, add or remove.</param>
/// <param name="Flags">System flags.</param>
/// <param name="Keywords">User keywords (case-insensitive, stored as given).</param>
/// <param name="UnchangedSince">CONDSTORE: only change messages whose MODSEQ is at most this.</param>
public sealed record FlagUpdate(FlagOperation Operation, MessageFlags Flags, IReadOnlyList<string> Keywords, ulong? UnchangedSince = null);

/// <summary>What a flag change did.</summary>
/// <param name="Changed">The messages whose flags actually changed, as they are now (with their new MODSEQ).</param>
/// <param name="Failed">UIDs not changed because they were modified after <see cref="FlagUpdate.UnchangedSince"/>.</param>
/// <param name="HighestModSeq">The mailbox's HIGHESTMODSEQ afterwards.</param>
/// <param name="Missing">UIDs asked for that the mailbox no longer holds (expunged meanwhile, RFC 2180 §4.2);
/// null or empty when all were there.</param>
public sealed record FlagUpdateResult(IReadOnlyList<MessageEntry> Changed, IReadOnlyList<uint> Failed, ulong HighestModSeq, IReadOnlyList<uint>? Missing = null);

/// <summary>What an expunge removed.</summary>
public sealed record ExpungeResult(IReadOnlyList<uint> Uids, ulong HighestModSeq);

/// <summary>What a copy or move did (UIDPLUS COPYUID data).</summary>
/// <param name="TargetUidValidity">UIDVALIDITY of the target.</param>
/// <param name="SourceUids">Source UIDs copied, in order.</param>
/// <param name="TargetUids">The UIDs they got in the target, in the same order.</param>
/// <param name="Moved">For a move, the source UIDs expunged.</param>
public sealed record CopyResult(uint TargetUidValidity, IReadOnlyList<uint> SourceUids, IReadOnlyList<uint> TargetUids, IReadOnlyList<uint> Moved);

/// <summary>A message expunged at a MODSEQ (kept for QRESYNC's VANISHED).</summary>
public sealed record ExpungedEntry(uint Uid, ulong ModSeq);

/// <summary>Why a mailbox operation was refused.</summary>
public enum MailboxError
{
    /// <summary>No such mailbox.</summary>
    NotFound,

    /// <summary>A mailbox with that name exists.</summary>
    AlreadyExists,

    /// <summary>INBOX cannot be deleted; names must be valid.</summary>
    NotAllowed,

    /// <summary>The mailbox has child mailboxes.</summary>
    HasChildren,

    /// <summary>The account's quota would be exceeded; nothing was stored.</summary>
    OverQuota,
}

/// <summary>A mailbox operation was refused.</summary>
public sealed class MailboxStoreException : Exception
{
    /// <summary>Creates the exception.</summary>
    public MailboxStoreException(MailboxError error, string message)
        : base(message) => Error = error;

    /// <summary>Creates the exception.</summary>
    public MailboxStoreException()
    {
    }

    /// <summary>Creates the exception.</summary>
    public MailboxStoreException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    public MailboxStoreException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Why.</summary>
    public MailboxError Error { get; }
}

/// <summary>Folder management and message changes after delivery (what IMAP and the webmail do).
/// Every method is durable when it returns. Names use '/' as hierarchy separator; INBOX is
/// case-insensitive. Callers publish the changes on the <see cref="ChangeBus"/>.</summary>
public interface IMailboxStore
{
    /// <summary>The mailbox of an account by name, or null.</summary>
    Mailbox? FindMailbox(string accountId, string name);

    /// <summary>A mailbox by id, or null.</summary>
    Mailbox? GetMailbox(string mailboxId);

    /// <summary>Creates a mailbox and any missing parents; throws <see cref="MailboxStoreException"/> (AlreadyExists, NotAllowed).</summary>
    Mailbox CreateMailbox(string accountId, string name);

    /// <summary>Deletes a mailbox and its entries; INBOX and mailboxes with children are refused.</summary>
    void DeleteMailbox(string accountId, string name);

    /// <summary>Renames a mailbox and its children (keeping UIDVALIDITY). Renaming INBOX moves its
    /// messages to a new mailbox and leaves INBOX empty (RFC 3501 §6.3.5).</summary>
    void RenameMailbox(string accountId, string oldName, string newName);

    /// <summary>Adds or removes a subscription (the name need not exist).</summary>
    void SetSubscribed(string accountId, string name, bool subscribed);

    /// <summary>The subscribed names of an account.</summary>
    IReadOnlyList<string> GetSubscriptions(string accountId);

    /// <summary>Changes flags of the given UIDs (unknown UIDs are ignored); changed messages get one new MODSEQ.</summary>
    FlagUpdateResult UpdateFlags(string mailboxId, IReadOnlyCollection<uint> uids, FlagUpdate update);

    /// <summary>Removes the messages flagged \Deleted (only among <paramref name="onlyUids"/> when given).</summary>
    ExpungeResult Expunge(string mailboxId, IReadOnlyCollection<uint>? onlyUids);

    /// <summary>Copies (or moves) messages to another mailbox of the same account, in UID order.</summary>
    /// <param name="sourceMailboxId">Where the messages are.</param>
    /// <param name="uids">Which (unknown UIDs are ignored).</param>
    /// <param name="targetMailboxId">Where they go.</param>
    /// <param name="move">Whether they leave the source (a move does not change the account's usage).</param>
    /// <param name="quotaBytes">For a copy, the account's quota: a copy that would exceed it stores nothing
    /// and throws <see cref="QuotaExceededException"/>, decided in the write transaction. Null: no limit.</param>
    CopyResult Copy(string sourceMailboxId, IReadOnlyCollection<uint> uids, string targetMailboxId, bool move, long? quotaBytes = null);

    /// <summary>UIDs expunged from a mailbox after <paramref name="modSeq"/>.</summary>
    IReadOnlyList<ExpungedEntry> GetExpungedSince(string mailboxId, ulong modSeq);

    /// <summary>Octets used by an account's messages (QUOTA STORAGE).</summary>
    long UsedBytes(string accountId);

    /// <summary>IMAP \Recent (RFC 3501 §2.3.2): raises the mailbox's <see cref="Mailbox.RecentUid"/> to
    /// <paramref name="upTo"/> at once and returns the value it had, so the messages between the two are
    /// recent for the caller alone: of two sessions claiming together, one gets them, the other nothing.
    /// A mark already at or above <paramref name="upTo"/> is left alone (and nothing is written).</summary>
    uint ClaimRecent(string mailboxId, uint upTo);
    /// <summary>What an account's messages take: a counter the store keeps in the same transaction as
    /// every insert, copy, move and expunge, not a scan.</summary>
    Quota.QuotaUsage GetUsage(string accountId);
}
