using Preau.Core.Policy;
using Preau.Core.Storage;

namespace Preau.Storage.LiteDb.Tests;

public sealed class AdminStoreTests : TempFolderTest
{
    [Test]
    public void Load_NothingSaved_ReturnsDefaultState()
    {
        using var store = new LiteDbStore(DataDir);

        Assert.That(((IPolicyStateStore)store).Load(), Is.SameAs(PolicyState.Default));
    }

    [Test]
    public void Save_ThenReopen_LoadsTheSavedState()
    {
        var state = new PolicyState(true, false, ["3E"], ["4A", "4B"]);
        using (var store = new LiteDbStore(DataDir))
        {
            store.Save(PolicyState.Default with { ExternalOpenForAllPupils = true });
            store.Save(state);
        }

        using var reopened = new LiteDbStore(DataDir);
        var loaded = ((IPolicyStateStore)reopened).Load();
        Assert.That(loaded.PupilSendingStopped, Is.True);
        Assert.That(loaded.ExternalOpenForAllPupils, Is.False);
        Assert.That(loaded.ExternalOpenLevels, Is.EqualTo(state.ExternalOpenLevels));
        Assert.That(loaded.ExternalOpenClasses, Is.EqualTo(state.ExternalOpenClasses));
    }

    [Test]
    public void Recent_AfterAppends_ReturnsNewestFirstUpToMax()
    {
        var t0 = new DateTimeOffset(2025, 9, 1, 8, 0, 0, TimeSpan.Zero);
        using (var store = new LiteDbStore(DataDir))
        {
            for (var i = 0; i < 5; i++)
            {
                store.Append(new AuditEntry(t0.AddMinutes(i), "admin", "policy.save", $"change {i}"));
            }
        }

        using var reopened = new LiteDbStore(DataDir);
        reopened.Append(new AuditEntry(t0.AddMinutes(5), "dane", "account.suspend", "change 5"));

        var recent = reopened.Recent(3);
        Assert.That(recent.Select(e => e.Detail), Is.EqualTo(new[] { "change 5", "change 4", "change 3" }));
        Assert.That(recent[0], Is.EqualTo(new AuditEntry(t0.AddMinutes(5), "dane", "account.suspend", "change 5") { Id = 6 }));
        Assert.That(reopened.Recent(100), Has.Count.EqualTo(6));
        Assert.That(reopened.Recent(0), Is.Empty);
    }
}
