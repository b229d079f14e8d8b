using Preau.Plugins.Directory.Model;

namespace Preau.Plugins.Directory.Planning;

/// <summary>What planning gave: a plan, or why the import cannot go ahead.</summary>
/// <param name="Plan">The plan; null when refused.</param>
/// <param name="Errors">Why it was refused.</param>
public sealed record PlanResult(ImportPlan? Plan, IReadOnlyList<ImportError> Errors)
{
    /// <summary>Whether there is a plan.</summary>
    public bool Succeeded => Plan is not null && Errors.Count == 0;
}

/// <summary>Compares a snapshot with the directory and says what an import would change: a pure
/// function of its inputs, which it never modifies (a dry run is this and nothing else).</summary>
/// <remarks>
/// The import owns only what its feeds say: SIECLE owns pupils, responsables, their links, classes,
/// levels, and groups with their members under <see cref="GroupFeeding.Siecle"/>; STSweb owns staff,
/// their functions, their services (on groups only under <see cref="GroupFeeding.Siecle"/>) and
/// professeurs principaux; both add subjects. Accounts without an external id, of another UAI, or
/// Administrateur ENT are never touched, and nobody is deleted: who left becomes Left, mail kept.
/// </remarks>
public static class ImportPlanner
{
    /// <summary>Plans the import of <paramref name="snapshot"/> into <paramref name="state"/>.</summary>
    public static PlanResult Plan(
        ImportSnapshot snapshot,
        DirectoryState state,
        PlanOptions? options = null,
        IProgress<ImportProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(state);
        options ??= new PlanOptions();
        var errors = SnapshotChecks.Check(snapshot);
        if (errors.Count > 0)
        {
            return new PlanResult(null, errors);
        }

        if (state.Uai is { } uai && !string.Equals(uai, snapshot.Uai, StringComparison.OrdinalIgnoreCase))
        {
            errors.Add(new ImportError("", "PARAMETRES/UAJ", null, $"les fichiers concernent l'établissement {snapshot.Uai}, pas {uai} : import refusé"));
            return new PlanResult(null, errors);
        }

        var warnings = new List<ImportWarning>(snapshot.Warnings);
        var people = new PeoplePlanner(snapshot, state, options, errors, warnings);
        people.Plan(progress, cancellationToken);
        if (errors.Count > 0)
        {
            return new PlanResult(null, errors);
        }

        progress?.Report(new ImportProgress(ImportStage.Planning, "structures", 0, 0, "Comparaison des classes, groupes et services"));
        var catalog = new CatalogPlanner(snapshot, state, options, warnings);
        catalog.Plan();
        var relations = new RelationPlanner(snapshot, state, options, people, catalog, warnings);
        relations.Plan();

        var plan = new ImportPlan
        {
            Uai = snapshot.Uai,
            SchoolYear = snapshot.SchoolYear,
            Scope = snapshot.Scope,
            GroupFeeding = options.GroupFeeding,
            Added = [.. people.Added],
            Updated = [.. people.Updated],
            Suspended = [.. people.Suspended],
            Unchanged = people.Unchanged,
            Levels = catalog.Levels,
            Subjects = catalog.Subjects,
            Structures = catalog.Structures,
            Memberships = relations.Memberships,
            ParentLinks = relations.ParentLinks,
            Teachings = relations.Teachings,
            Warnings = warnings,
            RequiresConfirmation = people.RequiresConfirmation,
            ActivationCodes = ActivationSheetBuilder.Build(snapshot, people),
        };
        progress?.Report(new ImportProgress(ImportStage.Done, "", plan.WriteCount, plan.WriteCount, $"{plan.WriteCount} écriture(s) à faire"));
        return new PlanResult(plan, []);
    }
}
