using Preau.Core.Mail;
using Preau.Core.Storage;

namespace Preau.Storage.LiteDb.Tests;

public sealed class MessageChangeTests : MailboxStoreTest
{
    [Test]
    public async Task UpdateFlags_Add_ChangesEveryEntryUnderOneModSeq()
    {
        using var store = new LiteDbStore(DataDir);
        _ = await DeliverAsync(store, "alice", "INBOX", 3);
        var inbox = Box(store, "alice", "INBOX");

        var result = store.UpdateFlags(inbox.Id, [1, 3, 99], new FlagUpdate(FlagOperation.Add, MessageFlags.Seen | MessageFlags.Flagged, ["$Important"]));

        var expected = inbox.HighestModSeq + 1;
        Assert.That(result.HighestModSeq, Is.EqualTo(expected));
        Assert.That(result.Failed, Is.Empty);
        Assert.That(result.Changed.Select(e => (e.Uid, e.Flags, e.ModSeq)),
            Is.EqualTo(new[] { (1u, MessageFlags.Seen | MessageFlags.Flagged, expected), (3u, MessageFlags.Seen | MessageFlags.Flagged, expected) }));
        Assert.That(result.Changed.Select(e => e.Keywords), Is.All.EqualTo(new[] { "$Important" }));
        Assert.That(result.Changed[0].Summary, Is.EqualTo(Summary()));
        Assert.That(result.Changed, Is.EqualTo(store.GetMessages(inbox.Id).Where(m => m.Uid != 2)).Using<MessageEntry>(SameEntry));
        Assert.That(Entry(store, inbox, 2).Flags, Is.EqualTo(MessageFlags.None));
        Assert.That(Box(store, "alice", "INBOX").HighestModSeq, Is.EqualTo(expected));
    }

    [Test]
    public async Task UpdateFlags_RemoveAndReplace_ComputeFromCurrentFlags()
    {
        using var store = new LiteDbStore(DataDir);
        _ = await DeliverAsync(store, "alice", "INBOX", 2, MessageFlags.Seen | MessageFlags.Answered);
        var inbox = Box(store, "alice", "INBOX");
        _ = store.UpdateFlags(inbox.Id, [1, 2], new FlagUpdate(FlagOperation.Add, MessageFlags.None, ["Projet", "Urgent"]));

        var removed = store.UpdateFlags(inbox.Id, [1], new FlagUpdate(FlagOperation.Remove, MessageFlags.Seen, ["urgent", "Absent"]));
        var replaced = store.UpdateFlags(inbox.Id, [2], new FlagUpdate(FlagOperation.Replace, MessageFlags.Draft, ["Autre", "AUTRE"]));

        Assert.That((removed.Changed.Single().Flags, removed.Changed.Single().Keywords), Is.EqualTo((MessageFlags.Answered, new[] { "Projet" })));
        Assert.That((replaced.Changed.Single().Flags, replaced.Changed.Single().Keywords), Is.EqualTo((MessageFlags.Draft, new[] { "Autre" })));
        Assert.That(replaced.HighestModSeq, Is.EqualTo(removed.HighestModSeq + 1));
        Assert.That(Entry(store, inbox, 1).Keywords, Is.EqualTo(new[] { "Projet" }));
        Assert.That(Entry(store, inbox, 2).Flags, Is.EqualTo(MessageFlags.Draft));
    }

    [Test]
    public async Task UpdateFlags_KeywordInOtherCaseOrNothingNew_IsANoOp()
    {
        using var store = new LiteDbStore(DataDir);
        _ = await DeliverAsync(store, "alice", "INBOX", 2, MessageFlags.Seen);
        var inbox = Box(store, "alice", "INBOX");
        var first = store.UpdateFlags(inbox.Id, [1, 2], new FlagUpdate(FlagOperation.Add, MessageFlags.None, ["Projet"]));

        var again = store.UpdateFlags(inbox.Id, [1, 2], new FlagUpdate(FlagOperation.Add, MessageFlags.Seen, ["PROJET"]));
        var replace = store.UpdateFlags(inbox.Id, [1], new FlagUpdate(FlagOperation.Replace, MessageFlags.Seen, ["projet"]));
        var remove = store.UpdateFlags(inbox.Id, [2], new FlagUpdate(FlagOperation.Remove, MessageFlags.Deleted, ["Absent"]));

        foreach (var result in new[] { again, replace, remove })
        {
            Assert.That(result.Changed, Is.Empty);
            Assert.That(result.Failed, Is.Empty);
            Assert.That(result.HighestModSeq, Is.EqualTo(first.HighestModSeq));
        }

        Assert.That(store.GetMessages(inbox.Id).Select(m => (m.Keywords.Single(), m.ModSeq)), Is.All.EqualTo(("Projet", first.HighestModSeq)));
    }

    [Test]
    public async Task UpdateFlags_UnchangedSince_FailsEntriesModifiedAfterIt()
    {
        using var store = new LiteDbStore(DataDir);
        _ = await DeliverAsync(store, "alice", "INBOX", 4);
        var inbox = Box(store, "alice", "INBOX");
        var since = Entry(store, inbox, 2).ModSeq;

        var result = store.UpdateFlags(inbox.Id, [4, 3, 2, 1], new FlagUpdate(FlagOperation.Add, MessageFlags.Seen, [], since));

        Assert.That(result.Failed, Is.EqualTo(new[] { 3u, 4u }));
        Assert.That(result.Changed.Select(e => e.Uid), Is.EqualTo(new[] { 1u, 2u }));
        Assert.That(Entry(store, inbox, 3).Flags, Is.EqualTo(MessageFlags.None));
        var zero = store.UpdateFlags(inbox.Id, [1, 2], new FlagUpdate(FlagOperation.Remove, MessageFlags.Seen, [], 0));
        Assert.That((zero.Changed.Count, zero.Failed), Is.EqualTo((0, new[] { 1u, 2u })));
        Assert.That(zero.HighestModSeq, Is.EqualTo(result.HighestModSeq));
    }

    [Test]
    public void UpdateFlagsExpungeCopy_UnknownMailbox_ThrowNotFound()
    {
        using var store = new LiteDbStore(DataDir);
        store.EnsureDefaultMailboxes("alice");
        var inbox = Box(store, "alice", "INBOX");

        Assert.That(() => store.UpdateFlags("424242", [1], new FlagUpdate(FlagOperation.Add, MessageFlags.Seen, [])), Refused(MailboxError.NotFound));
        Assert.That(() => store.Expunge("nope", null), Refused(MailboxError.NotFound));
        Assert.That(() => store.Copy(inbox.Id, [1], "424242", false), Refused(MailboxError.NotFound));
        Assert.That(() => store.Copy("424242", [1], inbox.Id, true), Refused(MailboxError.NotFound));
        Assert.That(store.GetExpungedSince("424242", 0), Is.Empty);
    }

    [Test]
    public async Task Expunge_RemovesOnlyDeletedEntriesUnderOneModSeq()
    {
        using var store = new LiteDbStore(DataDir);
        _ = await DeliverAsync(store, "alice", "INBOX", 5);
        var inbox = Box(store, "alice", "INBOX");
        _ = store.UpdateFlags(inbox.Id, [2, 4, 5], new FlagUpdate(FlagOperation.Add, MessageFlags.Deleted, []));
        var before = Box(store, "alice", "INBOX").HighestModSeq;

        var restricted = store.Expunge(inbox.Id, [1, 4]);
        var rest = store.Expunge(inbox.Id, null);
        var nothing = store.Expunge(inbox.Id, null);

        Assert.That(restricted, Is.EqualTo(new ExpungeResult([4], before + 1)).Using<ExpungeResult>(SameExpunge));
        Assert.That(rest, Is.EqualTo(new ExpungeResult([2, 5], before + 2)).Using<ExpungeResult>(SameExpunge));
        Assert.That(nothing, Is.EqualTo(new ExpungeResult([], before + 2)).Using<ExpungeResult>(SameExpunge));
        Assert.That(store.GetMessages(inbox.Id).Select(m => m.Uid), Is.EqualTo(new[] { 1u, 3u }));
        Assert.That(store.GetExpungedSince(inbox.Id, 0), Is.EqualTo(new[] { new ExpungedEntry(2, before + 2), new ExpungedEntry(4, before + 1), new ExpungedEntry(5, before + 2) }));
        Assert.That(store.GetExpungedSince(inbox.Id, before + 1).Select(e => e.Uid), Is.EqualTo(new[] { 2u, 5u }));
        Assert.That(store.GetExpungedSince(inbox.Id, before + 2), Is.Empty);
        Assert.That(await DeliverAsync(store, "alice", "INBOX", 1, firstHash: 50), Is.EqualTo(new[] { 6u }));
    }

    [Test]
    public async Task Copy_ToOtherMailbox_ConsecutiveUidsSameFlagsOneModSeq()
    {
        using var store = new LiteDbStore(DataDir);
        _ = await DeliverAsync(store, "alice", "INBOX", 4, MessageFlags.Seen);
        var inbox = Box(store, "alice", "INBOX");
        _ = store.UpdateFlags(inbox.Id, [3], new FlagUpdate(FlagOperation.Add, MessageFlags.Flagged, ["Projet"]));
        var target = store.CreateMailbox("alice", "Projets");
        _ = await DeliverAsync(store, "alice", "Projets", 1, firstHash: 20);

        var result = store.Copy(inbox.Id, [4, 3, 1, 77], target.Id, move: false);

        Assert.That(result.TargetUidValidity, Is.EqualTo(target.UidValidity));
        Assert.That(result.SourceUids, Is.EqualTo(new[] { 1u, 3u, 4u }));
        Assert.That(result.TargetUids, Is.EqualTo(new[] { 2u, 3u, 4u }));
        Assert.That(result.Moved, Is.Empty);
        var copies = store.GetMessages(target.Id).Skip(1).ToList();
        var originals = store.GetMessages(inbox.Id).Where(m => m.Uid != 2).ToList();
        Assert.That(copies.Select(c => (c.BlobHash, c.Size, c.InternalDate, c.Flags, string.Join(",", c.Keywords))),
            Is.EqualTo(originals.Select(o => (o.BlobHash, o.Size, o.InternalDate, o.Flags, string.Join(",", o.Keywords)))));
        var after = Box(store, "alice", "Projets");
        Assert.That(copies.Select(c => c.ModSeq), Is.All.EqualTo(after.HighestModSeq));
        Assert.That((after.NextUid, after.HighestModSeq), Is.EqualTo((5u, 3ul)));
        Assert.That(store.CountMessages(inbox.Id), Is.EqualTo(4));
        Assert.That(Box(store, "alice", "INBOX").HighestModSeq, Is.EqualTo(store.GetMailbox(inbox.Id)!.HighestModSeq));
    }

    [Test]
    public async Task Copy_Move_RemovesSourceEntriesAsExpunged()
    {
        using var store = new LiteDbStore(DataDir);
        _ = await DeliverAsync(store, "alice", "INBOX", 3);
        var inbox = Box(store, "alice", "INBOX");
        var archives = Box(store, "alice", "Archives");

        var result = store.Copy(inbox.Id, [1, 2], archives.Id, move: true);

        Assert.That((result.SourceUids, result.TargetUids, result.Moved), Is.EqualTo((new[] { 1u, 2u }, new[] { 1u, 2u }, new[] { 1u, 2u })));
        var source = store.GetMailbox(inbox.Id)!;
        Assert.That(source.HighestModSeq, Is.EqualTo(inbox.HighestModSeq + 1));
        Assert.That(store.GetMessages(inbox.Id).Select(m => m.Uid), Is.EqualTo(new[] { 3u }));
        Assert.That(store.GetExpungedSince(inbox.Id, inbox.HighestModSeq), Is.EqualTo(new[] { new ExpungedEntry(1, source.HighestModSeq), new ExpungedEntry(2, source.HighestModSeq) }));
        Assert.That(store.GetMessages(archives.Id).Select(m => (m.Uid, m.Size)), Is.EqualTo(new[] { (1u, 100L), (2u, 101L) }));
        Assert.That(store.Copy(inbox.Id, [1, 2], archives.Id, move: true).SourceUids, Is.Empty);
    }

    [Test]
    public async Task Copy_ToAnotherAccount_ThrowsNotAllowedAndChangesNothing()
    {
        using var store = new LiteDbStore(DataDir);
        _ = await DeliverAsync(store, "alice", "INBOX", 2);
        store.EnsureDefaultMailboxes("bob");
        var alice = Box(store, "alice", "INBOX");
        var bob = Box(store, "bob", "INBOX");

        Assert.That(() => store.Copy(alice.Id, [1, 2], bob.Id, move: true), Refused(MailboxError.NotAllowed));
        Assert.That(store.CountMessages(bob.Id), Is.Zero);
        Assert.That(store.GetMailbox(alice.Id), Is.EqualTo(alice));
        Assert.That(store.CountMessages(alice.Id), Is.EqualTo(2));
    }

    [Test]
    public async Task CommitAsync_AppendWithKeywordsToCreatedMailbox_StoresThem()
    {
        using var store = new LiteDbStore(DataDir);
        store.EnsureDefaultMailboxes("alice");
        var projets = store.CreateMailbox("alice", "Projets/Sortie");
        var append = Batch(FakeHash(1), new LocalDelivery("alice", "Projets/Sortie", MessageFlags.Seen | MessageFlags.Draft, ["$Label1", "Projet", "projet"]));

        var delivered = (await store.CommitAsync(append)).Single();

        Assert.That((delivered.MailboxId, delivered.Uid), Is.EqualTo((projets.Id, 1u)));
        var entry = Entry(store, projets, 1);
        Assert.That(entry.Flags, Is.EqualTo(MessageFlags.Seen | MessageFlags.Draft));
        Assert.That(entry.Keywords, Is.EqualTo(new[] { "$Label1", "Projet" }));
        var unknown = Batch(FakeHash(2), new LocalDelivery("alice", "Projets/Nulle part"));
        Assert.That(async () => await store.CommitAsync(unknown), Refused(MailboxError.NotFound));
    }

    private static bool SameEntry(MessageEntry a, MessageEntry b) =>
        a with { Keywords = [] } == b with { Keywords = [] } && a.Keywords.SequenceEqual(b.Keywords);

    private static bool SameExpunge(ExpungeResult a, ExpungeResult b) =>
        a.HighestModSeq == b.HighestModSeq && a.Uids.SequenceEqual(b.Uids);
}
