using Preau.Core.Mail;

namespace Preau.Storage.LiteDb.Tests;

public sealed class MailboxAndGrantTests : TempFolderTest
{
    [Test]
    public async Task CommitAsync_MissingDefaultMailbox_CreatesTheDefaultSet()
    {
        using var store = new LiteDbStore(DataDir);

        _ = await store.CommitAsync(ToInbox(FakeHash(1), "dave"));

        var mailboxes = store.GetMailboxes("dave");
        Assert.That(mailboxes.Select(m => m.Name), Is.EqualTo(DefaultMailboxes.All.Select(m => m.Name)));
        Assert.That(mailboxes.Select(m => m.UidValidity).Distinct().Count(), Is.EqualTo(mailboxes.Count));
        Assert.That(mailboxes.Where(m => m.Use != SpecialUse.Inbox).Select(m => m.NextUid), Is.All.EqualTo(1u));
    }

    [Test]
    public async Task CommitAsync_WithRelayAndGrants_WritesThemWithTheEntries()
    {
        using var store = new LiteDbStore(DataDir);
        var relay = new RelayItem("r1", FakeHash(1), "prof@college.fr", ["parent@example.org"], "prof", T0, T0, 0, null);
        var batch = new DeliveryBatch(FakeHash(1), 10, T0, Summary(), [new LocalDelivery("prof", "Envoyés", MessageFlags.Seen)],
            relay, [new ReplyGrant("prof", "Parent@Example.ORG")]);

        _ = await store.CommitAsync(batch);

        Assert.That(store.GetAll().Single().Recipients, Is.EqualTo(new[] { "parent@example.org" }));
        Assert.That(store.HasReplyGrant("prof", "parent@example.org"), Is.True);
        Assert.That(store.HasReplyGrant("prof", "PARENT@example.org"), Is.True);
        Assert.That(store.HasReplyGrant("prof", "other@example.org"), Is.False);
        Assert.That(store.HasReplyGrant("eleve", "parent@example.org"), Is.False);
    }

    [Test]
    public async Task CommitAsync_ReplyGrant_SurvivesReopen()
    {
        using (var store = new LiteDbStore(DataDir))
        {
            var batch = ToInbox(FakeHash(1), "frank") with { Grants = [new ReplyGrant("frank", "x@y.fr")] };
            _ = await store.CommitAsync(batch);
        }

        using var reopened = new LiteDbStore(DataDir);
        Assert.That(reopened.HasReplyGrant("frank", "X@Y.FR"), Is.True);
    }

    [Test]
    public void EnsureDefaultMailboxes_CalledTwice_CreatesEachOnce()
    {
        using var store = new LiteDbStore(DataDir);

        store.EnsureDefaultMailboxes("gina");
        var first = store.GetMailboxes("gina");
        store.EnsureDefaultMailboxes("gina");

        Assert.That(store.GetMailboxes("gina"), Is.EqualTo(first));
        Assert.That(first, Has.Count.EqualTo(DefaultMailboxes.All.Count));
        Assert.That(first.Select(m => m.NextUid), Is.All.EqualTo(1u));
        Assert.That(first.Select(m => m.HighestModSeq), Is.All.EqualTo(1ul));
        var now = (uint)DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        Assert.That(first.Select(m => m.UidValidity), Is.All.InRange(now - 60, now + 60));
    }

    [Test]
    public void GetMessages_UnknownMailboxId_ReturnsEmpty()
    {
        using var store = new LiteDbStore(DataDir);

        Assert.That(store.GetMessages("nope"), Is.Empty);
        Assert.That(store.GetMessages("12345"), Is.Empty);
        Assert.That(store.CountMessages("nope"), Is.Zero);
    }
}
