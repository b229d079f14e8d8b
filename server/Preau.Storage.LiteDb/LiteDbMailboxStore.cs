using LiteDB;
using Preau.Core.Mail;
using Preau.Core.Storage;

namespace Preau.Storage.LiteDb;

// IMailboxStore, folder side: find, create, delete, rename, subscriptions. Message changes
// (flags, expunge, copy) are in LiteDbMessageChanges.cs. Every write goes through Write: one
// transaction under the write lock the delivery writer also holds, then a log fsync.
public sealed partial class LiteDbStore
{
    private ILiteCollection<ExpungedDoc> _expunged = null!;
    private ILiteCollection<SubscriptionDoc> _subscriptions = null!;

    /// <inheritdoc />
    public Mailbox? FindMailbox(string accountId, string name)
    {
        ArgumentNullException.ThrowIfNull(accountId);
        ArgumentNullException.ThrowIfNull(name);
        var key = MailboxDoc.KeyOf(accountId, name);
        return Read(() => _mailboxes.FindOne(Filters.Eq(nameof(MailboxDoc.Key), key))?.ToRecord());
    }

    /// <inheritdoc />
    public Mailbox? GetMailbox(string mailboxId)
    {
        ArgumentNullException.ThrowIfNull(mailboxId);
        return MailboxDoc.TryParseId(mailboxId, out var id) ? Read(() => _mailboxes.FindById(id)?.ToRecord()) : null;
    }

    /// <inheritdoc />
    public Mailbox CreateMailbox(string accountId, string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(accountId);
        var canonical = MailboxNames.Validate(name);
        return Write(() =>
        {
            var scope = new WriteScope(this);
            var created = scope.Create(accountId, canonical);
            scope.Save();
            return created.ToRecord();
        });
    }

    /// <inheritdoc />
    public void DeleteMailbox(string accountId, string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(accountId);
        ArgumentNullException.ThrowIfNull(name);
        var canonical = MailboxNames.Canonical(name);
        if (canonical == DefaultMailboxes.Inbox)
        {
            throw new MailboxStoreException(MailboxError.NotAllowed, "INBOX cannot be deleted");
        }

        Write(() =>
        {
            var all = AccountMailboxes(accountId);
            var mailbox = all.Find(m => m.Name == canonical) ?? throw NotFound(canonical);
            if (all.Exists(m => MailboxNames.IsInside(m.Name, canonical)))
            {
                throw new MailboxStoreException(MailboxError.HasChildren, $"\"{canonical}\" has child mailboxes");
            }

            var entries = _messages.Find(PositionsOf(mailbox.Id)).ToList();
            var scope = new WriteScope(this);
            _ = scope.AddUsage(accountId, -entries.Sum(e => e.Size), -entries.Count);
            scope.Save();
            _ = _messages.DeleteMany(PositionsOf(mailbox.Id));
            _ = _expunged.DeleteMany(ExpungedOf(mailbox.Id));
            _ = _mailboxes.Delete(mailbox.Id);
            // Under the write lock: no delivery can read the cache before this commits.
            _ = _mailboxIds.TryRemove(mailbox.Key, out _);
        });
    }

    /// <inheritdoc />
    public void RenameMailbox(string accountId, string oldName, string newName)
    {
        ArgumentException.ThrowIfNullOrEmpty(accountId);
        ArgumentNullException.ThrowIfNull(oldName);
        var from = MailboxNames.Canonical(oldName);
        var to = MailboxNames.Validate(newName);
        Write(() =>
        {
            var all = AccountMailboxes(accountId);
            var source = all.Find(m => m.Name == from) ?? throw NotFound(from);
            if (to == DefaultMailboxes.Inbox || all.Exists(m => m.Name == to))
            {
                throw new MailboxStoreException(MailboxError.AlreadyExists, $"a mailbox named \"{to}\" exists");
            }

            var scope = new WriteScope(this);
            if (from == DefaultMailboxes.Inbox)
            {
                // RFC 3501 §6.3.5: the messages move to a new mailbox; INBOX stays, empty, with its
                // UIDVALIDITY and UIDs (the moved ones recorded as expunged); its children stay.
                var target = scope.Create(accountId, to);
                var inbox = scope.ById(source.Id)!;
                var entries = _messages.Find(PositionsOf(inbox.Id)).OrderBy(m => m.Position).ToList();
                if (entries.Count > 0)
                {
                    _ = CopyEntries(entries, target, scope);
                    _ = RemoveEntries(inbox, entries, scope);
                }

                scope.Save();
                return;
            }

            if (MailboxNames.IsInside(to, from))
            {
                throw new MailboxStoreException(MailboxError.NotAllowed, $"\"{from}\" cannot be renamed inside itself");
            }

            var moving = all.Where(m => m.Name == from || MailboxNames.IsInside(m.Name, from)).ToList();
            var renamed = moving.ToDictionary(m => m.Id, m => to + m.Name[from.Length..]);
            if (all.Exists(m => !renamed.ContainsKey(m.Id) && renamed.ContainsValue(m.Name)))
            {
                throw new MailboxStoreException(MailboxError.AlreadyExists, $"a mailbox below \"{to}\" exists");
            }

            // Parents first: every lookup by name must precede the renames in this scope.
            foreach (var parent in MailboxNames.Parents(to))
            {
                if (parent == DefaultMailboxes.Inbox)
                {
                    scope.EnsureDefaults(accountId);
                }
                else if (scope.Find(MailboxDoc.KeyOf(accountId, parent)) is null)
                {
                    _ = scope.Create(accountId, parent);
                }
            }

            foreach (var mailbox in moving)
            {
                scope.Rename(scope.ById(mailbox.Id)!, renamed[mailbox.Id]);
            }

            scope.Save();
        });
    }

    /// <inheritdoc />
    public void SetSubscribed(string accountId, string name, bool subscribed)
    {
        ArgumentException.ThrowIfNullOrEmpty(accountId);
        ArgumentNullException.ThrowIfNull(name);
        if (subscribed)
        {
            var canonical = MailboxNames.Validate(name);
            _ = Write(() => _subscriptions.Upsert(new SubscriptionDoc
            {
                Id = SubscriptionDoc.KeyOf(accountId, canonical),
                AccountId = accountId,
                Name = canonical,
            }));
        }
        else
        {
            var key = SubscriptionDoc.KeyOf(accountId, MailboxNames.Canonical(name));
            _ = Write(() => _subscriptions.Delete(key));
        }
    }

    /// <inheritdoc />
    public IReadOnlyList<string> GetSubscriptions(string accountId)
    {
        ArgumentNullException.ThrowIfNull(accountId);
        return Read(() => _subscriptions.Find(Filters.Eq(nameof(SubscriptionDoc.AccountId), accountId))
            .Select(s => s.Name)
            .Order(StringComparer.Ordinal)
            .ToList());
    }

    private void InitializeMailboxStoreCollections()
    {
        _expunged = Collection<ExpungedDoc>("expunged");
        _subscriptions = Collection<SubscriptionDoc>("subscriptions");
        _ = _subscriptions.EnsureIndex(s => s.AccountId);
    }

    private List<MailboxDoc> AccountMailboxes(string accountId) =>
        _mailboxes.Find(Filters.Eq(nameof(MailboxDoc.AccountId), accountId)).ToList();

    /// <summary>Every entry of a mailbox, through the unique position index.</summary>
    private static BsonExpression PositionsOf(long mailboxId) =>
        Filters.Between(nameof(MessageDoc.Position), MessageDoc.PositionOf(mailboxId, 0), MessageDoc.PositionOf(mailboxId, uint.MaxValue));

    /// <summary>Every expunged record of a mailbox, through the primary key.</summary>
    private static BsonExpression ExpungedOf(long mailboxId) =>
        Filters.Between("_id", MessageDoc.PositionOf(mailboxId, 0), MessageDoc.PositionOf(mailboxId, uint.MaxValue));

    private static MailboxStoreException NotFound(string name) =>
        new(MailboxError.NotFound, $"no mailbox named \"{name}\"");
}
