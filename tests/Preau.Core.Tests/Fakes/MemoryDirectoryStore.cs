using Preau.Core.Accounts;
using Preau.Core.Graph;
using Preau.Core.Mail;
using Preau.Core.Storage;

namespace Preau.Core.Tests.Fakes;

/// <summary>The directory in memory, and a mail store that only records which accounts got their
/// default mailboxes (what DirectoryService asks of it when an account is added).</summary>
internal sealed class MemoryDirectoryStore(GraphData data) : IDirectoryStore, IMailStore
{
    private GraphData _data = data;

    public HashSet<string> AccountsWithMailboxes { get; } = [];

    public GraphData Load() => _data;

    public bool IsEmpty() => _data.Accounts.Count == 0;

    public void SaveAccount(Account account) =>
        _data = _data with { Accounts = [.. _data.Accounts.Where(a => a.Id != account.Id), account] };

    public void Import(GraphData data) => _data = data;

    public void Import(GraphData data, IReadOnlyCollection<string> removedStructures) => _data = data;

    public void EnsureDefaultMailboxes(string accountId) => AccountsWithMailboxes.Add(accountId);

    public IReadOnlyList<Mailbox> GetMailboxes(string accountId) => [];

    public Task<IReadOnlyList<DeliveredEntry>> CommitAsync(DeliveryBatch batch, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException("no delivery in these tests");

    public IReadOnlyList<MessageEntry> GetMessages(string mailboxId) => [];

    public IReadOnlyList<MessageEntry> GetMessages(string mailboxId, IReadOnlyCollection<uint> uids) => [];

    public IReadOnlyList<MessageEntry> GetMessagesAfter(string mailboxId, uint uid) => [];

    public int CountMessages(string mailboxId) => 0;

    public bool HasReplyGrant(string accountId, string correspondentAddress) => false;
}
