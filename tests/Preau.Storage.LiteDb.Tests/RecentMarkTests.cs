using Preau.Core.Storage;

namespace Preau.Storage.LiteDb.Tests;

/// <summary>The per-mailbox \Recent mark (<see cref="IMailboxStore.ClaimRecent"/>) and what a flag change
/// reports about UIDs that are gone.</summary>
public sealed class RecentMarkTests : MailboxStoreTest
{
    [Test]
    public async Task ClaimRecent_ReturnsPreviousMarkAndRaisesIt()
    {
        using var store = new LiteDbStore(DataDir);
        _ = await DeliverAsync(store, "alice", "INBOX", 3);
        var inbox = Box(store, "alice", "INBOX");
        Assert.That(inbox.RecentUid, Is.Zero, "nothing claimed yet: all three are recent");

        Assert.That(store.ClaimRecent(inbox.Id, 2), Is.Zero);
        Assert.That(store.ClaimRecent(inbox.Id, 3), Is.EqualTo(2u), "only UID 3 was left for the second claim");
        Assert.That(store.ClaimRecent(inbox.Id, 3), Is.EqualTo(3u), "a second claim of the same messages gets nothing");
        Assert.That(store.ClaimRecent(inbox.Id, 1), Is.EqualTo(3u), "the mark never goes down");
        Assert.That(Box(store, "alice", "INBOX").RecentUid, Is.EqualTo(3u));
    }

    [Test]
    public async Task ClaimRecent_ConcurrentClaims_EachUidGoesToOneCaller()
    {
        using var store = new LiteDbStore(DataDir);
        _ = await DeliverAsync(store, "alice", "INBOX", 40);
        var inbox = Box(store, "alice", "INBOX");

        // Forty sessions claim at once, each up to another UID: the ranges (previous mark, upTo] they get
        // must not overlap, and together cover 1..40.
        var claims = await Task.WhenAll(Enumerable.Range(1, 40).Select(upTo => Task.Run(() => (Before: store.ClaimRecent(inbox.Id, (uint)upTo), UpTo: (uint)upTo))));
        var taken = claims.SelectMany(c => Enumerable.Range((int)c.Before + 1, Math.Max(0, (int)c.UpTo - (int)c.Before))).ToList();

        Assert.That(taken, Is.Unique);
        Assert.That(taken.Order(), Is.EqualTo(Enumerable.Range(1, 40)));
    }

    [Test]
    public async Task ClaimRecent_SurvivesReopen()
    {
        string id;
        using (var store = new LiteDbStore(DataDir))
        {
            _ = await DeliverAsync(store, "alice", "INBOX", 2);
            id = Box(store, "alice", "INBOX").Id;
            _ = store.ClaimRecent(id, 2);
        }

        using var reopened = new LiteDbStore(DataDir);
        Assert.That(reopened.GetMailbox(id)!.RecentUid, Is.EqualTo(2u));
    }

    [Test]
    public void ClaimRecent_UnknownMailbox_NotFound()
    {
        using var store = new LiteDbStore(DataDir);
        Assert.That(() => store.ClaimRecent("424242", 1), Refused(MailboxError.NotFound));
    }

    [Test]
    public async Task UpdateFlags_ExpungedUids_ReportedMissing()
    {
        using var store = new LiteDbStore(DataDir);
        _ = await DeliverAsync(store, "alice", "INBOX", 3, Core.Mail.MessageFlags.Deleted);
        var inbox = Box(store, "alice", "INBOX");
        _ = store.Expunge(inbox.Id, [2]);

        var result = store.UpdateFlags(inbox.Id, [1, 2, 3], new FlagUpdate(FlagOperation.Add, Core.Mail.MessageFlags.Seen, []));

        Assert.That(result.Missing, Is.EqualTo(new[] { 2u }));
        Assert.That(result.Changed.Select(e => e.Uid), Is.EqualTo(new[] { 1u, 3u }));
        Assert.That(store.UpdateFlags(inbox.Id, [1], new FlagUpdate(FlagOperation.Add, Core.Mail.MessageFlags.Seen, [])).Missing, Is.Empty);
    }
}
