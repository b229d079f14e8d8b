using Preau.Core.Mail;

namespace Preau.Storage.LiteDb.Tests;

public sealed class RelayQueueTests : TempFolderTest
{
    private static RelayItem Item(string id, TimeSpan dueIn, string from = "prof@college.fr") =>
        new(id, FakeHash(1), from, ["a@example.org", "b@example.org"], "prof", T0, T0 + dueIn, 0, null);

    [Test]
    public void GetDue_MixedItems_ReturnsDueOnesMostOverdueFirst()
    {
        using var store = new LiteDbStore(DataDir);
        store.Enqueue(Item("later", TimeSpan.FromMinutes(30)));
        store.Enqueue(Item("due2", TimeSpan.FromMinutes(5)));
        store.Enqueue(Item("due1", TimeSpan.FromMinutes(1)));

        var due = store.GetDue(T0 + TimeSpan.FromMinutes(10), 10);

        Assert.That(due.Select(i => i.Id), Is.EqualTo(new[] { "due1", "due2" }));
        Assert.That(store.GetDue(T0 + TimeSpan.FromMinutes(10), 1).Select(i => i.Id), Is.EqualTo(new[] { "due1" }));
        Assert.That(store.GetAll(), Has.Count.EqualTo(3));
    }

    [Test]
    public void Enqueue_BounceWithEmptySender_RoundTripsEveryField()
    {
        using var store = new LiteDbStore(DataDir);
        var bounce = Item("bounce", TimeSpan.Zero, from: "") with { SenderAccountId = null };

        store.Enqueue(bounce);

        var stored = store.GetAll().Single();
        Assert.That(stored with { Recipients = bounce.Recipients }, Is.EqualTo(bounce));
        Assert.That(stored.Recipients, Is.EqualTo(bounce.Recipients));
    }

    [Test]
    public void Update_AfterAttempt_SavesAttemptsErrorAndNextAttempt()
    {
        using var store = new LiteDbStore(DataDir);
        store.Enqueue(Item("r", TimeSpan.Zero));

        var retried = store.GetAll().Single() with
        {
            Attempts = 1,
            LastError = "451 4.7.1 Greylisted",
            NextAttempt = T0 + TimeSpan.FromMinutes(15),
            Recipients = ["b@example.org"],
        };
        store.Update(retried);

        Assert.That(store.GetDue(T0 + TimeSpan.FromMinutes(1), 10), Is.Empty);
        var stored = store.GetDue(T0 + TimeSpan.FromMinutes(20), 10).Single();
        Assert.That(stored.Attempts, Is.EqualTo(1));
        Assert.That(stored.LastError, Is.EqualTo("451 4.7.1 Greylisted"));
        Assert.That(stored.Recipients, Is.EqualTo(new[] { "b@example.org" }));
    }

    [Test]
    public void Update_RemovedItem_DoesNotResurrectIt()
    {
        using var store = new LiteDbStore(DataDir);
        store.Enqueue(Item("r", TimeSpan.Zero));
        var item = store.GetAll().Single();
        store.Remove("r");

        store.Update(item with { Attempts = 2 });

        Assert.That(store.GetAll(), Is.Empty);
    }

    [Test]
    public void Remove_OneItem_LeavesTheOthers()
    {
        using var store = new LiteDbStore(DataDir);
        store.Enqueue(Item("a", TimeSpan.Zero));
        store.Enqueue(Item("b", TimeSpan.Zero));

        store.Remove("a");

        Assert.That(store.GetAll().Select(i => i.Id), Is.EqualTo(new[] { "b" }));
    }

    [Test]
    public void Enqueue_ThenReopen_ItemsPersist()
    {
        using (var store = new LiteDbStore(DataDir))
        {
            store.Enqueue(Item("a", TimeSpan.Zero));
            store.Enqueue(Item("b", TimeSpan.FromHours(1)));
            store.Update(store.GetAll().Single(i => i.Id == "a") with { Attempts = 3 });
        }

        using var reopened = new LiteDbStore(DataDir);
        Assert.That(reopened.GetAll().Select(i => (i.Id, i.Attempts)), Is.EquivalentTo(new[] { ("a", 3), ("b", 0) }));
        Assert.That(reopened.GetDue(T0, 10).Single().Id, Is.EqualTo("a"));
    }
}
