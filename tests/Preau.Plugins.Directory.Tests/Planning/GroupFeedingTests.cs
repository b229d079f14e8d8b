using Preau.Plugins.Directory.Fixtures;
using Preau.Plugins.Directory.Model;
using Preau.Plugins.Directory.Planning;
using Preau.Plugins.Directory.Tests.Support;

namespace Preau.Plugins.Directory.Tests.Planning;

/// <summary>The school year's group-feeding option decides whether SIECLE and STSweb may change
/// groups, their members and the services on them.</summary>
public class GroupFeedingTests
{
    private static ImportSnapshot School => Schools.Small;

    private static HashSet<string> GroupCodes => School.Structures.Where(s => s.Type == StructureType.Group).Select(s => s.Code).ToHashSet();

    [TestCase(GroupFeeding.Edt)]
    [TestCase(GroupFeeding.EdtWithEntMembers)]
    public void FirstImport_GroupsOwnedByEdt_NoGroupAtAll(GroupFeeding feeding)
    {
        var plan = Plans.Plan(School, DirectoryState.Empty, Plans.Options(feeding));

        Assert.That(plan.Structures.Added.Select(s => s.Type), Is.All.EqualTo(StructureType.Class));
        Assert.That(plan.Memberships.Added.Count(m => GroupCodes.Contains(m.StructureCode)), Is.Zero);
        Assert.That(plan.Teachings.Added.Count(t => GroupCodes.Contains(t.StructureCode)), Is.Zero);
        Assert.That(plan.Memberships.Added, Has.Count.EqualTo(School.Pupils.Count));
        var ignored = School.Services.Count(s => GroupCodes.Contains(s.StructureCode));
        Assert.That(plan.Warnings.Select(w => w.Message), Has.Some.StartsWith($"{ignored} service(s) STSweb sur des groupes ignorés"));
    }

    [Test]
    public void FirstImport_GroupsOwnedBySiecle_GroupsMembersAndServices()
    {
        var plan = Plans.Plan(School, DirectoryState.Empty, Plans.Options(GroupFeeding.Siecle));

        Assert.That(plan.Structures.Added.Where(s => s.Type == StructureType.Group).Select(s => s.Code), Is.EquivalentTo(GroupCodes));
        Assert.That(plan.Memberships.Added.Count(m => GroupCodes.Contains(m.StructureCode)), Is.EqualTo(School.Pupils.Sum(p => p.GroupCodes.Count)));
        Assert.That(plan.Teachings.Added.Count(t => GroupCodes.Contains(t.StructureCode)), Is.EqualTo(School.Services.Count(s => GroupCodes.Contains(s.StructureCode))));
    }

    /// <summary>A SIECLE export that disagrees with the groups in the directory: one pupil has lost
    /// their groups, 3LAT is gone, 4ALL2 has a new label.</summary>
    private static ImportSnapshot Disagreeing(out ImportedPupil pupil)
    {
        var first = School.Pupils.First(p => p.GroupCodes.Count > 0);
        pupil = first;
        return School with
        {
            Pupils = [.. School.Pupils.Select(p => p.EleveId == first.EleveId
                ? p with { GroupCodes = [] }
                : p with { GroupCodes = [.. p.GroupCodes.Where(g => g != "3LAT")] })],
            Structures = [.. School.Structures.Where(s => s.Code != "3LAT").Select(s => s.Code == "4ALL2" ? s with { Name = "autre nom" } : s)],
            Services = [.. School.Services.Where(s => s.StructureCode != "3LAT")],
        };
    }

    [TestCase(GroupFeeding.Edt)]
    [TestCase(GroupFeeding.EdtWithEntMembers)]
    public void Reimport_GroupsOwnedByEdt_GroupsMembersAndTheirServicesLeftAlone(GroupFeeding feeding)
    {
        // The groups in the directory (made here by an import, as EDT would have made them).
        var state = Plans.Imported(School, Plans.Options(GroupFeeding.Siecle));

        var plan = Plans.Plan(Disagreeing(out _), state, Plans.Options(feeding));

        Assert.That(plan.IsEmpty, Is.True, PlanReport.Describe(plan));
    }

    [Test]
    public void Reimport_GroupsOwnedBySiecle_SiecleChangesThem()
    {
        var state = Plans.Imported(School, Plans.Options(GroupFeeding.Siecle));

        var plan = Plans.Plan(Disagreeing(out var pupil), state, Plans.Options(GroupFeeding.Siecle));

        var pupilId = Plans.PupilAccount(state, pupil).Id;
        Assert.That(plan.Structures.Removed.Select(s => s.Code), Is.EqualTo(new[] { "3LAT" }));
        Assert.That(plan.Structures.Updated.Select(s => (s.After.Code, s.After.Name)), Is.EqualTo(new[] { ("4ALL2", "autre nom") }));
        Assert.That(plan.Memberships.Removed.Where(m => m.AccountId == pupilId).Select(m => m.StructureCode), Is.EquivalentTo(pupil.GroupCodes));
        Assert.That(plan.Memberships.Removed.Where(m => m.StructureCode == "3LAT"), Is.Not.Empty);
        Assert.That(plan.Teachings.Removed.Select(t => t.StructureCode), Is.All.EqualTo("3LAT").And.Not.Empty);
        Assert.That(plan.Memberships.Added, Is.Empty);
    }

    [Test]
    public void SiecleDivisionWithTheCodeOfAnEdtGroup_NotImportedWithAWarning()
    {
        var state = new DirectoryState { Structures = [new StructureRecord("6B", "Groupe EDT", StructureType.Group, null, ["6A"])] };

        var plan = Plans.Plan(School, state, Plans.Options(GroupFeeding.Edt));

        Assert.That(plan.Structures.Added.Select(s => s.Code), Does.Not.Contain("6B"));
        Assert.That(plan.Structures.Removed, Is.Empty);
        Assert.That(plan.Memberships.Added.Select(m => m.StructureCode), Does.Not.Contain("6B"));
        Assert.That(plan.Warnings.Select(w => w.Message), Has.Some.StartsWith("le code 6B est celui d'un groupe géré par EDT"));
    }
}
