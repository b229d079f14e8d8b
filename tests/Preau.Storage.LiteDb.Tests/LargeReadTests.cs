using Preau.Core.Mail;

namespace Preau.Storage.LiteDb.Tests;

/// <summary>Reads larger than one chunk of summaries (the entries in one snapshot, their summaries a chunk
/// per query, then from memory): every entry keeps its own summary, in UID order.</summary>
public sealed class LargeReadTests : MailboxStoreTest
{
    private const int Count = 700;

    [Test]
    public async Task GetMessages_FolderOfSeveralChunks_EveryEntryWithItsOwnSummary()
    {
        using var store = new LiteDbStore(DataDir);
        var delivered = await Task.WhenAll(Enumerable.Range(0, Count).Select(i =>
            store.CommitAsync(Batch(FakeHash(i), new LocalDelivery("alice", DefaultMailboxes.Inbox)) with { Summary = Summary($"Devoir n°{i}") })));
        var subjectOf = delivered.Select((d, i) => (d.Single().Uid, Subject: $"Devoir n°{i}")).ToDictionary(x => x.Uid, x => x.Subject);
        var inbox = Box(store, "alice", DefaultMailboxes.Inbox);

        var first = store.GetMessages(inbox.Id);
        var again = store.GetMessages(inbox.Id);
        var after = store.GetMessagesAfter(inbox.Id, 100);
        var some = store.GetMessages(inbox.Id, Enumerable.Range(1, Count).Where(u => u % 2 == 0).Select(u => (uint)u).ToList());

        Assert.That(first.Select(e => e.Uid), Is.EqualTo(Enumerable.Range(1, Count).Select(u => (uint)u)));
        Assert.That(first.Select(e => e.Summary.Subject), Is.EqualTo(first.Select(e => subjectOf[e.Uid])));
        Assert.That(again, Is.EqualTo(first).Using<MessageEntry>(SameEntry));
        Assert.That(after, Is.EqualTo(first.Skip(100)).Using<MessageEntry>(SameEntry));
        Assert.That(some, Is.EqualTo(first.Where(e => e.Uid % 2 == 0)).Using<MessageEntry>(SameEntry));
    }

    [Test]
    public async Task GetMessages_EntryWhoseSummaryIsMissing_ListedWithAnEmptySummary()
    {
        using var store = new LiteDbStore(DataDir);
        _ = await DeliverAsync(store, "bob", DefaultMailboxes.Inbox, 2);
        var inbox = Box(store, "bob", DefaultMailboxes.Inbox);
        store.InsideGate(() => store.Collection<ContentDoc>("contents").Delete(FakeHash(1)));

        var entries = store.GetMessages(inbox.Id);

        Assert.That(entries.Select(e => e.Summary.Subject), Is.EqualTo(new[] { "Sortie au musée", "" }));
    }

    private static bool SameEntry(MessageEntry a, MessageEntry b) =>
        a.Id == b.Id && a.Uid == b.Uid && a.BlobHash == b.BlobHash && a.Flags == b.Flags && a.ModSeq == b.ModSeq && a.Summary.Subject == b.Summary.Subject;
}
