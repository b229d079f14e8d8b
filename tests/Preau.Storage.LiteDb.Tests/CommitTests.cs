using System.Text;
using Preau.Core.Mail;
using Preau.Core.Storage;

namespace Preau.Storage.LiteDb.Tests;

public sealed class CommitTests : TempFolderTest
{
    [Test]
    public async Task CommitAsync_32TasksIntoOneMailbox_UidsUniqueContiguousAndIncreasing()
    {
        using var store = new LiteDbStore(DataDir);
        store.EnsureDefaultMailboxes("alice");
        const int Tasks = 32;
        const int PerTask = 10;

        var perTask = await Task.WhenAll(Enumerable.Range(0, Tasks).Select(t => Task.Run(async () =>
        {
            var uids = new List<DeliveredEntry>();
            for (var i = 0; i < PerTask; i++)
            {
                uids.AddRange(await store.CommitAsync(ToInbox(FakeHash((t * 100) + i), "alice")));
            }

            return uids;
        })));

        var all = perTask.SelectMany(x => x).ToList();
        Assert.That(all.Select(d => d.Uid).Order(), Is.EqualTo(Enumerable.Range(1, Tasks * PerTask).Select(i => (uint)i)));
        Assert.That(all.Select(d => d.EntryId).Distinct().Count(), Is.EqualTo(Tasks * PerTask));
        foreach (var task in perTask)
        {
            // Each caller awaited its commits in turn, so it must see its own UIDs increase.
            Assert.That(task.Select(d => d.Uid), Is.Ordered.Ascending);
        }

        var inbox = store.GetMailboxes("alice").Single(m => m.Name == DefaultMailboxes.Inbox);
        var messages = store.GetMessages(inbox.Id);
        Assert.That(store.CountMessages(inbox.Id), Is.EqualTo(Tasks * PerTask));
        Assert.That(messages.Select(m => m.Uid), Is.EqualTo(Enumerable.Range(1, Tasks * PerTask).Select(i => (uint)i)));
        Assert.That(messages.Select(m => m.ModSeq), Is.Ordered.Ascending);
        Assert.That(inbox.NextUid, Is.EqualTo((uint)(Tasks * PerTask) + 1));
        Assert.That(inbox.HighestModSeq, Is.EqualTo((ulong)(Tasks * PerTask) + 1));
    }

    [Test]
    public async Task CommitAsync_BatchTo150Accounts_OneBlobAnd150Entries()
    {
        var blobs = new FileBlobStore(DataDir);
        using var store = new LiteDbStore(DataDir);
        var accounts = Enumerable.Range(1, 150).Select(i => $"eleve{i:000}").ToArray();
        var hash = await blobs.PutAsync(Encoding.UTF8.GetBytes("Subject: Réunion parents-professeurs\r\n\r\nBonjour\r\n"));

        var delivered = await store.CommitAsync(ToInbox(hash, accounts));

        Assert.That(blobs.Count(), Is.EqualTo(1));
        Assert.That(delivered, Has.Count.EqualTo(150));
        Assert.That(delivered.Select(d => d.MailboxId).Distinct().Count(), Is.EqualTo(150));
        Assert.That(delivered.Select(d => d.Uid), Is.All.EqualTo(1u));
        foreach (var account in accounts)
        {
            var inbox = store.GetMailboxes(account).Single(m => m.Use == SpecialUse.Inbox);
            var entry = store.GetMessages(inbox.Id).Single();
            Assert.That(entry.BlobHash, Is.EqualTo(hash));
        }
    }

    [Test]
    public async Task CommitAsync_AfterDisposeAndReopen_UidsContinueAndUidValidityUnchanged()
    {
        Mailbox before;
        using (var store = new LiteDbStore(DataDir))
        {
            for (var i = 0; i < 5; i++)
            {
                _ = await store.CommitAsync(ToInbox(FakeHash(i), "bob"));
            }

            before = store.GetMailboxes("bob").Single(m => m.Name == DefaultMailboxes.Inbox);
        }

        using (var store = new LiteDbStore(DataDir))
        {
            var after = store.GetMailboxes("bob").Single(m => m.Name == DefaultMailboxes.Inbox);
            Assert.That(after, Is.EqualTo(before));
            var delivered = await store.CommitAsync(ToInbox(FakeHash(9), "bob"));
            Assert.That(delivered.Single().Uid, Is.EqualTo(6u));
            Assert.That(store.GetMessages(after.Id).Select(m => m.Uid), Is.EqualTo(new uint[] { 1, 2, 3, 4, 5, 6 }));
            Assert.That(store.GetMailboxes("bob").Single(m => m.Name == DefaultMailboxes.Inbox).UidValidity, Is.EqualTo(before.UidValidity));
        }
    }

    [Test]
    public async Task CommitAsync_FilesCopiedWhileOpen_CopyHoldsEveryAwaitedCommit()
    {
        // Copying the files of a live store is what a kill -9 leaves behind: only what reached the
        // OS counts, and LiteDB must replay its log on open.
        var copy = Path.Combine(DataDir, "after-crash");
        Directory.CreateDirectory(copy);
        using (var store = new LiteDbStore(DataDir))
        {
            for (var i = 0; i < 20; i++)
            {
                _ = await store.CommitAsync(ToInbox(FakeHash(i), "kim"));
            }

            foreach (var file in Directory.GetFiles(DataDir).Where(f => Path.GetFileName(f) != LiteDbStore.LockFileName))
            {
                File.Copy(file, Path.Combine(copy, Path.GetFileName(file)));
            }
        }

        Assert.That(File.Exists(Path.Combine(copy, "index-log.db")), Is.True, "the commits should still be in the log");
        using var recovered = new LiteDbStore(copy);
        var inbox = recovered.GetMailboxes("kim").Single(m => m.Use == SpecialUse.Inbox);
        Assert.That(recovered.CountMessages(inbox.Id), Is.EqualTo(20));
        Assert.That(inbox.NextUid, Is.EqualTo(21u));
    }

    [Test]
    public async Task CommitAsync_Entry_RoundTripsEveryField()
    {
        using var store = new LiteDbStore(DataDir);
        var summary = new MessageSummary("  Espaces gardés  ", "", "", null, null, true);
        var batch = new DeliveryBatch(FakeHash(1), 98765, T0, summary,
            [new LocalDelivery("carol", "Envoyés", MessageFlags.Seen)], null, []);

        var delivered = (await store.CommitAsync(batch)).Single();

        var entry = store.GetMessages(delivered.MailboxId).Single();
        Assert.That(entry.Id, Is.EqualTo(delivered.EntryId));
        Assert.That(entry.Uid, Is.EqualTo(delivered.Uid));
        Assert.That(entry.ModSeq, Is.EqualTo(delivered.ModSeq));
        Assert.That(entry.Size, Is.EqualTo(98765));
        Assert.That(entry.InternalDate, Is.EqualTo(T0));
        Assert.That(entry.Flags, Is.EqualTo(MessageFlags.Seen));
        Assert.That(entry.Keywords, Is.Empty);
        Assert.That(entry.Summary, Is.EqualTo(summary));
        Assert.That(store.GetMailboxes("carol").Single(m => m.Id == delivered.MailboxId).Use, Is.EqualTo(SpecialUse.Sent));
    }

    [Test]
    public async Task CommitAsync_UnknownMailboxAmongConcurrentBatches_FailsOnlyThatBatch()
    {
        using var store = new LiteDbStore(DataDir);
        store.EnsureDefaultMailboxes("erin");
        var bad = Batch(FakeHash(999), new LocalDelivery("erin", "Pas de dossier"));

        var good = Enumerable.Range(0, 40).Select(i => store.CommitAsync(ToInbox(FakeHash(i), "erin"))).ToList();
        var failing = store.CommitAsync(bad);
        good.AddRange(Enumerable.Range(40, 40).Select(i => store.CommitAsync(ToInbox(FakeHash(i), "erin"))));

        Assert.That(async () => await failing, Throws.TypeOf<MailboxStoreException>().With.Property(nameof(MailboxStoreException.Error)).EqualTo(MailboxError.NotFound));
        var results = await Task.WhenAll(good);
        Assert.That(results.Select(r => r.Single().Uid).Order(), Is.EqualTo(Enumerable.Range(1, 80).Select(i => (uint)i)));
        var inbox = store.GetMailboxes("erin").Single(m => m.Use == SpecialUse.Inbox);
        Assert.That(store.CountMessages(inbox.Id), Is.EqualTo(80));
        Assert.That(inbox.NextUid, Is.EqualTo(81u));
    }

    [Test]
    public async Task Dispose_WithQueuedCommits_WritesThemBeforeClosing()
    {
        List<Task<IReadOnlyList<DeliveredEntry>>> pending;
        using (var store = new LiteDbStore(DataDir))
        {
            pending = Enumerable.Range(0, 100).Select(i => store.CommitAsync(ToInbox(FakeHash(i), "hugo"))).ToList();
        }

        Assert.That(pending.Select(t => t.IsCompletedSuccessfully), Is.All.True);
        using var reopened = new LiteDbStore(DataDir);
        var inbox = reopened.GetMailboxes("hugo").Single(m => m.Use == SpecialUse.Inbox);
        Assert.That(reopened.CountMessages(inbox.Id), Is.EqualTo(100));
    }

    [Test]
    public void CommitAsync_AfterDispose_ThrowsObjectDisposed()
    {
        var store = new LiteDbStore(DataDir);
        store.Dispose();

        Assert.That(() => store.CommitAsync(ToInbox(FakeHash(1), "ines")), Throws.InstanceOf<ObjectDisposedException>());
    }
}
