using Preau.Core.Accounts;
using Preau.Core.Policy;

namespace Preau.Core.Tests.Policy;

public class PolicySettingsTests
{
    [Test]
    public void Default_IsTheMonBureauNumeriqueTable()
    {
        var settings = PolicySettings.Default;
        Assert.That(settings.MaxRecipients, Is.EqualTo(150));
        Assert.That(settings.Rules.Select(r => r.Id), Does.Contain("eleve-classe").And.Contain("parent-enseignants").And.Contain("personnel-annuaire"));
        Assert.That(settings.RateLimitFor(Profile.Eleve).Messages, Is.GreaterThan(20));
    }

    [Test]
    public void From_ConfiguredRules_ReplaceTheBuiltInTable()
    {
        var options = new PolicyOptions
        {
            MaxRecipients = 10,
            Rules =
            [
                new RuleOptions { Id = "only", From = new SelectorOptions { Profiles = [Profile.Eleve] }, To = new SelectorOptions(), Relation = Relation.SameClass, Description = "d" },
            ],
        };
        var settings = PolicySettings.From(options);
        Assert.That(settings.MaxRecipients, Is.EqualTo(10));
        Assert.That(settings.Rules.Single().Id, Is.EqualTo("only"));
        Assert.That(settings.ListRules, Is.Not.Empty, "list rules were not configured, so the built-in ones stay");
    }

    [Test]
    public void From_DuplicateRuleIds_Refused()
    {
        var rule = new RuleOptions { Id = "x", Relation = Relation.SameClass };
        Assert.Throws<InvalidOperationException>(() => PolicySettings.From(new PolicyOptions { Rules = [rule, rule] }));
    }

    [Test]
    public void Decide_ConfiguredTableWithoutStaffRule_RefusesPupilToCpe()
    {
        var settings = PolicySettings.From(new PolicyOptions
        {
            Rules = [new RuleOptions { Id = "classe", From = new SelectorOptions { Profiles = [Profile.Eleve] }, To = new SelectorOptions { Profiles = [Profile.Eleve] }, Relation = Relation.SameClass, Description = "classmates only" }],
        });
        var policy = new SendingPolicy(TinySchool.Domain, () => TinySchool.Graph, () => settings, () => PolicyState.Default, (_, _) => false);
        Assert.That(policy.Decide(TinySchool.Get("eleve.6a"), "cpe@ecole.test").Accepted, Is.False);
        Assert.That(policy.Decide(TinySchool.Get("eleve.6a"), "eleve2.6a@ecole.test").Accepted, Is.True);
    }
}
