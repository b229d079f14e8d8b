namespace Preau.Plugins.Directory.Planning;

/// <summary>The reference meaning of a plan: the directory state it leads to. The lead's Core
/// mapping does the same to <c>GraphData</c>; tests use it to show that planning again over the
/// result gives an empty plan.</summary>
public static class PlanApplier
{
    /// <summary>The state after <paramref name="plan"/>; <paramref name="state"/> is not modified.</summary>
    public static DirectoryState Apply(DirectoryState state, ImportPlan plan)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(plan);
        var changed = plan.Updated.Concat(plan.Suspended).ToDictionary(c => c.Before.Id, c => c.After, StringComparer.Ordinal);
        return state with
        {
            Uai = state.Uai ?? plan.Uai,
            Accounts = [.. state.Accounts.Select(a => changed.GetValueOrDefault(a.Id, a)), .. plan.Added.Select(a => a.Account)],
            Levels = Catalog(state.Levels, plan.Levels, l => l.Code),
            Subjects = Catalog(state.Subjects, plan.Subjects, s => s.Code),
            Structures = Catalog(state.Structures, plan.Structures, s => s.Code),
            Memberships = Relation(state.Memberships, plan.Memberships),
            ParentLinks = Relation(state.ParentLinks, plan.ParentLinks),
            Teachings = Relation(state.Teachings, plan.Teachings),
        };
    }

    private static T[] Catalog<T>(IReadOnlyList<T> current, CatalogChanges<T> changes, Func<T, string> key)
    {
        var removed = changes.Removed.Select(key).ToHashSet(StringComparer.Ordinal);
        var updated = changes.Updated.ToDictionary(c => key(c.Before), c => c.After, StringComparer.Ordinal);
        return [.. current.Where(c => !removed.Contains(key(c))).Select(c => updated.GetValueOrDefault(key(c), c)), .. changes.Added];
    }

    private static T[] Relation<T>(IReadOnlyList<T> current, RelationChanges<T> changes)
        where T : notnull
    {
        var removed = changes.Removed.ToHashSet();
        return [.. current.Where(c => !removed.Contains(c)), .. changes.Added];
    }
}
