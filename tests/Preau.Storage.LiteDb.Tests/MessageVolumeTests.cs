using Preau.Core.Mail;
using Preau.Core.Storage;

namespace Preau.Storage.LiteDb.Tests;

public sealed class MessageVolumeTests : MailboxStoreTest
{
    [Test]
    public async Task UpdateFlags_ManyUids_ChangesExactlyThoseInTheRange()
    {
        using var store = new LiteDbStore(DataDir);
        _ = await DeliverAsync(store, "alice", "INBOX", 60);
        var inbox = Box(store, "alice", "INBOX");
        var uids = Enumerable.Range(5, 55).Where(i => i % 3 != 0).Select(i => (uint)i).Append(500u).ToList();

        var result = store.UpdateFlags(inbox.Id, uids, new FlagUpdate(FlagOperation.Add, MessageFlags.Deleted, []));
        var expunged = store.Expunge(inbox.Id, Enumerable.Range(1, 200).Select(i => (uint)i).ToList());

        var expected = uids.Where(u => u <= 60).ToList();
        Assert.That(expected, Has.Count.GreaterThan(32));
        Assert.That(result.Changed.Select(e => e.Uid), Is.EqualTo(expected));
        Assert.That(expunged.Uids, Is.EqualTo(expected));
        Assert.That(store.CountMessages(inbox.Id), Is.EqualTo(60 - expected.Count));
    }

    [Test]
    public async Task UsedBytes_SumsEveryMailboxOfTheAccountOnly()
    {
        using var store = new LiteDbStore(DataDir);
        _ = await DeliverAsync(store, "alice", "INBOX", 2);
        _ = await DeliverAsync(store, "alice", "Envoyés", 1, MessageFlags.Seen | MessageFlags.Deleted, firstHash: 10);
        _ = await DeliverAsync(store, "bob", "INBOX", 3);

        Assert.That(store.UsedBytes("alice"), Is.EqualTo(100 + 101 + 100));
        Assert.That(store.UsedBytes("bob"), Is.EqualTo(100 + 101 + 102));
        Assert.That(store.UsedBytes("nobody"), Is.Zero);
        _ = store.Expunge(Box(store, "alice", "Envoyés").Id, null);
        Assert.That(store.UsedBytes("alice"), Is.EqualTo(201));
    }

    [Test]
    public async Task Copy_ConcurrentWithDeliveries_UidsAndModSeqsStayConsistent()
    {
        using var store = new LiteDbStore(DataDir);
        _ = await DeliverAsync(store, "alice", "INBOX", 5);
        var inbox = Box(store, "alice", "INBOX");
        var target = store.CreateMailbox("alice", "Projets");

        var deliveries = Enumerable.Range(0, 100).Select(i => DeliverAsync(store, "alice", "Projets", 1, firstHash: 100 + i)).ToList();
        var copies = Enumerable.Range(0, 20).Select(_ => Task.Run(() => store.Copy(inbox.Id, [1, 2, 3], target.Id, move: false))).ToList();
        var delivered = await Task.WhenAll(deliveries);
        var copied = await Task.WhenAll(copies);

        var entries = store.GetMessages(target.Id);
        Assert.That(entries.Select(e => e.Uid), Is.EqualTo(Enumerable.Range(1, 160).Select(i => (uint)i)));
        Assert.That(copied.SelectMany(c => c.TargetUids).Concat(delivered.SelectMany(d => d)).Order(), Is.EqualTo(entries.Select(e => e.Uid)));
        var after = store.GetMailbox(target.Id)!;
        Assert.That(after.NextUid, Is.EqualTo(161u));
        Assert.That(after.HighestModSeq, Is.EqualTo(1ul + 100 + 20));
        Assert.That(entries.Select(e => e.ModSeq).Distinct().Count(), Is.EqualTo(120));
    }
}
