using System.Globalization;
using System.Text;
using Preau.Core.Accounts;
using Preau.Core.Directory;
using Preau.Core.Graph;
using Preau.Plugins.Graph;
using AccountQuery = Preau.Plugins.Graph.AccountQuery;

namespace Preau.PluginHost.Services;

/// <summary><see cref="IGraphReader"/> over the directory's current snapshot.</summary>
internal sealed class GraphReader(DirectoryService directory) : IGraphReader
{
    private const int MaxResults = 1000;

    private EstablishmentGraph Graph => directory.Graph;

    public string Domain => directory.Domain;

    public IReadOnlyList<EstablishmentRecord> Establishments => Graph.Data.Establishments.Select(e => e.ToRecord()).ToArray();

    public IReadOnlyList<LevelRecord> Levels => Graph.Data.Levels.OrderBy(l => l.Order).Select(l => l.ToRecord()).ToArray();

    public IReadOnlyList<StructureRecord> Structures => Graph.Data.Structures.Select(s => s.ToRecord()).ToArray();

    public IReadOnlyList<SubjectRecord> Subjects => Graph.Data.Subjects.Select(s => s.ToRecord()).ToArray();

    public IReadOnlyList<RubriqueRecord> Rubriques => Graph.Data.Rubriques.Select(r => r.ToRecord()).ToArray();

    public string AddressOf(AccountRecord account) => $"{account?.Login}@{directory.Domain}";

    public AccountRecord? FindAccount(string idOrLoginOrAddress)
    {
        ArgumentNullException.ThrowIfNull(idOrLoginOrAddress);
        return (Graph.FindById(idOrLoginOrAddress) ?? directory.Find(idOrLoginOrAddress))?.ToRecord();
    }

    public IReadOnlyList<AccountRecord> Search(AccountQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var graph = Graph;
        IEnumerable<Account> accounts = graph.Data.Accounts;
        if (query.Profile is { } profile)
        {
            var p = profile.ToCore();
            accounts = accounts.Where(a => a.Profile == p);
        }

        if (query.Function is { } function)
        {
            var f = function.ToCore();
            accounts = accounts.Where(a => a.Function == f);
        }

        if (query.Status is { } status)
        {
            var s = status.ToCore();
            accounts = accounts.Where(a => a.State == s);
        }

        if (query.StructureCode is { } code)
        {
            var structure = graph.FindStructure(code);
            var members = structure is null
                ? []
                : graph.PupilsOf(structure.Code).Concat(graph.TeachersOf(structure.Code)).ToHashSet(StringComparer.Ordinal);
            accounts = accounts.Where(a => members.Contains(a.Id));
        }

        if (!string.IsNullOrWhiteSpace(query.Text))
        {
            var words = Fold(query.Text).Split(' ', StringSplitOptions.RemoveEmptyEntries);
            accounts = accounts.Where(a =>
            {
                var text = Fold($"{a.Login} {a.FirstName} {a.LastName} {a.DisplayName}");
                return words.All(w => text.Contains(w, StringComparison.Ordinal));
            });
        }

        return accounts
            .OrderBy(a => a.DisplayName, StringComparer.Create(CultureInfo.GetCultureInfo("fr-FR"), ignoreCase: true))
            .ThenBy(a => a.Login, StringComparer.Ordinal)
            .Take(Math.Clamp(query.Limit, 0, MaxResults))
            .Select(a => a.ToRecord())
            .ToArray();
    }

    public StructureRecord? FindStructure(string code) => Graph.FindStructure(code)?.ToRecord();

    public IReadOnlyList<StructureRecord> StructuresOf(string pupilId)
    {
        var graph = Graph;
        return graph.StructuresOf(pupilId).Select(graph.FindStructure).OfType<Structure>().OrderBy(s => s.Code, StringComparer.Ordinal).Select(s => s.ToRecord()).ToArray();
    }

    public IReadOnlyList<AccountRecord> PupilsOf(string structureCode) => Accounts(Graph.PupilsOf(structureCode));

    public IReadOnlyList<AccountRecord> TeachersOf(string structureCode) => Accounts(Graph.TeachersOf(structureCode));

    public IReadOnlyList<TeachingRecord> TeachingsOf(string teacherId) =>
        Graph.Data.Teachings.Where(t => t.TeacherId == teacherId).Select(t => t.ToRecord()).ToArray();

    public IReadOnlyList<TeachingRecord> TeachingsIn(string structureCode) =>
        Graph.Data.Teachings.Where(t => string.Equals(t.StructureCode, structureCode, StringComparison.OrdinalIgnoreCase)).Select(t => t.ToRecord()).ToArray();

    public IReadOnlyList<AccountRecord> ParentsOf(string pupilId) => Accounts(Graph.ParentsOf(pupilId));

    public IReadOnlyList<ParentLinkRecord> ParentLinksOf(string pupilId) =>
        Graph.Data.ParentLinks.Where(l => l.PupilId == pupilId).Select(l => l.ToRecord()).ToArray();

    public IReadOnlyList<AccountRecord> ChildrenOf(string parentId) => Accounts(Graph.ChildrenOf(parentId));

    public IReadOnlyList<AccountRecord> MembersOf(string rubriqueId) => Accounts(Graph.MembersOf(rubriqueId));

    public IReadOnlyList<RubriqueRecord> RubriquesOf(string accountId)
    {
        var graph = Graph;
        var ids = graph.Data.RubriqueMembers.Where(m => m.AccountId == accountId).Select(m => m.RubriqueId).ToHashSet(StringComparer.Ordinal);
        return graph.Data.Rubriques.Where(r => ids.Contains(r.Id)).Select(r => r.ToRecord()).ToArray();
    }

    public GraphSnapshot Export()
    {
        var data = Graph.Data;
        return new GraphSnapshot
        {
            Accounts = data.Accounts.Select(a => a.ToRecord()).ToArray(),
            Establishments = data.Establishments.Select(e => e.ToRecord()).ToArray(),
            Levels = data.Levels.OrderBy(l => l.Order).Select(l => l.ToRecord()).ToArray(),
            Structures = data.Structures.Select(s => s.ToRecord()).ToArray(),
            Subjects = data.Subjects.Select(s => s.ToRecord()).ToArray(),
            Memberships = data.Memberships.Select(m => new MembershipRecord(m.PupilId, m.StructureCode)).ToArray(),
            ParentLinks = data.ParentLinks.Select(l => l.ToRecord()).ToArray(),
            Teachings = data.Teachings.Select(t => t.ToRecord()).ToArray(),
        };
    }

    private AccountRecord[] Accounts(IEnumerable<string> ids)
    {
        var graph = Graph;
        return ids.Select(graph.FindById).OfType<Account>().OrderBy(a => a.Login, StringComparer.Ordinal).Select(a => a.ToRecord()).ToArray();
    }

    /// <summary>Lower case, accents removed: "Hélène" and "helene" match.</summary>
    internal static string Fold(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (var c in text.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            {
                sb.Append(char.ToLowerInvariant(c));
            }
        }

        return sb.ToString();
    }
}
