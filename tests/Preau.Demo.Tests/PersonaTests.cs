using Preau.Core.Accounts;

namespace Preau.Demo.Tests;

public class PersonaTests
{
    private const string Anglais = "030201";
    private const string Maths = "061300";

    [Test]
    public void Personas_ExistActiveWithTheirProfiles()
    {
        var expected = new (string Login, Profile Profile, StaffFunction Function)[]
        {
            ("principal", Profile.Personnel, StaffFunction.Direction),
            ("principal.admin", Profile.AdministrateurEnt, StaffFunction.Direction),
            ("admin", Profile.AdministrateurEnt, StaffFunction.None),
            ("dane", Profile.Personnel, StaffFunction.SupportAcademique),
            ("cpe", Profile.Personnel, StaffFunction.Cpe),
            ("prof.anglais", Profile.Enseignant, StaffFunction.None),
            ("prof.maths", Profile.Enseignant, StaffFunction.None),
            ("eleve.6a", Profile.Eleve, StaffFunction.None),
            ("eleve2.6a", Profile.Eleve, StaffFunction.None),
            ("eleve.5b", Profile.Eleve, StaffFunction.None),
            ("parent.6a", Profile.Responsable, StaffFunction.None),
            ("parent.5b", Profile.Responsable, StaffFunction.None),
        };
        Assert.That(DemoSchool.Personas.Select(p => p.Login), Is.EqualTo(expected.Select(e => e.Login)));
        using (Assert.EnterMultipleScope())
        {
            foreach (var (login, profile, function) in expected)
            {
                var account = DemoFixture.Login(login);
                Assert.That((account.Login, account.Profile, account.Function, account.State),
                    Is.EqualTo((login, profile, function, AccountState.Active)), login);
            }

            Assert.That(DemoSchool.Personas.Where(p => p.Description.Length == 0), Is.Empty);
        }
    }

    [Test]
    public void Principal_HasTwoIdentitiesOfOnePerson()
    {
        using (Assert.EnterMultipleScope())
        {
            Assert.That(DemoFixture.Login("principal").PersonId, Is.EqualTo("person-principal"));
            Assert.That(DemoFixture.Login("principal.admin").PersonId, Is.EqualTo("person-principal"));
            Assert.That(DemoFixture.Login("principal").DisplayName, Is.EqualTo("Principal Démo"));
            Assert.That(DemoFixture.Login("eleve.6a").DisplayName, Is.EqualTo("Élève 6A Démo"));
            Assert.That(DemoFixture.Data.Accounts.Count(a => a.PersonId == "person-principal"), Is.EqualTo(2));
        }
    }

    [Test]
    public void ProfAnglais_TeachesEnglishTo6AAnd5BOnly()
    {
        var id = DemoFixture.Id("prof.anglais");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(DemoFixture.Graph.TaughtBy(id), Is.EquivalentTo(new[] { "6A", "5B" }));
            Assert.That(DemoFixture.Data.Teachings.Where(t => t.TeacherId == id).Select(t => t.SubjectCode), Has.All.EqualTo(Anglais));
            Assert.That(TeachersOf(Anglais, "6A"), Is.EqualTo(new[] { id }));
            Assert.That(TeachersOf(Anglais, "5B"), Is.EqualTo(new[] { id }));
        }
    }

    [Test]
    public void ProfMaths_TeachesMathsTo6AOnly_And5BHasAnotherMathsTeacher()
    {
        var id = DemoFixture.Id("prof.maths");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(DemoFixture.Graph.TaughtBy(id), Is.EquivalentTo(new[] { "6A" }));
            Assert.That(DemoFixture.Graph.TeachersOf("6A"), Does.Contain(id));
            Assert.That(TeachersOf(Maths, "6A"), Is.EqualTo(new[] { id }));
            Assert.That(TeachersOf(Maths, "5B"), Has.Length.EqualTo(1));
            Assert.That(TeachersOf(Maths, "5B"), Does.Not.Contain(id));
        }
    }

    [Test]
    public void PersonaPupils_AreInTheirClasses()
    {
        using (Assert.EnterMultipleScope())
        {
            Assert.That(DemoFixture.Graph.ClassOf(DemoFixture.Id("eleve.6a")), Is.EqualTo("6A"));
            Assert.That(DemoFixture.Graph.ClassOf(DemoFixture.Id("eleve2.6a")), Is.EqualTo("6A"));
            Assert.That(DemoFixture.Graph.ClassOf(DemoFixture.Id("eleve.5b")), Is.EqualTo("5B"));
        }
    }

    [Test]
    public void Eleve6A_SharesNoGroupWithEleve5B_AndIsNotInTheClub()
    {
        var eleve6A = DemoFixture.Id("eleve.6a");
        var groups6A = DemoFixture.Graph.StructuresOf(eleve6A).Where(s => DemoFixture.Graph.FindStructure(s)!.Kind == Preau.Core.Graph.StructureKind.Group);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(groups6A.Intersect(DemoFixture.Graph.StructuresOf(DemoFixture.Id("eleve.5b"))), Is.Empty);
            Assert.That(DemoFixture.Graph.MembersOf("club-theatre"), Does.Not.Contain(eleve6A));
            Assert.That(DemoFixture.Graph.DiffusionRubriquesOf(eleve6A), Is.Empty);
        }
    }

    [Test]
    public void PersonaParents_AreLegalResponsablesOfTheirChildOnly()
    {
        using (Assert.EnterMultipleScope())
        {
            Assert.That(DemoFixture.Graph.ParentsOf(DemoFixture.Id("eleve.6a")), Is.EquivalentTo(new[] { DemoFixture.Id("parent.6a") }));
            Assert.That(DemoFixture.Graph.ParentsOf(DemoFixture.Id("eleve.5b")), Is.EquivalentTo(new[] { DemoFixture.Id("parent.5b") }));
            Assert.That(DemoFixture.Graph.ChildrenOf(DemoFixture.Id("parent.6a")), Is.EquivalentTo(new[] { DemoFixture.Id("eleve.6a") }));
            Assert.That(DemoFixture.Graph.ChildrenOf(DemoFixture.Id("parent.5b")), Is.EquivalentTo(new[] { DemoFixture.Id("eleve.5b") }));
            Assert.That(DemoFixture.Data.ParentLinks.Where(l => l.ParentId == DemoFixture.Id("parent.6a")).Select(l => l.LegalLevel), Is.EqualTo(new[] { 1 }));
            Assert.That(DemoFixture.Data.ParentLinks.Where(l => l.ParentId == DemoFixture.Id("parent.5b")).Select(l => l.LegalLevel), Is.EqualTo(new[] { 1 }));
        }
    }

    private static string[] TeachersOf(string subject, string structure) =>
        [.. DemoFixture.Data.Teachings.Where(t => t.SubjectCode == subject && t.StructureCode == structure).Select(t => t.TeacherId).Distinct()];
}
