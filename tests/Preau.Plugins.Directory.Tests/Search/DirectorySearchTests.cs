using Preau.Plugins.Directory.Plugin.Search;
using Preau.Plugins.Graph;

namespace Preau.Plugins.Directory.Tests.Search;

public class DirectorySearchTests
{
    private static readonly DirectoryIndex Index = new(SearchGraph.Build());

    private static string[] Run(DirectoryQuery query, string caller = "adm") =>
        [.. DirectorySearch.Run(Index, query, new DirectoryVisibility(Index, Index.IndexOf(caller), true)).Items.Select(p => p.Id)];

    [Test]
    public void Text_IgnoresCaseAndAccents_AndMatchesWordStarts()
    {
        Assert.That(Run(new DirectoryQuery { Text = "HELENE" }), Is.EqualTo(new[] { "r6a" }));
        Assert.That(Run(new DirectoryQuery { Text = "durand" }), Is.EqualTo(new[] { "p6a", "r6a" }), "sorted by last name then first name");
        Assert.That(Run(new DirectoryQuery { Text = "lucia garc" }), Is.EqualTo(new[] { "tEsp" }));
        Assert.That(Run(new DirectoryQuery { Text = "rand" }), Is.Empty);
    }

    [Test]
    public void Subject_ByCodeOrName_GivesItsTeachers()
    {
        Assert.That(Run(new DirectoryQuery { Subject = "ANG" }), Is.EqualTo(new[] { "tAng" }));
        Assert.That(Run(new DirectoryQuery { Subject = "espagnol lv2" }), Is.EqualTo(new[] { "tEsp" }));
        Assert.That(Run(new DirectoryQuery { Subject = "nothing" }), Is.Empty);
    }

    [Test]
    public void ClassLevelProfileFunctionState_Filter()
    {
        Assert.That(Run(new DirectoryQuery { Structure = "6a" }), Is.EquivalentTo(new[] { "p6a", "p6a2", "tAng", "tMath" }));
        Assert.That(Run(new DirectoryQuery { Level = "5E", Profile = AccountProfile.Enseignant }), Is.EquivalentTo(new[] { "tAng", "tEsp" }), "a group's level is its classes'");
        Assert.That(Run(new DirectoryQuery { Function = AccountFunction.Cpe }), Is.EqualTo(new[] { "cpe" }));
        Assert.That(Run(new DirectoryQuery { State = AccountStatus.Left }), Is.EqualTo(new[] { "gone" }));
    }

    [Test]
    public void Paging_CountsEveryVisibleMatch()
    {
        var results = DirectorySearch.Run(Index, new DirectoryQuery { Offset = 1, Limit = 2 }, new DirectoryVisibility(Index, Index.IndexOf("p6a"), false));
        Assert.That(results.Total, Is.EqualTo(7));
        Assert.That(results.Items, Has.Count.EqualTo(2));
    }
}
