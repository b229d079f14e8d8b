using Preau.Core.Accounts;
using Preau.Core.Graph;

namespace Preau.Demo.Tests;

public class CountTests
{
    [Test]
    public void Establishment_IsTheDemoCollege()
    {
        var establishment = DemoFixture.Data.Establishments.Single();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(establishment.Uai, Is.EqualTo("0519999Z"));
            Assert.That(establishment.Name, Is.EqualTo("Collège Jean Moulin (démo)"));
            Assert.That(DemoFixture.Data.Accounts.Select(a => a.Uai).Distinct(), Is.EqualTo(new[] { DemoSchool.Uai }));
            Assert.That(DemoFixture.Data.Levels.Select(l => l.Code), Is.EqualTo(new[] { "6E", "5E", "4E", "3E" }));
        }
    }

    [Test]
    public void Structures_Are24ClassesAndSomeGroups()
    {
        var classes = DemoFixture.Data.Structures.Where(s => s.Kind == StructureKind.Class).ToList();
        var expected = new[] { "6", "5", "4", "3" }.SelectMany(l => "ABCDEF".Select(c => l + c));
        using (Assert.EnterMultipleScope())
        {
            Assert.That(classes.Select(c => c.Code), Is.EqualTo(expected));
            Assert.That(classes.Single(c => c.Code == "6A").Name, Is.EqualTo("6e A"));
            Assert.That(classes.Single(c => c.Code == "3F").LevelCode, Is.EqualTo("3E"));
            Assert.That(DemoFixture.Data.Structures.Count(s => s.Kind == StructureKind.Group), Is.GreaterThanOrEqualTo(6));
            Assert.That(DemoFixture.Data.Structures.Where(s => s.Kind == StructureKind.Group && s.ClassCodes.Count == 0), Is.Empty);
        }
    }

    [Test]
    public void People_AreAboutTheSizeOfACollege()
    {
        using (Assert.EnterMultipleScope())
        {
            Assert.That(DemoFixture.OfProfile(Profile.Eleve).Count(), Is.EqualTo(600));
            Assert.That(DemoFixture.OfProfile(Profile.Enseignant).Count(), Is.InRange(40, 50));
            Assert.That(DemoFixture.OfProfile(Profile.Responsable).Count(), Is.InRange(1000, 1200));
            Assert.That(DemoFixture.OfProfile(Profile.Personnel).Count(), Is.EqualTo(16));
            Assert.That(DemoFixture.OfProfile(Profile.AdministrateurEnt).Count(), Is.EqualTo(2));
        }
    }

    [Test]
    public void EveryClass_Has25Pupils()
    {
        foreach (var structure in DemoFixture.Data.Structures.Where(s => s.Kind == StructureKind.Class))
        {
            Assert.That(DemoFixture.Graph.PupilsOf(structure.Code), Has.Count.EqualTo(25), structure.Code);
        }
    }

    [Test]
    public void EveryGroup_HasPupilsAndATeacher()
    {
        foreach (var group in DemoFixture.Data.Structures.Where(s => s.Kind == StructureKind.Group))
        {
            Assert.That(DemoFixture.Graph.PupilsOf(group.Code), Is.Not.Empty, group.Code);
            Assert.That(DemoFixture.Graph.TeachersOf(group.Code), Is.Not.Empty, group.Code);
        }
    }

    [Test]
    public void Staff_HaveTheRequestedFunctions()
    {
        var functions = DemoFixture.OfProfile(Profile.Personnel).GroupBy(a => a.Function).ToDictionary(g => g.Key, g => g.Count());
        var expected = new Dictionary<StaffFunction, int>
        {
            [StaffFunction.Direction] = 2,
            [StaffFunction.Cpe] = 2,
            [StaffFunction.VieScolaire] = 3,
            [StaffFunction.Documentaliste] = 1,
            [StaffFunction.PsyEn] = 1,
            [StaffFunction.AssistantSocial] = 1,
            [StaffFunction.Infirmier] = 1,
            [StaffFunction.Secretariat] = 2,
            [StaffFunction.Agent] = 2,
            [StaffFunction.SupportAcademique] = 1,
        };
        Assert.That(functions, Is.EquivalentTo(expected));
    }
}
