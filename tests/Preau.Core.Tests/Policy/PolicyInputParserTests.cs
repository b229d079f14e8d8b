using Preau.Core.Accounts;
using Preau.Core.Policy;

namespace Preau.Core.Tests.Policy;

public class PolicyInputParserTests
{
    [Test]
    public void DefaultTable_RoundTripsThroughWords()
    {
        var defaults = PolicySettings.Default;
        var rules = PolicyInputParser.Rules(defaults.Rules.Select(PolicyInputParser.ToInput).ToArray());
        var lists = PolicyInputParser.ListRules(defaults.ListRules.Select(PolicyInputParser.ToInput).ToArray());
        var limits = PolicyInputParser.RateLimits(PolicyInputParser.ToInput(defaults.RateLimits));
        Assert.That(rules.Select(r => r.ToString()), Is.EqualTo(defaults.Rules.Select(r => r.ToString())));
        Assert.That(rules.Select(r => (r.From.ToString(), r.To.ToString())), Is.EqualTo(defaults.Rules.Select(r => (r.From.ToString(), r.To.ToString()))));
        Assert.That(lists.Select(r => (r.Id, r.From.ToString(), string.Join(',', r.Lists), r.Scope)), Is.EqualTo(defaults.ListRules.Select(r => (r.Id, r.From.ToString(), string.Join(',', r.Lists), r.Scope))));
        Assert.That(limits, Is.EquivalentTo(defaults.RateLimits));
    }

    [Test]
    public void Rules_NamesAreCaseInsensitive()
    {
        var rules = PolicyInputParser.Rules([new RuleInput(" a ", new(["eleve"], null), new(["RESPONSABLE"], ["cpe"]), "sameclass", " d ")]);
        Assert.That(rules.Single().Id, Is.EqualTo("a"));
        Assert.That(rules.Single().Relation, Is.EqualTo(Relation.SameClass));
        Assert.That(rules.Single().To.Functions, Is.EqualTo(new[] { StaffFunction.Cpe }));
        Assert.That(rules.Single().Description, Is.EqualTo("d"));
    }

    [TestCase("Foo", "« relation » inconnu « Foo »")]
    [TestCase("", "« relation » vide")]
    [TestCase("3", "« relation » inconnu « 3 »")]
    public void Rules_BadRelation_NamesTheRowAndTheWord(string relation, string expected)
    {
        var ex = Assert.Throws<PolicyException>(() => PolicyInputParser.Rules([
            new RuleInput("ok", new([], []), new([], []), "SameClass", "d"),
            new RuleInput("mauvaise", new([], []), new([], []), relation, "d"),
        ]));
        Assert.That(ex!.Message, Does.StartWith("Règle n° 2 (« mauvaise »)").And.Contain(expected).And.Contain("SameEstablishment"));
    }

    [Test]
    public void Rules_UnknownProfileOrFunction_Refused()
    {
        Assert.That(Assert.Throws<PolicyException>(() => PolicyInputParser.Rules([new RuleInput("a", new(["Martien"], null), null, "SameClass", "d")]))!.Message, Does.Contain("from.profiles").And.Contain("Martien"));
        Assert.That(Assert.Throws<PolicyException>(() => PolicyInputParser.Rules([new RuleInput("a", null, new(null, ["Pilote"]), "SameClass", "d")]))!.Message, Does.Contain("to.functions").And.Contain("Pilote"));
    }

    [Test]
    public void Rules_EmptyDuplicateOrMissingParts_Refused()
    {
        Assert.Throws<PolicyException>(() => PolicyInputParser.Rules([]));
        Assert.Throws<PolicyException>(() => PolicyInputParser.Rules([null]));
        Assert.That(Assert.Throws<PolicyException>(() => PolicyInputParser.Rules([new RuleInput("a", null, null, "SameClass", "d"), new RuleInput(" a", null, null, "SameClass", "d")]))!.Message, Does.Contain("deux fois"));
        Assert.That(Assert.Throws<PolicyException>(() => PolicyInputParser.Rules([new RuleInput(null, null, null, "SameClass", "d")]))!.Message, Does.Contain("« id »"));
        Assert.That(Assert.Throws<PolicyException>(() => PolicyInputParser.Rules([new RuleInput("a", null, null, "SameClass", null)]))!.Message, Does.Contain("« description »"));
    }

    [Test]
    public void ListRules_NeedAKindAndAScope()
    {
        Assert.That(Assert.Throws<PolicyException>(() => PolicyInputParser.ListRules([new ListRuleInput("a", null, [], "Own", "d")]))!.Message, Does.Contain("lists"));
        Assert.That(Assert.Throws<PolicyException>(() => PolicyInputParser.ListRules([new ListRuleInput("a", null, ["Pupils"], "Partout", "d")]))!.Message, Does.Contain("Partout"));
        Assert.That(PolicyInputParser.ListRules([]), Is.Empty);
    }

    [Test]
    public void RateLimits_Validated()
    {
        var limits = PolicyInputParser.RateLimits([new RateLimitInput("Eleve", 10, 15, 0, 0)]);
        Assert.That(limits[Profile.Eleve], Is.EqualTo(new RateLimit(10, TimeSpan.FromMinutes(15), 0, TimeSpan.Zero)));
        Assert.Throws<PolicyException>(() => PolicyInputParser.RateLimits([new RateLimitInput("Eleve", 10, 0, 0, 0)]));
        Assert.Throws<PolicyException>(() => PolicyInputParser.RateLimits([new RateLimitInput("Eleve", -1, 10, 0, 0)]));
        Assert.Throws<PolicyException>(() => PolicyInputParser.RateLimits([new RateLimitInput("Eleve", 1, 100_000, 0, 0)]));
        Assert.That(Assert.Throws<PolicyException>(() => PolicyInputParser.RateLimits([new RateLimitInput("Eleve", 1, 1, 0, 0), new RateLimitInput("eleve", 2, 1, 0, 0)]))!.Message, Does.Contain("déjà"));
        Assert.That(Assert.Throws<PolicyException>(() => PolicyInputParser.RateLimits([new RateLimitInput("Prof", 1, 1, 0, 0)]))!.Message, Does.Contain("Prof"));
    }
}
