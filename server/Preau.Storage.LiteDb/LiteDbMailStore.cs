using LiteDB;
using Preau.Core.Mail;

namespace Preau.Storage.LiteDb;

// IMailStore: mailboxes, message entries and reply grants. CommitAsync is in LiteDbStore.GroupCommit.cs.
public sealed partial class LiteDbStore
{
    private ILiteCollection<MailboxDoc> _mailboxes = null!;
    private ILiteCollection<MessageDoc> _messages = null!;
    private ILiteCollection<ReplyGrantDoc> _grants = null!;
    private ILiteCollection<ContentDoc> _contents = null!;
    private ILiteCollection<CounterDoc> _counters = null!;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, long> _mailboxIds = new(StringComparer.Ordinal);

    // Grants known to be stored. Grants are never removed, so a hit needs no database work: the head
    // teacher's second message to 150 parents rewrites none of the 150 grants the first one stored.
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, bool> _knownGrants = new(StringComparer.Ordinal);

    /// <inheritdoc />
    public void EnsureDefaultMailboxes(string accountId)
    {
        ArgumentException.ThrowIfNullOrEmpty(accountId);
        Write(() =>
        {
            var scope = new WriteScope(this);
            scope.EnsureDefaults(accountId);
            scope.Save();
        });
    }

    /// <inheritdoc />
    public IReadOnlyList<Mailbox> GetMailboxes(string accountId) => Read(() =>
        _mailboxes.Find(Filters.Eq(nameof(MailboxDoc.AccountId), accountId))
            .OrderBy(m => m.Id)
            .Select(m => m.ToRecord())
            .ToList());

    /// <inheritdoc />
    public IReadOnlyList<MessageEntry> GetMessages(string mailboxId)
    {
        if (!MailboxDoc.TryParseId(mailboxId, out var id))
        {
            return [];
        }

        // The position index holds a mailbox's entries contiguously, in UID order.
        return ReadEntries(() => _messages.Find(Filters.Between(nameof(MessageDoc.Position), MessageDoc.PositionOf(id, 0), MessageDoc.PositionOf(id, uint.MaxValue)))
            .OrderBy(m => m.Position)
            .ToList());
    }

    /// <inheritdoc />
    public IReadOnlyList<MessageEntry> GetMessages(string mailboxId, IReadOnlyCollection<uint> uids)
    {
        ArgumentNullException.ThrowIfNull(uids);
        if (!MailboxDoc.TryParseId(mailboxId, out var id))
        {
            return [];
        }

        return ReadEntries(() =>
        {
            var entries = new List<MessageDoc>(uids.Count);
            foreach (var uid in uids.Distinct().Order())
            {
                if (_messages.FindOne(Filters.Eq(nameof(MessageDoc.Position), MessageDoc.PositionOf(id, uid))) is { } doc)
                {
                    entries.Add(doc);
                }
            }

            return entries;
        });
    }

    /// <inheritdoc />
    public IReadOnlyList<MessageEntry> GetMessagesAfter(string mailboxId, uint uid)
    {
        if (!MailboxDoc.TryParseId(mailboxId, out var id) || uid == uint.MaxValue)
        {
            return [];
        }

        return ReadEntries(() => _messages.Find(Filters.Between(nameof(MessageDoc.Position), MessageDoc.PositionOf(id, uid + 1), MessageDoc.PositionOf(id, uint.MaxValue)))
            .OrderBy(m => m.Position)
            .ToList());
    }

    /// <inheritdoc />
    public int CountMessages(string mailboxId) =>
        MailboxDoc.TryParseId(mailboxId, out var id)
            ? Read(() => _messages.Count(Filters.Between(nameof(MessageDoc.Position), MessageDoc.PositionOf(id, 0), MessageDoc.PositionOf(id, uint.MaxValue))))
            : 0;

    /// <inheritdoc />
    public bool HasReplyGrant(string accountId, string correspondentAddress)
    {
        ArgumentNullException.ThrowIfNull(accountId);
        ArgumentNullException.ThrowIfNull(correspondentAddress);
        var key = ReplyGrantDoc.KeyOf(accountId, correspondentAddress);
        if (_knownGrants.ContainsKey(key))
        {
            return true;
        }

        var found = Read(() => _grants.FindById(key) is not null);
        if (found)
        {
            _knownGrants[key] = true;
        }

        return found;
    }

    private void InitializeMailCollections()
    {
        _mailboxes = Collection<MailboxDoc>("mailboxes");
        _ = _mailboxes.EnsureIndex(m => m.AccountId);
        _ = _mailboxes.EnsureIndex(m => m.Key, unique: true);
        _messages = Collection<MessageDoc>("messages");
        // No MailboxId index: the unique Position index (mailbox id << 32 | UID) already orders a
        // mailbox's entries together, and every index costs each delivery an extra write.
        _ = _messages.EnsureIndex(m => m.Position, unique: true);
        _grants = Collection<ReplyGrantDoc>("reply_grants");
        _contents = Collection<ContentDoc>("contents");
        _counters = Collection<CounterDoc>("counters");
        InitializeRelayCollection();
        InitializeMailboxStoreCollections();
        InitializeQuotaCollection();
    }

    /// <summary>Writes one delivery into the current transaction; returns where each local copy landed.</summary>
    private List<DeliveredEntry> Apply(DeliveryBatch batch, WriteScope scope)
    {
        var delivered = new List<DeliveredEntry>(batch.Local.Count);
        var entries = new List<MessageDoc>(batch.Local.Count);
        if (_contents.FindById(batch.BlobHash) is null)
        {
            _ = _contents.Insert(new ContentDoc { Id = batch.BlobHash, Summary = SummaryDoc.Of(batch.Summary) });
        }

        var internalDate = Ticks.Of(batch.InternalDate);
        foreach (var local in batch.Local)
        {
            var mailbox = scope.Mailbox(local.AccountId, local.MailboxName);
            if (mailbox.NextUid > uint.MaxValue)
            {
                // RFC 9051 then requires a new UIDVALIDITY; renumbering is an offline job.
                throw new InvalidOperationException($"Mailbox {mailbox.Id} has used every UID.");
            }

            var uid = mailbox.NextUid++;
            var modSeq = ++mailbox.HighestModSeq;
            var usage = scope.AddUsage(local.AccountId, batch.Size, 1);
            var entry = new MessageDoc
            {
                Id = scope.NextEntryId(),
                MailboxId = mailbox.Id,
                Position = MessageDoc.PositionOf(mailbox.Id, uid),
                Uid = uid,
                BlobHash = batch.BlobHash,
                Size = batch.Size,
                InternalDate = internalDate,
                Flags = local.Flags,
                Keywords = KeywordSet.Of(local.Keywords),
                ModSeq = modSeq,
            };
            entries.Add(entry);
            delivered.Add(new DeliveredEntry(local.AccountId, MailboxDoc.IdText(mailbox.Id), (uint)uid, (ulong)modSeq, entry.Id) { AccountBytes = usage.Bytes });
        }

        // One call for the whole batch: LiteDB's per-call cost (snapshot, locks) dominates small documents.
        _ = _messages.Insert(entries);

        if (batch.Relay is { } relay)
        {
            _ = _relay.Insert(RelayDoc.Of(relay));
        }

        var now = Ticks.Of(_time.GetUtcNow());
        foreach (var grant in batch.Grants)
        {
            var key = ReplyGrantDoc.KeyOf(grant.AccountId, grant.CorrespondentAddress);
            if (_knownGrants.ContainsKey(key))
            {
                continue;
            }

            // Marked known only once committed (see WriteGroup): a rolled-back grant must be written again.
            scope.NewGrants.Add(key);
            _ = _grants.Upsert(new ReplyGrantDoc
            {
                Id = key,
                AccountId = grant.AccountId,
                Address = grant.CorrespondentAddress.ToLowerInvariant(),
                Granted = now,
            });
        }

        return delivered;
    }
}
