using Preau.Plugins.Directory.Model;
using Preau.Plugins.Directory.Planning;
using Preau.Plugins.Directory.Tests.Support;

namespace Preau.Plugins.Directory.Tests.Planning;

/// <summary>Logins are prenom.nom, folded, numbered on collision, never reused, and stay the same
/// across re-imports.</summary>
public class LoginTests
{
    [TestCase("Jean-Noël", "D'Aubigné", "jean-noel.daubigne")]
    [TestCase("Marie", "DUPONT", "marie.dupont")]
    [TestCase("Élodie", "LE BŒUF", "elodie.leboeuf")]
    [TestCase("Yann", "Le Gall", "yann.legall")]
    [TestCase("Anne", "MOREAU-LAMBERT", "anne.moreau-lambert")]
    [TestCase("Aïssatou", "N’DIAYE", "aissatou.ndiaye")]
    [TestCase("Marie  Ève", "Çà--Là", "marieeve.ca-la")]
    [TestCase("", "NGUYEN", "nguyen")]
    [TestCase("Zoé", "", "zoe")]
    [TestCase("李", "王", "compte")]
    [TestCase("Eleves", "Martin", "martin.eleves")]
    [TestCase("Profs", "", "profs")]
    [TestCase("Eleves", "Parents", "compte-parents-eleves")]
    public void Stem_FoldsNames(string first, string last, string expected) =>
        Assert.That(LoginAllocator.Stem(first, last), Is.EqualTo(expected));

    [Test]
    public void Stem_VeryLongNames_StaysWithinCoreLimits()
    {
        var stem = LoginAllocator.Stem(new string('é', 100), "Dupont-" + new string('x', 100));

        Assert.That(stem.Length + 4, Is.LessThanOrEqualTo(LoginAllocator.MaxLength));
        Assert.That(stem, Does.Not.EndWith("-").And.Not.Contain(".."));
    }

    [Test]
    public void Allocate_Collisions_NumberedFromTwo()
    {
        var allocator = new LoginAllocator(["Marie.Dupont", "marie.dupont3"]);

        Assert.That(allocator.Allocate("Marie", "Dupont"), Is.EqualTo("marie.dupont2"));
        Assert.That(allocator.Allocate("Marie", "DUPONT"), Is.EqualTo("marie.dupont4"));
        Assert.That(allocator.Allocate("Marié", "Dupont"), Is.EqualTo("marie.dupont5"));
    }

    private static ImportSnapshot Pupils(params (string Id, string First, string Last)[] pupils) => new()
    {
        Uai = "0990009Z",
        SchoolYear = "2026",
        Scope = ImportScope.Siecle,
        Structures = [new ImportedStructure("6A", "6e A", StructureType.Class, null, [], [])],
        Pupils = [.. pupils.Select(p => new ImportedPupil(p.Id, p.Id + "INE", null, p.Last, p.First, null, "6A", []))],
    };

    [Test]
    public void Logins_StableAcrossReimportsAndNeverReused()
    {
        var first = Plans.Imported(Pupils(("2", "Marie", "DUPONT")));
        Assert.That(first.Accounts.Single().Login, Is.EqualTo("marie.dupont"));

        // A second Marie Dupont arrives, with a smaller id: the first keeps her login.
        var twoPlan = Plans.Plan(Pupils(("1", "Marie", "DUPONT"), ("2", "Marie", "DUPONT")), first);
        Assert.That(twoPlan.Added.Single().Account.Login, Is.EqualTo("marie.dupont2"));
        var two = PlanApplier.Apply(first, twoPlan);

        // The first leaves (kept, Left), a third arrives: her login is not handed out again.
        var thirdPlan = Plans.Plan(Pupils(("1", "Marie", "DUPONT"), ("3", "Marie", "DUPONT")), two);
        Assert.That(thirdPlan.Suspended.Single().Before.Login, Is.EqualTo("marie.dupont"));
        Assert.That(thirdPlan.Added.Single().Account.Login, Is.EqualTo("marie.dupont3"));
    }

    [Test]
    public void Logins_NewNamesakesInOneImport_NumberedByExternalId()
    {
        var plan = Plans.Plan(Pupils(("20", "Jean-Noël", "D'AUBIGNÉ"), ("10", "Jean-Noel", "DAUBIGNE")), DirectoryState.Empty);

        var logins = plan.Added.ToDictionary(a => a.Account.ExternalId!, a => a.Account.Login);
        Assert.That(logins["10INE"], Is.EqualTo("jean-noel.daubigne"));
        Assert.That(logins["20INE"], Is.EqualTo("jean-noel.daubigne2"));
    }

    [Test]
    public void Logins_OfOtherSchoolsAndManualAccounts_AreTaken()
    {
        var state = new DirectoryState
        {
            Accounts =
            [
                new AccountRecord { Id = "a1", Login = "marie.dupont", Kind = PersonKind.Eleve, DisplayName = "x", Uai = "0990001Z", ExternalId = "OTHER" },
                new AccountRecord { Id = "a2", Login = "marie.dupont2", Kind = PersonKind.Personnel, DisplayName = "x", Uai = "0990009Z" },
            ],
        };

        var plan = Plans.Plan(Pupils(("1", "Marie", "DUPONT")), state);

        Assert.That(plan.Added.Single().Account.Login, Is.EqualTo("marie.dupont3"));
        Assert.That(plan.Suspended, Is.Empty);
        Assert.That(plan.Updated, Is.Empty);
    }
}
