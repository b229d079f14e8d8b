using Preau.Plugins.Directory.Planning;

namespace Preau.Plugins.Directory.Tests.Codes;

/// <summary>Activation codes: random, readable, nothing a parent could misread.</summary>
public class ActivationCodeTests
{
    [Test]
    public void Next_ThreeGroupsOfFourFromTheReadableAlphabet()
    {
        var code = RandomActivationCodes.Instance.Next();

        Assert.That(code, Does.Match("^[A-HJKMNP-Z2-9]{4}-[A-HJKMNP-Z2-9]{4}-[A-HJKMNP-Z2-9]{4}$"));
        Assert.That(code, Does.Not.Contain("0").And.Not.Contain("O").And.Not.Contain("1").And.Not.Contain("I").And.Not.Contain("L"));
    }

    [Test]
    public void Next_ManyCodes_AllDifferentAndEveryCharacterUsed()
    {
        var codes = Enumerable.Range(0, 5000).Select(_ => RandomActivationCodes.Instance.Next()).ToList();

        Assert.That(codes, Is.Unique);
        var used = codes.SelectMany(c => c.Replace("-", "", StringComparison.Ordinal)).Distinct();
        Assert.That(used, Is.EquivalentTo(RandomActivationCodes.Alphabet));
    }
}
