using Preau.Plugins.Directory.Planning;
using G = Preau.Plugins.Graph;

namespace Preau.Plugins.Directory.Plugin;

/// <summary>An <see cref="ImportPlan"/> as one <see cref="G.GraphBatch"/>. The writer replaces the
/// relations of every account the batch lists, so every account a change touches is listed (as it
/// is after the plan) with all its relations after the plan; the others are not written at all.
/// Classes and groups the plan removes are named in <see cref="G.GraphBatch.RemovedStructures"/>
/// (contract 1.3): the host deletes them with whatever is left on them.</summary>
internal static class PlanBatch
{
    public static G.GraphBatch Build(ImportPlan plan, G.IGraphReader reader, G.GraphSnapshot graph, DirectoryState before, string source)
    {
        var after = PlanApplier.Apply(before, plan);
        var existing = graph.Accounts.ToDictionary(a => a.Id, StringComparer.Ordinal);
        var touched = new HashSet<string>(StringComparer.Ordinal);
        touched.UnionWith(plan.Added.Select(a => a.Account.Id));
        touched.UnionWith(plan.Updated.Concat(plan.Suspended).Select(c => c.After.Id));
        foreach (var m in plan.Memberships.Added.Concat(plan.Memberships.Removed))
        {
            touched.Add(m.AccountId);
        }

        foreach (var l in plan.ParentLinks.Added.Concat(plan.ParentLinks.Removed))
        {
            touched.Add(l.ParentId);
            touched.Add(l.PupilId);
        }

        foreach (var t in plan.Teachings.Added.Concat(plan.Teachings.Removed))
        {
            touched.Add(t.TeacherId);
        }

        var accounts = after.Accounts.Where(a => touched.Contains(a.Id))
            .Select(a => GraphState.ToContract(a, existing.GetValueOrDefault(a.Id)))
            .ToArray();
        // The writer also replaces rubrique memberships of listed accounts: carry them over unchanged.
        var rubriqueMembers = accounts.Where(a => existing.ContainsKey(a.Id))
            .SelectMany(a => reader.RubriquesOf(a.Id).Select(r => new G.RubriqueMemberRecord(r.Id, a.Id)))
            .ToArray();
        var establishments = graph.Establishments.Any(e => string.Equals(e.Uai, plan.Uai, StringComparison.OrdinalIgnoreCase))
            ? []
            : new[] { new G.EstablishmentRecord(plan.Uai, $"Établissement {plan.Uai}") };
        return new G.GraphBatch
        {
            Source = source,
            Establishments = establishments,
            Accounts = accounts,
            Levels = [.. plan.Levels.Added.Concat(plan.Levels.Updated.Select(c => c.After)).Select(l => new G.LevelRecord(l.Code, l.Name, l.Order))],
            Subjects = [.. plan.Subjects.Added.Concat(plan.Subjects.Updated.Select(c => c.After)).Select(s => new G.SubjectRecord(s.Code, s.Name))],
            Structures = [.. plan.Structures.Added.Concat(plan.Structures.Updated.Select(c => c.After)).Select(GraphState.ToContract)],
            RemovedStructures = [.. plan.Structures.Removed.Select(s => s.Code)],
            Memberships = [.. after.Memberships.Where(m => touched.Contains(m.AccountId)).Select(m => new G.MembershipRecord(m.AccountId, m.StructureCode))],
            ParentLinks = [.. after.ParentLinks.Where(l => touched.Contains(l.ParentId) || touched.Contains(l.PupilId)).Select(l => new G.ParentLinkRecord(l.ParentId, l.PupilId, l.LegalLevel))],
            Teachings = [.. after.Teachings.Where(t => touched.Contains(t.TeacherId)).Select(t => new G.TeachingRecord(t.TeacherId, t.SubjectCode, t.StructureCode, t.ProfPrincipal))],
            RubriqueMembers = rubriqueMembers,
        };
    }
}
