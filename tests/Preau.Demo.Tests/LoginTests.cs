using Preau.Core.Accounts;
using Preau.Core.Directory;

namespace Preau.Demo.Tests;

public class LoginTests
{
    private static readonly string[] Reserved = ["eleves.", "parents.", "profs.", "rubrique."];

    [Test]
    public void Logins_AreUnique()
    {
        var logins = DemoFixture.Data.Accounts.Select(a => a.Login).ToList();
        Assert.That(logins, Is.Unique);
    }

    [Test]
    public void Ids_AreUnique_AndPersonIdsAreSet()
    {
        using (Assert.EnterMultipleScope())
        {
            Assert.That(DemoFixture.Data.Accounts.Select(a => a.Id), Is.Unique);
            Assert.That(DemoFixture.Data.Accounts.Where(a => string.IsNullOrEmpty(a.PersonId)), Is.Empty);
        }
    }

    [Test]
    public void Logins_AreValidAndNeverListShaped()
    {
        foreach (var login in DemoFixture.Data.Accounts.Select(a => a.Login))
        {
            Assert.That(login, Does.Match("^[a-z0-9._-]+$"), login);
            Assert.That(Reserved.Any(p => login.StartsWith(p, StringComparison.Ordinal)), Is.False, login);
            Assert.DoesNotThrow(() => DirectoryService.ValidateLogin(login), login);
        }
    }

    [Test]
    public void GeneratedLogins_ArePrenomDotNom_NumberedOnCollision()
    {
        var generated = DemoFixture.Data.Accounts.Where(a => a.Id.StartsWith("acc-0", StringComparison.Ordinal)).ToList();
        using (Assert.EnterMultipleScope())
        {
            foreach (var account in generated)
            {
                var stem = LoginAllocator.Stem(account.FirstName, account.LastName);
                Assert.That(account.Login, Does.Match("^" + stem.Replace(".", @"\.", StringComparison.Ordinal) + @"(\d+)?$"), account.DisplayName);
            }

            Assert.That(generated.Any(a => char.IsAsciiDigit(a.Login[^1])), Is.True, "some collision is numbered");
        }
    }

    [Test]
    public void Stem_FoldsAccentsSpacesAndHyphens()
    {
        using (Assert.EnterMultipleScope())
        {
            Assert.That(LoginAllocator.Stem("Jean-Baptiste", "Le Bœuf"), Is.EqualTo("jean-baptiste.le-boeuf"));
            Assert.That(LoginAllocator.Stem("Maëlys", "N'Diaye"), Is.EqualTo("maelys.n-diaye"));
            Assert.That(LoginAllocator.Stem("Éloïse", "Lefèvre"), Is.EqualTo("eloise.lefevre"));
        }
    }

    [Test]
    public void Allocate_NumbersCollisionsFromTwo()
    {
        var logins = new LoginAllocator();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(logins.Allocate("Léa", "Martin"), Is.EqualTo("lea.martin"));
            Assert.That(logins.Allocate("Léa", "Martin"), Is.EqualTo("lea.martin2"));
            Assert.That(logins.Allocate("Lea", "MARTIN"), Is.EqualTo("lea.martin3"));
        }
    }

    [Test]
    public void GeneratedAccounts_AreNotActivatedWithoutPassword()
    {
        var personas = DemoSchool.Personas.Select(p => p.Login).ToHashSet();
        var generated = DemoFixture.Data.Accounts.Where(a => !personas.Contains(a.Login)).ToList();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(generated.Where(a => a.State != AccountState.NotActivated), Is.Empty);
            Assert.That(DemoFixture.Data.Accounts.Where(a => a.PasswordHash is not null), Is.Empty);
        }
    }

    [Test]
    public void Pupils_HaveSyntheticIne()
    {
        Assert.That(DemoFixture.OfProfile(Profile.Eleve).Select(a => a.ExternalId), Has.All.Match(@"^9\d{8}DM$"));
    }
}
