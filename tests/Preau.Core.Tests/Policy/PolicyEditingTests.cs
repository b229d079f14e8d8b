using Preau.Core.Accounts;
using Preau.Core.Policy;
using Preau.Core.Tests.Fakes;

namespace Preau.Core.Tests.Policy;

public class PolicyEditingTests
{
    private static SendingRule Rule(string id, Profile from, Profile to, Relation relation) =>
        new(id, new ProfileSelector([from], []), new ProfileSelector([to], []), relation, "règle de test " + id);

    [Test]
    public void SetRules_AppliesToTheNextDecision_AndIsAudited()
    {
        var f = new PortalFixture();
        var service = f.Policy();
        var policy = new SendingPolicy(TinySchool.Domain, () => f.Directory.Graph, () => service.Settings, () => service.State, (_, _) => false);
        Assert.That(policy.Decide(f.Get("eleve.6a"), "parent.5b@ecole.test").Accepted, Is.False);

        service.SetRules([.. service.Settings.Rules.Where(r => r.Id != "eleve-classe"), Rule("eleve-parents-tous", Profile.Eleve, Profile.Responsable, Relation.SameEstablishment)], "admin");

        Assert.That(policy.Decide(f.Get("eleve.6a"), "parent.5b@ecole.test").Accepted, Is.True);
        Assert.That(policy.Decide(f.Get("eleve.6a"), "eleve2.6a@ecole.test").Accepted, Is.False);
        var entry = f.Stores.AuditEntries.Single(e => e.Action == "policy.rules");
        Assert.That(entry.Actor, Is.EqualTo("admin"));
        Assert.That(entry.Detail, Does.Contain("ajoutées eleve-parents-tous").And.Contain("retirées eleve-classe"));
        Assert.That(service.Overrides.Rules, Is.Not.Null);
    }

    [Test]
    public void Reset_GoesBackToTheDefaults_OnlyWhenSomethingWasReplaced()
    {
        var f = new PortalFixture();
        var service = f.Policy();
        Assert.That(service.ResetRules("admin"), Is.False);
        service.SetRules([Rule("seule", Profile.Eleve, Profile.Eleve, Relation.SameClass)], "admin");
        Assert.That(service.Settings.Rules, Has.Count.EqualTo(1));
        Assert.That(service.ResetRules("admin"), Is.True);
        Assert.That(service.Settings.Rules, Is.SameAs(service.Defaults.Rules));
        Assert.That(f.Stores.LoadOverrides().Rules, Is.Null);
        Assert.That(f.Stores.AuditEntries.Count(e => e.Action == "policy.rules.reset"), Is.EqualTo(1));
    }

    [Test]
    public void Overrides_AreLoadedByTheNextService()
    {
        var f = new PortalFixture();
        f.Policy().SetRateLimits(new Dictionary<Profile, RateLimit> { [Profile.Eleve] = new(1, TimeSpan.FromMinutes(5), 0, TimeSpan.Zero) }, "admin");
        var reloaded = f.Policy();
        Assert.That(reloaded.Settings.RateLimitFor(Profile.Eleve).Messages, Is.EqualTo(1));
        Assert.That(reloaded.Settings.RateLimitFor(Profile.Enseignant), Is.EqualTo(RateLimit.None), "a profile left out has no limit");
        Assert.That(reloaded.Settings.Rules, Is.SameAs(reloaded.Defaults.Rules));
    }

    [Test]
    public void RateLimits_AppliedAtOnceByTheLimiter()
    {
        var f = new PortalFixture();
        var service = f.Policy();
        var limiter = new SendRateLimiter(() => service.Settings, f.Time);
        var pupil = f.Get("eleve.6a");
        limiter.Record(pupil, 1);
        Assert.That(limiter.Check(pupil, 1), Is.Null);
        service.SetRateLimits(new Dictionary<Profile, RateLimit> { [Profile.Eleve] = new(1, TimeSpan.FromMinutes(60), 0, TimeSpan.Zero) }, "admin");
        limiter.Record(pupil, 1);
        Assert.That(limiter.Check(pupil, 1)?.Code, Is.EqualTo(450));
        service.ResetRateLimits("admin");
        Assert.That(limiter.Check(pupil, 1), Is.Null);
    }

    [Test]
    public void RuleIds_SharedWithListRules_Refused()
    {
        var f = new PortalFixture();
        var service = f.Policy();
        var ex = Assert.Throws<PolicyException>(() => service.SetRules([Rule("listes-eleves", Profile.Eleve, Profile.Eleve, Relation.SameClass)], "admin"));
        Assert.That(ex!.Message, Does.Contain("listes-eleves"));
        Assert.That(service.Overrides, Is.EqualTo(PolicyOverrides.None));
        Assert.Throws<PolicyException>(() => service.SetRules([], "admin"));
        Assert.That(f.Stores.AuditEntries, Is.Empty);
    }
}
