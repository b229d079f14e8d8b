using Preau.Core.Accounts;
using Preau.Core.Graph;

namespace Preau.Demo.Tests;

public class IntegrityTests
{
    private static readonly string[] ClassSubjects =
        ["020100", "061300", "030201", "040300", "063000", "062100", "070100", "080100", "084300", "100100"];

    private static Dictionary<string, Account> ById => DemoFixture.Data.Accounts.ToDictionary(a => a.Id);

    private static HashSet<string> StructureCodes => [.. DemoFixture.Data.Structures.Select(s => s.Code)];

    [Test]
    public void Relations_ReferenceExistingAccountsOfTheRightProfile()
    {
        var byId = ById;
        var codes = StructureCodes;
        var subjects = DemoFixture.Data.Subjects.Select(s => s.Code).ToHashSet();
        var rubriques = DemoFixture.Data.Rubriques.Select(r => r.Id).ToHashSet();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(DemoFixture.Data.Memberships.Where(m =>
                !(byId.TryGetValue(m.PupilId, out var a) && a.Profile == Profile.Eleve && codes.Contains(m.StructureCode))), Is.Empty);
            Assert.That(DemoFixture.Data.ParentLinks.Where(l =>
                !(byId.TryGetValue(l.ParentId, out var p) && p.Profile == Profile.Responsable
                && byId.TryGetValue(l.PupilId, out var c) && c.Profile == Profile.Eleve && l.LegalLevel is 1 or 2)), Is.Empty);
            Assert.That(DemoFixture.Data.Teachings.Where(t =>
                !(byId.TryGetValue(t.TeacherId, out var a) && a.Profile == Profile.Enseignant
                && codes.Contains(t.StructureCode) && subjects.Contains(t.SubjectCode))), Is.Empty);
            Assert.That(DemoFixture.Data.RubriqueMembers.Where(m =>
                !(byId.ContainsKey(m.AccountId) && rubriques.Contains(m.RubriqueId))), Is.Empty);
            Assert.That(DemoFixture.Data.Structures.SelectMany(s => s.ClassCodes).Where(c => !codes.Contains(c)), Is.Empty);
            Assert.That(DemoFixture.Data.Memberships, Is.Unique);
            Assert.That(DemoFixture.Data.Teachings.Select(t => (t.SubjectCode, t.StructureCode, t.TeacherId)), Is.Unique);
        }
    }

    [Test]
    public void EveryPupil_HasOneClassAndAResponsable()
    {
        foreach (var pupil in DemoFixture.OfProfile(Profile.Eleve))
        {
            var classes = DemoFixture.Graph.StructuresOf(pupil.Id).Count(s => DemoFixture.Graph.FindStructure(s)!.Kind == StructureKind.Class);
            Assert.That(classes, Is.EqualTo(1), pupil.Login);
            Assert.That(DemoFixture.Graph.ParentsOf(pupil.Id), Is.Not.Empty, pupil.Login);
            var levels = DemoFixture.Data.ParentLinks.Where(l => l.PupilId == pupil.Id).Select(l => l.LegalLevel).ToList();
            Assert.That(levels, Is.Unique.And.Contains(1), pupil.Login);
        }
    }

    [Test]
    public void EveryResponsable_HasAChild_AndSomeFamiliesHaveTwoChildrenInDifferentClasses()
    {
        var parents = DemoFixture.OfProfile(Profile.Responsable).ToList();
        Assert.That(parents.Where(p => DemoFixture.Graph.ChildrenOf(p.Id).Count == 0), Is.Empty);
        var siblings = parents.Where(p => DemoFixture.Graph.ChildrenOf(p.Id).Count == 2).ToList();
        Assert.That(siblings, Has.Count.GreaterThanOrEqualTo(20));
        foreach (var parent in siblings)
        {
            var classes = DemoFixture.Graph.ChildrenOf(parent.Id).Select(DemoFixture.Graph.ClassOf).Distinct().Count();
            Assert.That(classes, Is.EqualTo(2), parent.Login);
        }
    }

    [Test]
    public void EveryClass_HasOneTeacherPerClassSubject_AndOneProfPrincipal()
    {
        foreach (var classCode in DemoFixture.Data.Structures.Where(s => s.Kind == StructureKind.Class).Select(s => s.Code))
        {
            var teachings = DemoFixture.Data.Teachings.Where(t => t.StructureCode == classCode).ToList();
            Assert.That(teachings.Select(t => t.SubjectCode), Is.EquivalentTo(ClassSubjects), classCode);
            Assert.That(teachings.Count(t => t.ProfPrincipal), Is.EqualTo(1), classCode);
        }
    }

    [Test]
    public void GeneratedTeachers_HaveOneOrTwoSubjects_AndThreeToSixClasses()
    {
        var personas = new[] { DemoFixture.Id("prof.anglais"), DemoFixture.Id("prof.maths") };
        foreach (var teacher in DemoFixture.OfProfile(Profile.Enseignant).Where(t => !personas.Contains(t.Id)))
        {
            var teachings = DemoFixture.Data.Teachings.Where(t => t.TeacherId == teacher.Id).ToList();
            var classes = teachings.Count(t => DemoFixture.Graph.FindStructure(t.StructureCode)!.Kind == StructureKind.Class);
            Assert.That(teachings.Select(t => t.SubjectCode).Distinct().Count(), Is.InRange(1, 2), teacher.Login);
            Assert.That(teachings, Has.Count.InRange(3, 6), teacher.Login);
            Assert.That(classes, Is.EqualTo(0).Or.InRange(3, 6), teacher.Login);
        }
    }

    [Test]
    public void Rubriques_AreTheTheatreClubAndTheConseilPedagogique()
    {
        var club = DemoFixture.Graph.MembersOf("club-theatre").Select(id => ById[id]).ToList();
        var conseil = DemoFixture.Graph.MembersOf("conseil-pedagogique").Select(id => ById[id]).ToList();
        var personas = DemoSchool.Personas.Select(p => p.Login).ToHashSet();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(DemoFixture.Data.Rubriques, Is.EquivalentTo(new[]
            {
                new Rubrique("club-theatre", "Club théâtre", true),
                new Rubrique("conseil-pedagogique", "Conseil pédagogique", false),
            }));
            Assert.That(club.Count(a => a.Profile == Profile.Enseignant), Is.EqualTo(1));
            Assert.That(club.Where(a => a.Profile == Profile.Eleve).Select(a => DemoFixture.Graph.ClassOf(a.Id)).Distinct().Count(), Is.GreaterThan(3));
            Assert.That(conseil, Has.Count.GreaterThan(3));
            Assert.That(conseil.Where(a => a.Profile != Profile.Enseignant), Is.Empty);
            Assert.That(club.Concat(conseil).Select(a => a.Login).Where(personas.Contains), Is.Empty);
        }
    }
}
