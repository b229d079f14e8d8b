namespace Preau.Core.Mail;

/// <summary>One local delivery: a new entry in a mailbox of an account.</summary>
/// <param name="AccountId">Recipient account.</param>
/// <param name="MailboxName">Target mailbox name, usually INBOX.</param>
/// <param name="Flags">Initial flags (\Seen for a sent copy).</param>
/// <param name="Keywords">Initial user keywords (IMAP APPEND), none by default.</param>
/// <param name="QuotaBytes">The account's quota in octets, checked by the store in the write
/// transaction itself: a batch that would take an account over it stores nothing and fails with
/// <see cref="Storage.QuotaExceededException"/>. Null: not checked (no limit, or a system notice).</param>
public sealed record LocalDelivery(
    string AccountId,
    string MailboxName,
    MessageFlags Flags = MessageFlags.None,
    IReadOnlyList<string>? Keywords = null,
    long? QuotaBytes = null);

/// <summary>"Recipient may answer sender even where the rules would not let them write first."</summary>
public sealed record ReplyGrant(string AccountId, string CorrespondentAddress);

/// <summary>Everything one accepted message writes to the index, committed all or nothing.</summary>
/// <remarks>The blob is already durable when the batch is committed: the index never points at
/// a missing blob, and an orphan blob after a crash is harmless (garbage collection removes it).</remarks>
public sealed record DeliveryBatch(
    string BlobHash,
    long Size,
    DateTimeOffset InternalDate,
    MessageSummary Summary,
    IReadOnlyList<LocalDelivery> Local,
    RelayItem? Relay,
    IReadOnlyList<ReplyGrant> Grants);

/// <summary>Where one local delivery landed.</summary>
public sealed record DeliveredEntry(string AccountId, string MailboxId, uint Uid, ulong ModSeq, long EntryId)
{
    /// <summary>The account's usage in octets right after this entry was written, in the store's
    /// write order: what tells exactly once that a delivery crossed a threshold.</summary>
    public long AccountBytes { get; init; }
}
