using LiteDB;
using Preau.Core.Accounts;
using Preau.Core.Graph;

namespace Preau.Storage.LiteDb;

// IDirectoryStore: the establishment graph, one collection per kind of record.
public sealed partial class LiteDbStore
{
    private ILiteCollection<AccountDoc> _accounts = null!;
    private ILiteCollection<EstablishmentDoc> _establishments = null!;
    private ILiteCollection<LevelDoc> _levels = null!;
    private ILiteCollection<StructureDoc> _structures = null!;
    private ILiteCollection<SubjectDoc> _subjects = null!;
    private ILiteCollection<RubriqueDoc> _rubriques = null!;
    private ILiteCollection<MembershipDoc> _memberships = null!;
    private ILiteCollection<ParentLinkDoc> _parentLinks = null!;
    private ILiteCollection<TeachingDoc> _teachings = null!;
    private ILiteCollection<RubriqueMemberDoc> _rubriqueMembers = null!;

    /// <inheritdoc />
    public GraphData Load() => ReadSnapshot(() => new GraphData
    {
        Establishments = _establishments.FindAll().Select(d => d.ToRecord()).ToList(),
        Accounts = _accounts.FindAll().Select(d => d.ToRecord()).ToList(),
        Levels = _levels.FindAll().Select(d => d.ToRecord()).OrderBy(l => l.Order).ToList(),
        Structures = _structures.FindAll().Select(d => d.ToRecord()).ToList(),
        Subjects = _subjects.FindAll().Select(d => d.ToRecord()).ToList(),
        Rubriques = _rubriques.FindAll().Select(d => d.ToRecord()).ToList(),
        Memberships = _memberships.FindAll().Select(d => d.ToRecord()).ToList(),
        ParentLinks = _parentLinks.FindAll().Select(d => d.ToRecord()).ToList(),
        Teachings = _teachings.FindAll().Select(d => d.ToRecord()).ToList(),
        RubriqueMembers = _rubriqueMembers.FindAll().Select(d => d.ToRecord()).ToList(),
    });

    /// <inheritdoc />
    public bool IsEmpty() => Read(() => !_accounts.Exists(Query.All()));

    /// <inheritdoc />
    public void SaveAccount(Account account)
    {
        ArgumentNullException.ThrowIfNull(account);
        Write(() => _accounts.Upsert(AccountDoc.Of(account)));
    }

    /// <inheritdoc />
    /// <remarks>A relation row is replaced when any account it names is in <see cref="GraphData.Accounts"/>:
    /// a pupil's memberships, a teacher's services, a member's rubriques, and a parent link when
    /// either the parent or the pupil is listed. Relations of accounts not listed are only added to.</remarks>
    public void Import(GraphData data) => Import(data, []);

    /// <inheritdoc />
    public void Import(GraphData data, IReadOnlyCollection<string> removedStructures)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(removedStructures);
        var listed = data.Accounts.Select(a => a.Id).ToHashSet(StringComparer.Ordinal);
        Write(() =>
        {
            RemoveStructures(removedStructures);
            _ = _establishments.Upsert(data.Establishments.Select(EstablishmentDoc.Of));
            _ = _accounts.Upsert(data.Accounts.Select(AccountDoc.Of));
            _ = _levels.Upsert(data.Levels.Select(LevelDoc.Of));
            _ = _structures.Upsert(data.Structures.Select(StructureDoc.Of));
            _ = _subjects.Upsert(data.Subjects.Select(SubjectDoc.Of));
            _ = _rubriques.Upsert(data.Rubriques.Select(RubriqueDoc.Of));
            ReplaceRelations(_memberships, data.Memberships.Select(MembershipDoc.Of), listed);
            ReplaceRelations(_parentLinks, data.ParentLinks.Select(ParentLinkDoc.Of), listed);
            ReplaceRelations(_teachings, data.Teachings.Select(TeachingDoc.Of), listed);
            ReplaceRelations(_rubriqueMembers, data.RubriqueMembers.Select(RubriqueMemberDoc.Of), listed);
        });
    }

    private void InitializeDirectoryCollections()
    {
        _accounts = Collection<AccountDoc>("accounts");
        _establishments = Collection<EstablishmentDoc>("establishments");
        _levels = Collection<LevelDoc>("levels");
        _structures = Collection<StructureDoc>("structures");
        _subjects = Collection<SubjectDoc>("subjects");
        _rubriques = Collection<RubriqueDoc>("rubriques");
        _memberships = Collection<MembershipDoc>("memberships");
        _parentLinks = Collection<ParentLinkDoc>("parent_links");
        _teachings = Collection<TeachingDoc>("teachings");
        _rubriqueMembers = Collection<RubriqueMemberDoc>("rubrique_members");
    }

    // Relation tables hold a few thousand rows: one scan beats an index lookup per listed account.
    private static void ReplaceRelations<T>(ILiteCollection<T> collection, IEnumerable<T> incoming, HashSet<string> listed)
        where T : IRelationDoc
    {
        var kept = new Dictionary<string, T>(StringComparer.Ordinal);
        foreach (var doc in incoming)
        {
            kept[doc.Id] = doc;
        }

        var stale = collection.FindAll()
            .Where(d => !kept.ContainsKey(d.Id) && d.AccountIds().Any(listed.Contains))
            .Select(d => d.Id)
            .ToList();
        foreach (var id in stale)
        {
            _ = collection.Delete(id);
        }

        _ = collection.Upsert(kept.Values);
    }
}
