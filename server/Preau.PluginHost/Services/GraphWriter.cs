using Preau.Core.Accounts;
using Preau.Core.Directory;
using Preau.Core.Graph;
using Preau.Plugins.Graph;

namespace Preau.PluginHost.Services;

/// <summary><see cref="IGraphWriter"/> over <see cref="DirectoryService.Import(GraphData, IReadOnlyCollection{string}, string)"/>: the batch is checked
/// whole against itself and the current graph, then written in one store transaction.</summary>
/// <remarks>Passwords and notification addresses are never written by a feed: an existing account
/// keeps them, and a status of <see cref="AccountStatus.NotActivated"/> ("present in the feed")
/// keeps an account that is active or suspended as it is.</remarks>
internal sealed class GraphWriter(DirectoryService directory, string pluginId) : IGraphWriter
{
    public GraphBatchResult Apply(GraphBatch batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        var graph = directory.Graph;
        var check = new GraphBatchCheck(graph, batch);
        var errors = check.Run();
        if (errors.Count > 0)
        {
            throw new GraphBatchException(errors);
        }

        var added = 0;
        var accounts = new List<Account>(batch.Accounts.Count);
        foreach (var record in batch.Accounts)
        {
            var existing = graph.FindById(record.Id);
            if (existing is null)
            {
                added++;
            }

            accounts.Add(record.ToCore(existing, StateOf(record.Status, existing)));
        }

        var data = new GraphData
        {
            Establishments = batch.Establishments.Select(e => new Establishment(e.Uai, e.Name)).ToArray(),
            Accounts = accounts,
            Levels = batch.Levels.Select(l => new Level(l.Code, l.Name, l.Order)).ToArray(),
            Structures = batch.Structures.Select(s => s.ToCore()).ToArray(),
            Subjects = batch.Subjects.Select(s => new Subject(s.Code, s.Name)).ToArray(),
            Rubriques = batch.Rubriques.Select(r => new Rubrique(r.Id, r.Name, r.DiffusionList)).ToArray(),
            Memberships = batch.Memberships.Select(m => new StructureMembership(m.PupilId, check.StructureCode(m.StructureCode))).ToArray(),
            ParentLinks = batch.ParentLinks.Select(l => new ParentLink(l.ParentId, l.PupilId, l.LegalLevel)).ToArray(),
            Teachings = batch.Teachings.Select(t => new Teaching(t.TeacherId, t.SubjectCode ?? "", check.StructureCode(t.StructureCode), t.ProfPrincipal)).ToArray(),
            RubriqueMembers = batch.RubriqueMembers.Select(m => new RubriqueMembership(m.RubriqueId, m.AccountId)).ToArray(),
        };
        var source = string.IsNullOrWhiteSpace(batch.Source) ? "" : $" ({batch.Source.Trim()})";
        try
        {
            directory.Import(data, check.RemovedStructures, $"plugin:{pluginId}{source}");
        }
        catch (DirectoryException ex)
        {
            // The graph changed between the check and the write (a structure deleted meanwhile).
            throw new GraphBatchException(ex.Message, ex);
        }

        var relations = data.Memberships.Count + data.ParentLinks.Count + data.Teachings.Count + data.RubriqueMembers.Count;
        return new GraphBatchResult(added, accounts.Count - added, data.Structures.Count, relations);
    }

    /// <summary>The state a feed's status gives an account, knowing what it was.</summary>
    internal static AccountState StateOf(AccountStatus status, Account? existing) => status switch
    {
        AccountStatus.Suspended => AccountState.Suspended,
        AccountStatus.Left => AccountState.Left,
        AccountStatus.Active => existing?.PasswordHash is null ? AccountState.NotActivated : AccountState.Active,
        _ => existing switch
        {
            null => AccountState.NotActivated,
            { State: AccountState.Active or AccountState.Suspended } => existing.State,
            { PasswordHash: not null } => AccountState.Active,
            _ => AccountState.NotActivated,
        },
    };
}
