using Preau.Core.Mail;

namespace Preau.Core.Storage;

/// <summary>Mailboxes and message entries of all accounts.</summary>
public interface IMailStore
{
    /// <summary>Creates the default mailboxes of an account where missing.</summary>
    void EnsureDefaultMailboxes(string accountId);

    /// <summary>The mailboxes of an account.</summary>
    IReadOnlyList<Mailbox> GetMailboxes(string accountId);

    /// <summary>Writes a delivery durably, all or nothing; returns where each local copy landed.</summary>
    /// <remarks>Implementations may group concurrent batches into one transaction and one flush;
    /// the task completes only once the batch is durable.</remarks>
    Task<IReadOnlyList<DeliveredEntry>> CommitAsync(DeliveryBatch batch, CancellationToken cancellationToken = default);

    /// <summary>Entries of a mailbox in UID order.</summary>
    IReadOnlyList<MessageEntry> GetMessages(string mailboxId);

    /// <summary>The entries of a mailbox with these UIDs (missing ones skipped), in UID order: what a
    /// session needs after a change notification, without reading the whole mailbox.</summary>
    IReadOnlyList<MessageEntry> GetMessages(string mailboxId, IReadOnlyCollection<uint> uids);

    /// <summary>The entries of a mailbox whose UID is above <paramref name="uid"/>, in UID order: the
    /// messages that arrived since a session last looked.</summary>
    IReadOnlyList<MessageEntry> GetMessagesAfter(string mailboxId, uint uid);

    /// <summary>How many entries a mailbox holds.</summary>
    int CountMessages(string mailboxId);

    /// <summary>Whether a reply grant exists (the account received mail from this address).</summary>
    bool HasReplyGrant(string accountId, string correspondentAddress);
}
