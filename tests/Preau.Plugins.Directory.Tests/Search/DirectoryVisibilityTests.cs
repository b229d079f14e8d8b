using Preau.Plugins.Directory.Plugin.Search;

namespace Preau.Plugins.Directory.Tests.Search;

public class DirectoryVisibilityTests
{
    private static readonly DirectoryIndex Index = new(SearchGraph.Build());

    private static string[] Visible(string caller, bool ficheEleve = false)
    {
        var visibility = new DirectoryVisibility(Index, Index.IndexOf(caller), ficheEleve);
        return [.. Enumerable.Range(0, Index.People.Count).Where(visibility.CanSee).Select(i => Index.People[i].Id).Order(StringComparer.Ordinal)];
    }

    [Test]
    public void Pupil_SeesClassmatesTheirTeachersStaffOwnParent() =>
        Assert.That(Visible("p6a"), Is.EquivalentTo(new[] { "p6a", "p6a2", "r6a", "tAng", "tMath", "cpe", "adm" }));

    [Test]
    public void PupilInAGroup_SeesTheGroupsTeacher_NotOtherPupilsParents() =>
        Assert.That(Visible("p5b"), Is.EquivalentTo(new[] { "p5b", "r5b", "tAng", "tEsp", "cpe", "adm" }));

    [Test]
    public void Parent_SeesChildChildsTeachersStaff_NotOtherPupilsNorParents() =>
        Assert.That(Visible("r6a"), Is.EquivalentTo(new[] { "r6a", "p6a", "tAng", "tMath", "cpe", "adm" }));

    [TestCase("tMath")]
    [TestCase("cpe")]
    [TestCase("adm")]
    public void TeachersStaffAdmins_SeeEveryone(string caller) =>
        Assert.That(Visible(caller), Has.Length.EqualTo(Index.People.Count));

    [Test]
    public void PupilDetails_FollowFicheEleve_FamilyAndAdmins()
    {
        var p6a = Index.IndexOf("p6a");
        Assert.That(new DirectoryVisibility(Index, Index.IndexOf("tMath"), ficheEleve: false).SeesPupilDetails(p6a), Is.False);
        Assert.That(new DirectoryVisibility(Index, Index.IndexOf("tMath"), ficheEleve: true).SeesPupilDetails(p6a), Is.True);
        Assert.That(new DirectoryVisibility(Index, Index.IndexOf("r6a"), ficheEleve: false).SeesPupilDetails(p6a), Is.True);
        Assert.That(new DirectoryVisibility(Index, Index.IndexOf("p6a2"), ficheEleve: true).SeesPupilDetails(p6a), Is.False, "a classmate never sees the parents");
        Assert.That(new DirectoryVisibility(Index, Index.IndexOf("adm"), ficheEleve: false).SeesPupilDetails(p6a), Is.True);
    }
}
