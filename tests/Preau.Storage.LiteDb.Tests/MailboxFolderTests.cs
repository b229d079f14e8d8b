using Preau.Core.Mail;
using Preau.Core.Storage;

namespace Preau.Storage.LiteDb.Tests;

public sealed class MailboxFolderTests : MailboxStoreTest
{
    [Test]
    public void CreateMailbox_NestedName_CreatesEveryMissingParent()
    {
        using var store = new LiteDbStore(DataDir);
        store.EnsureDefaultMailboxes("alice");

        var created = store.CreateMailbox("alice", "Projets/2025/Sortie");

        var names = new[] { "Projets", "Projets/2025", "Projets/2025/Sortie" };
        var boxes = names.Select(n => Box(store, "alice", n)).ToList();
        Assert.That(created, Is.EqualTo(boxes[2]));
        Assert.That(store.GetMailbox(created.Id), Is.EqualTo(created));
        Assert.That(boxes.Select(b => b.Name), Is.EqualTo(names));
        Assert.That(boxes.Select(b => (b.NextUid, b.HighestModSeq, b.Use)), Is.All.EqualTo((1u, 1ul, SpecialUse.None)));
        var validities = store.GetMailboxes("alice").Select(m => m.UidValidity).ToList();
        Assert.That(validities.Distinct().Count(), Is.EqualTo(validities.Count));
        Assert.That(store.FindMailbox("bob", "Projets"), Is.Null);
    }

    [Test]
    public void CreateMailbox_ExistingNameOrInbox_ThrowsAlreadyExists()
    {
        using var store = new LiteDbStore(DataDir);
        store.EnsureDefaultMailboxes("alice");
        _ = store.CreateMailbox("alice", "Projets/Sortie");

        Assert.That(() => store.CreateMailbox("alice", "Projets/Sortie"), Refused(MailboxError.AlreadyExists));
        Assert.That(() => store.CreateMailbox("alice", "Projets"), Refused(MailboxError.AlreadyExists));
        Assert.That(() => store.CreateMailbox("alice", "Envoyés"), Refused(MailboxError.AlreadyExists));
        Assert.That(() => store.CreateMailbox("alice", "inbox"), Refused(MailboxError.AlreadyExists));
        Assert.That(() => store.CreateMailbox("nobody", "INBOX"), Refused(MailboxError.AlreadyExists));
    }

    [TestCase("")]
    [TestCase("a//b")]
    [TestCase("/a")]
    [TestCase("a/")]
    [TestCase("/")]
    [TestCase("a\tb")]
    public void CreateMailbox_InvalidName_ThrowsNotAllowed(string name)
    {
        using var store = new LiteDbStore(DataDir);

        Assert.That(() => store.CreateMailbox("alice", name), Refused(MailboxError.NotAllowed));
        Assert.That(store.GetMailboxes("alice"), Is.Empty);
    }

    [Test]
    public void CreateMailbox_NameLength_512AcceptedAnd513Refused()
    {
        using var store = new LiteDbStore(DataDir);

        Assert.That(store.CreateMailbox("alice", new string('x', 512)).Name, Has.Length.EqualTo(512));
        Assert.That(() => store.CreateMailbox("alice", new string('y', 513)), Refused(MailboxError.NotAllowed));
    }

    [Test]
    public void FindMailbox_InboxAnyCaseOtherNamesExact_MatchesAsIMAPSays()
    {
        using var store = new LiteDbStore(DataDir);
        store.EnsureDefaultMailboxes("alice");
        var child = store.CreateMailbox("alice", "inbox/Projets");

        Assert.That(child.Name, Is.EqualTo("INBOX/Projets"));
        Assert.That(store.FindMailbox("alice", "iNbOx")!.Use, Is.EqualTo(SpecialUse.Inbox));
        Assert.That(store.FindMailbox("alice", "Inbox/Projets"), Is.EqualTo(child));
        Assert.That(store.FindMailbox("alice", "INBOX/projets"), Is.Null);
        Assert.That(store.FindMailbox("alice", "envoyés"), Is.Null);
        Assert.That(store.GetMailbox("nope"), Is.Null);
        Assert.That(store.GetMailbox("999999"), Is.Null);
    }

    [Test]
    public void DeleteMailbox_InboxUnknownOrWithChildren_IsRefused()
    {
        using var store = new LiteDbStore(DataDir);
        store.EnsureDefaultMailboxes("alice");
        _ = store.CreateMailbox("alice", "Projets/Sortie");

        Assert.That(() => store.DeleteMailbox("alice", "Inbox"), Refused(MailboxError.NotAllowed));
        Assert.That(() => store.DeleteMailbox("alice", "Projets"), Refused(MailboxError.HasChildren));
        Assert.That(() => store.DeleteMailbox("alice", "Nulle part"), Refused(MailboxError.NotFound));
        Assert.That(() => store.DeleteMailbox("bob", "Projets/Sortie"), Refused(MailboxError.NotFound));
        Assert.That(store.FindMailbox("alice", "Projets"), Is.Not.Null);
    }

    [Test]
    public async Task DeleteMailbox_WithMessages_RemovesEntriesAndExpungedRecords()
    {
        using var store = new LiteDbStore(DataDir);
        store.EnsureDefaultMailboxes("alice");
        var old = store.CreateMailbox("alice", "Projets");
        _ = await DeliverAsync(store, "alice", "Projets", 3, MessageFlags.Deleted);
        _ = store.Expunge(old.Id, [1]);

        store.DeleteMailbox("alice", "Projets");

        Assert.That(store.FindMailbox("alice", "Projets"), Is.Null);
        Assert.That(store.GetMailbox(old.Id), Is.Null);
        Assert.That(store.CountMessages(old.Id), Is.Zero);
        Assert.That(store.GetExpungedSince(old.Id, 0), Is.Empty);
        Assert.That(store.UsedBytes("alice"), Is.Zero);
        Assert.That(async () => await DeliverAsync(store, "alice", "Projets", 1), Refused(MailboxError.NotFound));
        var again = store.CreateMailbox("alice", "Projets");
        Assert.That(again.Id, Is.Not.EqualTo(old.Id));
        Assert.That(again.UidValidity, Is.GreaterThan(old.UidValidity));
        Assert.That(store.CountMessages(again.Id), Is.Zero);
    }

    [Test]
    public async Task DeleteMailbox_SentThenDeliveryToSent_RecreatesIt()
    {
        using var store = new LiteDbStore(DataDir);
        _ = await DeliverAsync(store, "alice", "Envoyés", 1, MessageFlags.Seen);
        var old = Box(store, "alice", "Envoyés");

        store.DeleteMailbox("alice", "Envoyés");
        var uids = await DeliverAsync(store, "alice", "Envoyés", 1, MessageFlags.Seen);

        var sent = Box(store, "alice", "Envoyés");
        Assert.That(uids, Is.EqualTo(new[] { 1u }));
        Assert.That(sent.Id, Is.Not.EqualTo(old.Id));
        Assert.That(sent.Use, Is.EqualTo(SpecialUse.Sent));
        Assert.That(store.GetMailboxes("alice"), Has.Count.EqualTo(DefaultMailboxes.All.Count));
    }

    [Test]
    public async Task RenameMailbox_WithChildren_RenamesAllKeepingIdsAndDeliveriesFollow()
    {
        using var store = new LiteDbStore(DataDir);
        store.EnsureDefaultMailboxes("alice");
        var before = new[] { "Projets", "Projets/Sortie", "Projets/Sortie/Photos" }.Select(n => store.CreateMailbox("alice", n)).ToList();
        _ = store.CreateMailbox("alice", "ProjetsBis");
        // Deliveries by name fill the key → id cache that the rename must keep right.
        _ = await DeliverAsync(store, "alice", "Projets/Sortie", 2);

        store.RenameMailbox("alice", "Projets", "Archives/2025/Projets");

        Assert.That(store.FindMailbox("alice", "Projets"), Is.Null);
        Assert.That(store.FindMailbox("alice", "Projets/Sortie"), Is.Null);
        Assert.That(store.FindMailbox("alice", "ProjetsBis"), Is.Not.Null);
        Assert.That(store.FindMailbox("alice", "Archives/2025")!.Use, Is.EqualTo(SpecialUse.None));
        var after = before.Select(b => store.GetMailbox(b.Id)!).ToList();
        Assert.That(after.Select(a => a.Name), Is.EqualTo(new[] { "Archives/2025/Projets", "Archives/2025/Projets/Sortie", "Archives/2025/Projets/Sortie/Photos" }));
        Assert.That(after.Select(a => a.UidValidity), Is.EqualTo(before.Select(b => b.UidValidity)));
        Assert.That(async () => await DeliverAsync(store, "alice", "Projets/Sortie", 1), Refused(MailboxError.NotFound));
        Assert.That(await DeliverAsync(store, "alice", "Archives/2025/Projets/Sortie", 1), Is.EqualTo(new[] { 3u }));
        Assert.That(store.GetMessages(before[1].Id).Select(m => m.Uid), Is.EqualTo(new[] { 1u, 2u, 3u }));
        var recreated = store.CreateMailbox("alice", "Projets/Sortie");
        Assert.That(await DeliverAsync(store, "alice", "Projets/Sortie", 1), Is.EqualTo(new[] { 1u }));
        Assert.That(store.CountMessages(recreated.Id), Is.EqualTo(1));
    }

    [Test]
    public void RenameMailbox_UnknownTakenOrInsideItself_IsRefused()
    {
        using var store = new LiteDbStore(DataDir);
        store.EnsureDefaultMailboxes("alice");
        _ = store.CreateMailbox("alice", "Projets/Sortie");

        Assert.That(() => store.RenameMailbox("alice", "Nulle part", "Ailleurs"), Refused(MailboxError.NotFound));
        Assert.That(() => store.RenameMailbox("alice", "Projets", "Envoyés"), Refused(MailboxError.AlreadyExists));
        Assert.That(() => store.RenameMailbox("alice", "Projets", "inbox"), Refused(MailboxError.AlreadyExists));
        Assert.That(() => store.RenameMailbox("alice", "Projets", "Projets/Sortie/Sous"), Refused(MailboxError.NotAllowed));
        Assert.That(() => store.RenameMailbox("alice", "Projets", "a//b"), Refused(MailboxError.NotAllowed));
        Assert.That(store.FindMailbox("alice", "Projets/Sortie"), Is.Not.Null);
        Assert.That(store.FindMailbox("alice", "Ailleurs"), Is.Null);
    }

    [Test]
    public async Task RenameMailbox_Sent_LosesSpecialUseAndDeliveryRecreatesSent()
    {
        using var store = new LiteDbStore(DataDir);
        _ = await DeliverAsync(store, "alice", "Envoyés", 2, MessageFlags.Seen);

        store.RenameMailbox("alice", "Envoyés", "Envoyés 2024");
        _ = await DeliverAsync(store, "alice", "Envoyés", 1, MessageFlags.Seen);

        var old = Box(store, "alice", "Envoyés 2024");
        Assert.That(old.Use, Is.EqualTo(SpecialUse.None));
        Assert.That(store.CountMessages(old.Id), Is.EqualTo(2));
        Assert.That(Box(store, "alice", "Envoyés").Use, Is.EqualTo(SpecialUse.Sent));
    }

    [Test]
    public async Task RenameMailbox_Inbox_MovesMessagesAndLeavesInboxEmpty()
    {
        using var store = new LiteDbStore(DataDir);
        _ = await DeliverAsync(store, "alice", "INBOX", 3, MessageFlags.Seen);
        _ = store.CreateMailbox("alice", "INBOX/Classe");
        var inbox = Box(store, "alice", "INBOX");

        store.RenameMailbox("alice", "inbox", "Ancienne boîte");

        var moved = Box(store, "alice", "Ancienne boîte");
        var inboxAfter = store.GetMailbox(inbox.Id)!;
        Assert.That(moved.UidValidity, Is.GreaterThan(inbox.UidValidity));
        Assert.That(store.GetMessages(moved.Id).Select(m => (m.Uid, m.Flags, m.Size)),
            Is.EqualTo(new[] { (1u, MessageFlags.Seen, 100L), (2u, MessageFlags.Seen, 101L), (3u, MessageFlags.Seen, 102L) }));
        Assert.That(moved.NextUid, Is.EqualTo(4u));
        Assert.That(store.CountMessages(inbox.Id), Is.Zero);
        Assert.That((inboxAfter.UidValidity, inboxAfter.NextUid), Is.EqualTo((inbox.UidValidity, 4u)));
        Assert.That(inboxAfter.HighestModSeq, Is.EqualTo(inbox.HighestModSeq + 1));
        Assert.That(store.GetExpungedSince(inbox.Id, inbox.HighestModSeq), Is.EqualTo(new[] { 1u, 2u, 3u }.Select(u => new ExpungedEntry(u, inbox.HighestModSeq + 1))));
        Assert.That(store.FindMailbox("alice", "INBOX/Classe"), Is.Not.Null);
        Assert.That(await DeliverAsync(store, "alice", "INBOX", 1), Is.EqualTo(new[] { 4u }));
    }

    [Test]
    public void SetSubscribed_AddRemoveTwice_IsIdempotentAndSortedPerAccount()
    {
        using var store = new LiteDbStore(DataDir);

        store.SetSubscribed("alice", "Projets", true);
        store.SetSubscribed("alice", "Projets", true);
        store.SetSubscribed("alice", "Archives", true);
        store.SetSubscribed("alice", "inbox", true);
        store.SetSubscribed("alice", "Zut", true);
        store.SetSubscribed("alice", "Zut", false);
        store.SetSubscribed("alice", "Zut", false);
        store.SetSubscribed("bob", "Bob", true);

        Assert.That(store.GetSubscriptions("alice"), Is.EqualTo(new[] { "Archives", "INBOX", "Projets" }));
        Assert.That(store.GetSubscriptions("bob"), Is.EqualTo(new[] { "Bob" }));
        Assert.That(store.GetSubscriptions("carol"), Is.Empty);
        Assert.That(() => store.SetSubscribed("alice", "a//b", true), Refused(MailboxError.NotAllowed));
    }
}
