using System.Reflection;
using LiteDB;
using Preau.Core.Mail;
using Preau.Core.Storage;

namespace Preau.Storage.LiteDb.Tests;

/// <summary>The store's one concurrency rule for LiteDB (every call and every enumeration under its gate),
/// and its recovery when LiteDB's engine closes itself after an internal error.</summary>
public sealed class GateTests : MailboxStoreTest
{
    [Test]
    public void Collection_CalledOutsideTheGate_RefusedBeforeReachingLiteDb()
    {
        using var store = new LiteDbStore(DataDir);
        store.EnsureDefaultMailboxes("alice");
        var mailboxes = store.Collection<MailboxDoc>("mailboxes");

        Assert.That(() => mailboxes.Count(), Throws.InvalidOperationException.With.Message.Contains("outside the store's gate"));
        Assert.That(() => mailboxes.FindAll(), Throws.InvalidOperationException);
        var count = 0;
        store.InsideGate(() => count = mailboxes.Count());
        Assert.That(count, Is.EqualTo(DefaultMailboxes.All.Count));
    }

    [Test]
    public void LazyResults_EnumeratedOutsideTheGate_Refused()
    {
        using var store = new LiteDbStore(DataDir);
        store.EnsureDefaultMailboxes("alice");
        var mailboxes = store.Collection<MailboxDoc>("mailboxes");
        IEnumerable<MailboxDoc> found = [];
        ILiteQueryable<MailboxDoc>? query = null;
        store.InsideGate(() =>
        {
            found = mailboxes.FindAll();
            query = mailboxes.Query();
        });

        Assert.That(() => found.ToList(), Throws.InvalidOperationException);
        Assert.That(() => query!.ToList(), Throws.InvalidOperationException);
        Assert.That(() => query!.OrderBy("_id").ToEnumerable().ToList(), Throws.InvalidOperationException);
        List<MailboxDoc> inside = [];
        store.InsideGate(() => inside = found.ToList());
        Assert.That(inside, Has.Count.EqualTo(DefaultMailboxes.All.Count));
    }

    [Test]
    public async Task EngineClosedByAnInternalError_NextReadReopensAndSeesEveryCommit()
    {
        using var store = new LiteDbStore(DataDir);
        var uids = await DeliverAsync(store, "alice", DefaultMailboxes.Inbox, 5);
        var inbox = Box(store, "alice", DefaultMailboxes.Inbox);
        _ = store.UpdateFlags(inbox.Id, [uids[1]], new FlagUpdate(FlagOperation.Add, MessageFlags.Seen, []));

        CloseEngineAsLiteDbDoes(store);
        var dead = store.Database;
        // LiteException 999 again, or ObjectDisposedException from the engine's disposed locks.
        Assert.That(() => store.InsideGate(() => dead.GetCollection("mailboxes").Count()), Throws.Exception, "every call on the closed engine fails");

        var entries = store.GetMessages(inbox.Id);

        Assert.That(store.Database, Is.Not.SameAs(dead));
        Assert.That(entries.Select(e => e.Uid), Is.EqualTo(uids));
        Assert.That(entries.Single(e => e.Uid == uids[1]).Flags, Is.EqualTo(MessageFlags.Seen));
        Assert.That(store.GetMailbox(inbox.Id), Is.EqualTo(inbox with { HighestModSeq = inbox.HighestModSeq + 1 }));
    }

    [Test]
    public async Task EngineClosedByAnInternalError_WritesAndDeliveriesGoOnAndAreDurable()
    {
        Mailbox inbox;
        using (var store = new LiteDbStore(DataDir))
        {
            _ = await DeliverAsync(store, "bob", DefaultMailboxes.Inbox, 3);
            inbox = Box(store, "bob", DefaultMailboxes.Inbox);

            CloseEngineAsLiteDbDoes(store);
            var flagged = store.UpdateFlags(inbox.Id, [2], new FlagUpdate(FlagOperation.Add, MessageFlags.Flagged, []));
            CloseEngineAsLiteDbDoes(store);
            var delivered = await store.CommitAsync(ToInbox(FakeHash(100), "bob"));

            Assert.That(flagged.Changed.Single().Uid, Is.EqualTo(2u));
            Assert.That(delivered.Single().Uid, Is.EqualTo(4u));
        }

        // Written through the reopened engine, and fsynced through its log: there after a restart.
        using var reopened = new LiteDbStore(DataDir);
        var entries = reopened.GetMessages(inbox.Id);
        Assert.That(entries.Select(e => e.Uid), Is.EqualTo(new uint[] { 1, 2, 3, 4 }));
        Assert.That(entries.Single(e => e.Uid == 2).Flags, Is.EqualTo(MessageFlags.Flagged));
        Assert.That(reopened.UsedBytes("bob"), Is.EqualTo(entries.Sum(e => e.Size)));
    }

    /// <summary>Puts the store's LiteDB engine in the state its own consistency checks leave it in: a check
    /// throws LiteException 999 ("invalid datafile state"), EngineState.Handle calls LiteEngine.Close(ex),
    /// and from then on every call rethrows that exception. Done through LiteDB's internals (5.0.21), as
    /// the page-cache race that leads there cannot be triggered on demand.</summary>
    private static void CloseEngineAsLiteDbDoes(LiteDbStore store)
    {
        var engine = typeof(LiteDatabase).GetField("_engine", BindingFlags.NonPublic | BindingFlags.Instance)!.GetValue(store.Database)!;
        var close = engine.GetType().GetMethod("Close", BindingFlags.NonPublic | BindingFlags.Instance, [typeof(Exception)])!;
        _ = close.Invoke(engine, [new LiteException(999, "Page type must be data page: {0}")]);
    }
}
