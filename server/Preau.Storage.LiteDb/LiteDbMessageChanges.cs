using Preau.Core.Mail;
using Preau.Core.Storage;

namespace Preau.Storage.LiteDb;

// IMailboxStore, message side: flags, expunge, copy and move, expunged UIDs. Each call is one
// transaction under the write lock (mailbox NextUid and HighestModSeq are shared with deliveries),
// then a log fsync; a change that touches several entries gives them all one new MODSEQ.
public sealed partial class LiteDbStore
{
    /// <summary>Above this many UIDs, entries are read as one range scan rather than one by one.</summary>
    private const int PointLookups = 32;

    /// <inheritdoc />
    public FlagUpdateResult UpdateFlags(string mailboxId, IReadOnlyCollection<uint> uids, FlagUpdate update)
    {
        ArgumentNullException.ThrowIfNull(uids);
        ArgumentNullException.ThrowIfNull(update);
        var id = ParseMailboxId(mailboxId);
        var given = KeywordSet.Of(update.Keywords);
        var (changed, failed, highest, missing) = Write(() =>
        {
            var scope = new WriteScope(this);
            var mailbox = scope.ById(id) ?? throw NoMailbox(mailboxId);
            var changed = new List<MessageDoc>();
            var failed = new List<uint>();
            var found = EntriesOf(id, uids);
            var missing = found.Count == uids.Count(u => u > 0) ? [] : uids.Except(found.Select(e => (uint)e.Uid)).Where(u => u > 0).Order().ToList();
            foreach (var entry in found)
            {
                if (update.UnchangedSince is { } since && (ulong)entry.ModSeq > since)
                {
                    failed.Add((uint)entry.Uid);
                    continue;
                }

                var flags = update.Operation switch
                {
                    FlagOperation.Replace => update.Flags,
                    FlagOperation.Add => entry.Flags | update.Flags,
                    FlagOperation.Remove => entry.Flags & ~update.Flags,
                    _ => throw new ArgumentOutOfRangeException(nameof(update), update.Operation, "unknown flag operation"),
                };
                var keywords = KeywordSet.Apply(update.Operation, entry.Keywords, given);
                if (flags == entry.Flags && KeywordSet.Same(keywords, entry.Keywords))
                {
                    continue;
                }

                entry.Flags = flags;
                entry.Keywords = [.. keywords];
                changed.Add(entry);
            }

            if (changed.Count > 0)
            {
                var modSeq = ++mailbox.HighestModSeq;
                changed.ForEach(entry => entry.ModSeq = modSeq);
                _ = _messages.Update(changed);
                scope.Save();
            }

            return (changed, failed, (ulong)mailbox.HighestModSeq, missing);
        });

        return new FlagUpdateResult(WithSummaries(changed), failed, highest, missing);
    }

    /// <inheritdoc />
    public ExpungeResult Expunge(string mailboxId, IReadOnlyCollection<uint>? onlyUids)
    {
        var id = ParseMailboxId(mailboxId);
        return Write(() =>
        {
            var scope = new WriteScope(this);
            var mailbox = scope.ById(id) ?? throw NoMailbox(mailboxId);
            var deleted = EntriesOf(id, onlyUids).Where(e => e.Flags.HasFlag(MessageFlags.Deleted)).ToList();
            var uids = deleted.Count > 0 ? RemoveEntries(mailbox, deleted, scope) : [];
            scope.Save();
            return new ExpungeResult(uids, (ulong)mailbox.HighestModSeq);
        });
    }

    /// <inheritdoc />
    public CopyResult Copy(string sourceMailboxId, IReadOnlyCollection<uint> uids, string targetMailboxId, bool move, long? quotaBytes = null)
    {
        ArgumentNullException.ThrowIfNull(uids);
        var sourceId = ParseMailboxId(sourceMailboxId);
        var targetId = ParseMailboxId(targetMailboxId);
        return Write(() =>
        {
            var scope = new WriteScope(this);
            var source = scope.ById(sourceId) ?? throw NoMailbox(sourceMailboxId);
            var target = scope.ById(targetId) ?? throw NoMailbox(targetMailboxId);
            if (source.AccountId != target.AccountId)
            {
                throw new MailboxStoreException(MailboxError.NotAllowed, "messages are copied only between mailboxes of one account");
            }

            var entries = EntriesOf(sourceId, uids);
            if (entries.Count == 0)
            {
                return new CopyResult((uint)target.UidValidity, [], [], []);
            }

            if (!move && quotaBytes is { } limit)
            {
                // Decided under the write lock, against the counter every other write updates.
                var adding = entries.Sum(e => e.Size);
                var used = scope.Usage(target.AccountId).Bytes;
                if (used + adding > limit)
                {
                    throw new QuotaExceededException([new QuotaRefusal(target.AccountId, used, adding, limit)]);
                }
            }

            var targetUids = CopyEntries(entries, target, scope);
            IReadOnlyList<uint> moved = move ? RemoveEntries(source, entries, scope) : [];
            scope.Save();
            return new CopyResult((uint)target.UidValidity, entries.Select(e => (uint)e.Uid).ToList(), targetUids, moved);
        });
    }

    /// <inheritdoc />
    public IReadOnlyList<ExpungedEntry> GetExpungedSince(string mailboxId, ulong modSeq)
    {
        ArgumentNullException.ThrowIfNull(mailboxId);
        if (!MailboxDoc.TryParseId(mailboxId, out var id))
        {
            return [];
        }

        return Read(() => _expunged.Find(ExpungedOf(id))
            .Where(e => (ulong)e.ModSeq > modSeq)
            .OrderBy(e => e.Uid)
            .Select(e => new ExpungedEntry((uint)e.Uid, (ulong)e.ModSeq))
            .ToList());
    }

    /// <summary>The existing entries among <paramref name="uids"/> (all of the mailbox when null), in UID order.</summary>
    private List<MessageDoc> EntriesOf(long mailboxId, IReadOnlyCollection<uint>? uids)
    {
        if (uids is null)
        {
            return _messages.Find(PositionsOf(mailboxId)).OrderBy(m => m.Position).ToList();
        }

        if (uids.Count == 0)
        {
            return [];
        }

        var wanted = uids.Where(u => u > 0).ToHashSet();
        if (wanted.Count <= PointLookups)
        {
            return wanted.Order()
                .Select(uid => _messages.FindOne(Filters.Eq(nameof(MessageDoc.Position), MessageDoc.PositionOf(mailboxId, uid))))
                .OfType<MessageDoc>()
                .ToList();
        }

        var range = Filters.Between(nameof(MessageDoc.Position), MessageDoc.PositionOf(mailboxId, wanted.Min()), MessageDoc.PositionOf(mailboxId, wanted.Max()));
        return _messages.Find(range).Where(m => wanted.Contains((uint)m.Uid)).OrderBy(m => m.Position).ToList();
    }

    /// <summary>Copies entries (in UID order) into <paramref name="target"/> with consecutive new UIDs
    /// and one new MODSEQ; returns the new UIDs. The caller saves the target (and the account's usage,
    /// raised here) through its scope.</summary>
    private List<uint> CopyEntries(List<MessageDoc> entries, MailboxDoc target, WriteScope scope)
    {
        if (target.NextUid + entries.Count - 1 > uint.MaxValue)
        {
            // RFC 9051 then requires a new UIDVALIDITY; renumbering is an offline job.
            throw new InvalidOperationException($"Mailbox {target.Id} has used every UID.");
        }

        var modSeq = ++target.HighestModSeq;
        _ = scope.AddUsage(target.AccountId, entries.Sum(e => e.Size), entries.Count);
        var copies = entries.Select(entry =>
        {
            var uid = target.NextUid++;
            return new MessageDoc
            {
                Id = scope.NextEntryId(),
                MailboxId = target.Id,
                Position = MessageDoc.PositionOf(target.Id, uid),
                Uid = uid,
                BlobHash = entry.BlobHash,
                Size = entry.Size,
                InternalDate = entry.InternalDate,
                Flags = entry.Flags,
                Keywords = [.. entry.Keywords],
                ModSeq = modSeq,
            };
        }).ToList();
        _ = _messages.Insert(copies);
        return copies.Select(c => (uint)c.Uid).ToList();
    }

    /// <summary>Removes entries of <paramref name="mailbox"/> under one new MODSEQ, recorded per UID
    /// for QRESYNC; returns the UIDs removed, ascending. The caller saves the mailbox (and the account's
    /// usage, lowered here) through its scope.</summary>
    private List<uint> RemoveEntries(MailboxDoc mailbox, List<MessageDoc> entries, WriteScope scope)
    {
        var modSeq = ++mailbox.HighestModSeq;
        _ = scope.AddUsage(mailbox.AccountId, -entries.Sum(e => e.Size), -entries.Count);
        foreach (var entry in entries)
        {
            _ = _messages.Delete(entry.Id);
        }

        _ = _expunged.Insert(entries.Select(e => new ExpungedDoc
        {
            Id = MessageDoc.PositionOf(mailbox.Id, e.Uid),
            MailboxId = mailbox.Id,
            Uid = e.Uid,
            ModSeq = modSeq,
        }));
        return entries.Select(e => (uint)e.Uid).Order().ToList();
    }

    private static long ParseMailboxId(string mailboxId)
    {
        ArgumentNullException.ThrowIfNull(mailboxId);
        return MailboxDoc.TryParseId(mailboxId, out var id) ? id : throw NoMailbox(mailboxId);
    }

    private static MailboxStoreException NoMailbox(string mailboxId) =>
        new(MailboxError.NotFound, $"no mailbox with id {mailboxId}");
}
