using Preau.Core.Accounts;
using Preau.Core.Rights;

namespace Preau.Core.Tests.Rights;

public class GranteeTests
{
    [TestCase("profile:Enseignant", GranteeKind.Profile, "Enseignant")]
    [TestCase("PROFIL:enseignant", GranteeKind.Profile, "Enseignant")]
    [TestCase("function:cpe", GranteeKind.Function, "Cpe")]
    [TestCase("fonction:PsyEn", GranteeKind.Function, "PsyEn")]
    [TestCase("account:Prof.Maths", GranteeKind.Account, "prof.maths")]
    [TestCase("compte: dane ", GranteeKind.Account, "dane")]
    public void Parse_CanonicalForm(string text, GranteeKind kind, string value)
    {
        var grantee = Grantee.Parse(text);
        Assert.That(grantee, Is.EqualTo(new Grantee(kind, value)));
        Assert.That(Grantee.Parse(grantee.ToString()), Is.EqualTo(grantee), "round trip");
    }

    [TestCase("Enseignant")]
    [TestCase("profile:")]
    [TestCase("profile:Directeur")]
    [TestCase("profile:2")]
    [TestCase("function:None")]
    [TestCase("group:6A")]
    [TestCase("")]
    public void Parse_Invalid_FrenchError(string text) =>
        Assert.That(Assert.Throws<RightsException>(() => Grantee.Parse(text))!.Message, Is.Not.Empty);

    [Test]
    public void Matches_ProfileFunctionAccount()
    {
        var principal = TinySchool.Make("principal", Profile.Personnel, StaffFunction.Direction);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(Grantee.ForProfile(Profile.Personnel).Matches(principal), Is.True);
            Assert.That(Grantee.ForFunction(StaffFunction.Direction).Matches(principal), Is.True);
            Assert.That(Grantee.ForAccount("principal").Matches(principal), Is.True);
            Assert.That(Grantee.ForProfile(Profile.AdministrateurEnt).Matches(principal), Is.False);
            Assert.That(Grantee.ForFunction(StaffFunction.Cpe).Matches(principal), Is.False);
        }
    }
}
