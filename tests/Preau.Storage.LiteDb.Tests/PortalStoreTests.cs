using Preau.Core.Accounts;
using Preau.Core.Announcements;
using Preau.Core.Policy;
using Preau.Core.Preferences;

namespace Preau.Storage.LiteDb.Tests;

public sealed class PortalStoreTests : TempFolderTest
{
    [Test]
    public void Announcements_SavedThenReopened_DeletedGone()
    {
        var start = new DateTimeOffset(2026, 9, 1, 8, 0, 0, TimeSpan.Zero);
        var kept = new Announcement("ann-1", "Rentrée", "<p>Bienvenue</p>", start, start.AddDays(7), [Profile.Eleve, Profile.Responsable], "principal", "Principal Démo", start);
        var removed = kept with { Id = "ann-2", Title = "Autre", Profiles = [] };
        using (var store = new LiteDbStore(DataDir))
        {
            store.SaveAnnouncement(kept);
            store.SaveAnnouncement(removed);
            Assert.That(store.DeleteAnnouncement("ann-2"), Is.True);
            Assert.That(store.DeleteAnnouncement("ann-2"), Is.False);
        }

        using var reopened = new LiteDbStore(DataDir);
        var loaded = reopened.LoadAnnouncements().Single();
        Assert.That(loaded with { Profiles = kept.Profiles }, Is.EqualTo(kept));
        Assert.That(loaded.Profiles, Is.EqualTo(kept.Profiles));
    }

    [Test]
    public void Preferences_SavedThenReopened()
    {
        using (var store = new LiteDbStore(DataDir))
        {
            Assert.That(store.LoadPreferences("acc-1"), Is.Null);
            store.SavePreferences("acc-1", new UserPreferences("Cordialement,\n  M. Martin", UserPreferences.English));
        }

        using var reopened = new LiteDbStore(DataDir);
        Assert.That(reopened.LoadPreferences("acc-1"), Is.EqualTo(new UserPreferences("Cordialement,\n  M. Martin", "en")));
    }

    [Test]
    public void PolicyOverrides_SavedInWords_ReopenedTyped_PartsLeftNullStayNull()
    {
        var rules = new[] { new SendingRule("seule", new ProfileSelector([Profile.Eleve], []), new ProfileSelector([Profile.Personnel], [StaffFunction.Cpe]), Relation.SameEstablishment, "les élèves écrivent au CPE") };
        var limits = new Dictionary<Profile, RateLimit> { [Profile.Eleve] = new(5, TimeSpan.FromMinutes(10), 50, TimeSpan.FromHours(1)) };
        using (var store = new LiteDbStore(DataDir))
        {
            Assert.That(store.LoadOverrides(), Is.SameAs(PolicyOverrides.None));
            store.SaveOverrides(new PolicyOverrides(rules, null, limits));
        }

        using var reopened = new LiteDbStore(DataDir);
        var loaded = reopened.LoadOverrides();
        var rule = loaded.Rules!.Single();
        Assert.That((rule.Id, rule.From.ToString(), rule.To.ToString(), rule.Relation, rule.Description), Is.EqualTo(("seule", "Eleve", "Personnel(Cpe)", Relation.SameEstablishment, "les élèves écrivent au CPE")));
        Assert.That(loaded.ListRules, Is.Null);
        Assert.That(loaded.RateLimits, Is.EquivalentTo(limits));
    }
}
