using Preau.Plugins.Directory.Plugin.Search;
using Preau.Plugins.Graph;

namespace Preau.Plugins.Directory.Tests.Search;

public class DirectoryIndexCacheTests
{
    [Test]
    public void Index_IsBuiltOncePerGraphVersion()
    {
        var graph = new CountingGraph();
        var cache = new DirectoryIndexCache(graph);

        var first = cache.Current;
        Assert.That(cache.Current, Is.SameAs(first));
        Assert.That(graph.Exports, Is.EqualTo(1));

        graph.Version = 2;
        var second = cache.Current;
        Assert.That(second, Is.Not.SameAs(first));
        Assert.That(second.Version, Is.EqualTo(2));
        Assert.That(graph.Exports, Is.EqualTo(2));
    }

    private sealed class CountingGraph : IGraphReader
    {
        public int Exports { get; private set; }

        public long Version { get; set; } = 1;

        public string Domain => "test.fr";

        public IReadOnlyList<EstablishmentRecord> Establishments => [];

        public IReadOnlyList<LevelRecord> Levels => [];

        public IReadOnlyList<StructureRecord> Structures => [];

        public IReadOnlyList<SubjectRecord> Subjects => [];

        public IReadOnlyList<RubriqueRecord> Rubriques => [];

        public GraphSnapshot Export()
        {
            Exports++;
            return SearchGraph.Build();
        }

        public string AddressOf(AccountRecord account) => $"{account?.Login}@test.fr";

        public AccountRecord? FindAccount(string idOrLoginOrAddress) => null;

        public IReadOnlyList<AccountRecord> Search(AccountQuery query) => [];

        public StructureRecord? FindStructure(string code) => null;

        public IReadOnlyList<StructureRecord> StructuresOf(string pupilId) => [];

        public IReadOnlyList<AccountRecord> PupilsOf(string structureCode) => [];

        public IReadOnlyList<AccountRecord> TeachersOf(string structureCode) => [];

        public IReadOnlyList<TeachingRecord> TeachingsOf(string teacherId) => [];

        public IReadOnlyList<TeachingRecord> TeachingsIn(string structureCode) => [];

        public IReadOnlyList<AccountRecord> ParentsOf(string pupilId) => [];

        public IReadOnlyList<ParentLinkRecord> ParentLinksOf(string pupilId) => [];

        public IReadOnlyList<AccountRecord> ChildrenOf(string parentId) => [];

        public IReadOnlyList<AccountRecord> MembersOf(string rubriqueId) => [];

        public IReadOnlyList<RubriqueRecord> RubriquesOf(string accountId) => [];
    }
}
