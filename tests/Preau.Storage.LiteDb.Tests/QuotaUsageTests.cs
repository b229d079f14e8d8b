using LiteDB;
using Preau.Core.Mail;
using Preau.Core.Quota;
using Preau.Core.Storage;

namespace Preau.Storage.LiteDb.Tests;

/// <summary>The per-account usage counter: kept by every write that adds or removes entries, checked
/// inside the write against the quota a delivery carries, recounted when missing.</summary>
public sealed class QuotaUsageTests : MailboxStoreTest
{
    [Test]
    public async Task Deliveries_CountEveryEntryOfEveryMailbox_PerAccount()
    {
        using var store = new LiteDbStore(DataDir);
        _ = await DeliverAsync(store, "alice", "INBOX", 2);
        _ = await DeliverAsync(store, "alice", "Archives", 1, firstHash: 10);
        _ = await DeliverAsync(store, "bob", "INBOX", 3, firstHash: 20);

        // One blob to two mailboxes of one account counts twice: usage is what the entries say.
        var twice = Batch(FakeHash(30), new LocalDelivery("carol", "INBOX"), new LocalDelivery("carol", "Envoyés")) with { Size = 500 };
        _ = await store.CommitAsync(twice);

        Assert.That(store.GetUsage("alice"), Is.EqualTo(new QuotaUsage(100 + 101 + 100, 3)));
        Assert.That(store.GetUsage("bob"), Is.EqualTo(new QuotaUsage(100 + 101 + 102, 3)));
        Assert.That(store.GetUsage("carol"), Is.EqualTo(new QuotaUsage(1000, 2)));
        Assert.That(store.GetUsage("nobody"), Is.EqualTo(QuotaUsage.Empty));
    }

    [Test]
    public async Task Copy_AddsToTheAccount_MoveChangesNothing_ExpungeAndDeleteRemove()
    {
        using var store = new LiteDbStore(DataDir);
        _ = await DeliverAsync(store, "alice", "INBOX", 3);
        var inbox = Box(store, "alice", "INBOX");
        var projets = store.CreateMailbox("alice", "Projets");

        _ = store.Copy(inbox.Id, [1, 2], projets.Id, move: false);
        Assert.That(store.GetUsage("alice"), Is.EqualTo(new QuotaUsage(303 + 201, 5)));

        _ = store.Copy(inbox.Id, [3], projets.Id, move: true);
        Assert.That(store.GetUsage("alice"), Is.EqualTo(new QuotaUsage(303 + 201, 5)), "a move stays in the account");

        _ = store.UpdateFlags(inbox.Id, [1], new FlagUpdate(FlagOperation.Add, MessageFlags.Deleted, []));
        _ = store.Expunge(inbox.Id, null);
        Assert.That(store.GetUsage("alice"), Is.EqualTo(new QuotaUsage(303 + 101, 4)));

        store.DeleteMailbox("alice", "Projets");
        Assert.That(store.GetUsage("alice"), Is.EqualTo(new QuotaUsage(101, 1)));
        Assert.That(store.UsedBytes("alice"), Is.EqualTo(101));
    }

    [Test]
    public async Task RenameInbox_MovesEntries_UsageUnchanged()
    {
        using var store = new LiteDbStore(DataDir);
        _ = await DeliverAsync(store, "alice", "INBOX", 2);
        store.RenameMailbox("alice", "INBOX", "Ancienne boîte");

        Assert.That(store.GetUsage("alice"), Is.EqualTo(new QuotaUsage(201, 2)));
        Assert.That(store.GetMessages(Box(store, "alice", "Ancienne boîte").Id), Has.Count.EqualTo(2));
    }

    [Test]
    public async Task DeliveredEntry_TellsTheAccountUsageRightAfterIt()
    {
        using var store = new LiteDbStore(DataDir);
        var batch = Batch(FakeHash(1), new LocalDelivery("alice", "INBOX"), new LocalDelivery("bob", "INBOX"), new LocalDelivery("alice", "Archives")) with { Size = 300 };
        var delivered = await store.CommitAsync(batch);

        Assert.That(delivered.Select(d => (d.AccountId, d.AccountBytes)), Is.EqualTo(new[] { ("alice", 300L), ("bob", 300L), ("alice", 600L) }));
    }

    [Test]
    public async Task Commit_OverQuota_StoresNothingAndNamesTheAccount()
    {
        using var store = new LiteDbStore(DataDir);
        _ = await DeliverAsync(store, "alice", "INBOX", 2);
        var inbox = Box(store, "alice", "INBOX");
        var batch = Batch(FakeHash(9), new LocalDelivery("alice", "INBOX", QuotaBytes: 400), new LocalDelivery("bob", "INBOX", QuotaBytes: 400)) with { Size = 200 };

        var ex = await Assert.ThrowsAsync<QuotaExceededException>(() => store.CommitAsync(batch));

        Assert.That(ex!.Refusals, Is.EqualTo(new[] { new QuotaRefusal("alice", 201, 200, 400) }));
        Assert.That(store.GetUsage("alice"), Is.EqualTo(new QuotaUsage(201, 2)));
        Assert.That(store.GetUsage("bob"), Is.EqualTo(QuotaUsage.Empty), "the batch is all or nothing: bob's copy was not written either");
        Assert.That(store.GetMailbox(inbox.Id)!.NextUid, Is.EqualTo(3u));
        Assert.That(store.FindMailbox("bob", "INBOX"), Is.Null);

        // Exactly at the limit fits.
        var fits = Batch(FakeHash(10), new LocalDelivery("alice", "INBOX", QuotaBytes: 401)) with { Size = 200 };
        Assert.That((await store.CommitAsync(fits)).Single().AccountBytes, Is.EqualTo(401));
    }

    [Test]
    public async Task Commit_ConcurrentDeliveriesToANearlyFullMailbox_NeverExceedTheQuota()
    {
        using var store = new LiteDbStore(DataDir);
        const long Quota = 10_000;
        var attempts = Enumerable.Range(0, 60)
            .Select(i => Batch(FakeHash(i), new LocalDelivery("alice", "INBOX", QuotaBytes: Quota)) with { Size = 1_000 })
            .Select(async batch =>
            {
                try
                {
                    _ = await store.CommitAsync(batch);
                    return true;
                }
                catch (QuotaExceededException)
                {
                    return false;
                }
            })
            .ToList();
        var outcomes = await Task.WhenAll(attempts);

        // The check and the insert are one transaction of the group-commit writer: exactly ten fit.
        Assert.That(outcomes.Count(ok => ok), Is.EqualTo(10));
        Assert.That(store.GetUsage("alice"), Is.EqualTo(new QuotaUsage(Quota, 10)));
        Assert.That(store.CountMessages(Box(store, "alice", "INBOX").Id), Is.EqualTo(10));
    }

    [Test]
    public async Task Commit_OneBatchOverQuotaInAGroup_TheOthersAreWritten()
    {
        using var store = new LiteDbStore(DataDir);
        var batches = Enumerable.Range(0, 40)
            .Select(i => i % 4 == 0
                ? Batch(FakeHash(i), new LocalDelivery("full", "INBOX", QuotaBytes: 10)) with { Size = 100 }
                : Batch(FakeHash(i), new LocalDelivery("alice", "INBOX", QuotaBytes: 1_000_000)) with { Size = 100 })
            .Select(batch => store.CommitAsync(batch))
            .ToList();

        foreach (var (task, i) in batches.Select((t, i) => (t, i)))
        {
            if (i % 4 == 0)
            {
                Assert.That(async () => await task, Throws.TypeOf<QuotaExceededException>());
            }
            else
            {
                Assert.That((await task).Single().AccountId, Is.EqualTo("alice"));
            }
        }

        Assert.That(store.GetUsage("alice"), Is.EqualTo(new QuotaUsage(30 * 100, 30)));
        Assert.That(store.GetUsage("full"), Is.EqualTo(QuotaUsage.Empty));
    }

    [Test]
    public async Task Copy_OverQuota_CopiesNothing_MoveIsNotLimited()
    {
        using var store = new LiteDbStore(DataDir);
        _ = await DeliverAsync(store, "alice", "INBOX", 3);
        var inbox = Box(store, "alice", "INBOX");
        var archives = store.CreateMailbox("alice", "Vieux");

        Assert.That(() => store.Copy(inbox.Id, [1, 2], archives.Id, move: false, quotaBytes: 303 + 200),
            Throws.TypeOf<QuotaExceededException>().With.Property(nameof(QuotaExceededException.Refusals)).EqualTo(new[] { new QuotaRefusal("alice", 303, 201, 503) }));
        Assert.That(store.GetMessages(archives.Id), Is.Empty);
        Assert.That(store.GetUsage("alice"), Is.EqualTo(new QuotaUsage(303, 3)));

        var moved = store.Copy(inbox.Id, [1, 2], archives.Id, move: true, quotaBytes: 1);
        Assert.That(moved.TargetUids, Has.Count.EqualTo(2));
        Assert.That(store.GetUsage("alice"), Is.EqualTo(new QuotaUsage(303, 3)));

        var copied = store.Copy(inbox.Id, [3], archives.Id, move: false, quotaBytes: 303 + 102);
        Assert.That(copied.TargetUids, Has.Count.EqualTo(1));
        Assert.That(store.GetUsage("alice"), Is.EqualTo(new QuotaUsage(405, 4)));
    }

    [Test]
    public async Task Open_DataFolderWithoutCounters_RecountsThemFromTheEntries()
    {
        using (var store = new LiteDbStore(DataDir))
        {
            _ = await DeliverAsync(store, "alice", "INBOX", 3);
            _ = await DeliverAsync(store, "bob", "Archives", 2, firstHash: 10);
            _ = store.Copy(Box(store, "alice", "INBOX").Id, [1], Box(store, "alice", "Archives").Id, move: false);
        }

        // A data folder from before the counters: no quota_usage collection, no marker.
        using (var db = new LiteDatabase(new ConnectionString { Filename = Path.Combine(DataDir, LiteDbStore.IndexFileName), Collation = Collation.Binary }))
        {
            Assert.That(db.DropCollection("quota_usage"), Is.True);
            Assert.That(db.GetCollection("counters").Delete("usage"), Is.True);
        }

        using var reopened = new LiteDbStore(DataDir);
        Assert.That(reopened.GetUsage("alice"), Is.EqualTo(new QuotaUsage(100 + 101 + 102 + 100, 4)));
        Assert.That(reopened.GetUsage("bob"), Is.EqualTo(new QuotaUsage(201, 2)));

        // From then on the counter is kept by the writes again.
        _ = await DeliverAsync(reopened, "bob", "INBOX", 1, firstHash: 20);
        Assert.That(reopened.GetUsage("bob"), Is.EqualTo(new QuotaUsage(301, 3)));
    }

    [Test]
    public async Task RebuildQuotaUsage_AgreesWithTheCountersKeptByEveryWrite()
    {
        using var store = new LiteDbStore(DataDir);
        _ = await DeliverAsync(store, "alice", "INBOX", 5);
        _ = await DeliverAsync(store, "bob", "INBOX", 2, firstHash: 10);
        var inbox = Box(store, "alice", "INBOX");
        _ = store.CreateMailbox("alice", "Projets");
        _ = store.Copy(inbox.Id, [1, 2, 3], Box(store, "alice", "Projets").Id, move: false);
        _ = store.Copy(inbox.Id, [4], Box(store, "alice", "Projets").Id, move: true);
        _ = store.UpdateFlags(inbox.Id, [5], new FlagUpdate(FlagOperation.Add, MessageFlags.Deleted, []));
        _ = store.Expunge(inbox.Id, null);
        store.RenameMailbox("alice", "INBOX", "Avant");
        var kept = (store.GetUsage("alice"), store.GetUsage("bob"));

        Assert.That(store.RebuildQuotaUsage(), Is.EqualTo(2));
        Assert.That((store.GetUsage("alice"), store.GetUsage("bob")), Is.EqualTo(kept));
        Assert.That(kept.Item1, Is.EqualTo(new QuotaUsage(100 + 101 + 102 + 100 + 101 + 102 + 103, 7)));
    }
}
