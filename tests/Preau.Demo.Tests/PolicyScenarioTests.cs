using Preau.Core.Policy;

namespace Preau.Demo.Tests;

/// <summary>The demo scenarios the README promises, checked against the default rule table.</summary>
public class PolicyScenarioTests
{
    private static readonly SendingPolicy Policy = new(
        "demo.test", () => DemoFixture.Graph, () => PolicySettings.Default, () => PolicyState.Default, (_, _) => false);

    [TestCase("eleve.6a", "eleve2.6a", true)]
    [TestCase("eleve.6a", "eleve.5b", false)]
    [TestCase("eleve.6a", "prof.maths", true)]
    [TestCase("eleve.6a", "prof.anglais", true)]
    [TestCase("eleve.5b", "prof.maths", false)]
    [TestCase("eleve.6a", "parent.6a", true)]
    [TestCase("eleve.6a", "parent.5b", false)]
    [TestCase("eleve.6a", "cpe", true)]
    [TestCase("parent.6a", "prof.maths", true)]
    [TestCase("parent.5b", "prof.maths", false)]
    [TestCase("parent.5b", "prof.anglais", true)]
    [TestCase("prof.maths", "eleve.5b", true)]
    [TestCase("prof.maths", "parent.6a", true)]
    [TestCase("prof.anglais", "parent.5b", true)]
    public void DefaultRules_ApplyToThePersonas(string from, string to, bool allowed)
    {
        var refusal = Policy.CheckRules(DemoFixture.Graph, DemoFixture.Login(from), DemoFixture.Login(to));
        Assert.That(refusal is null, Is.EqualTo(allowed), refusal ?? $"{from} → {to} was allowed");
    }
}
