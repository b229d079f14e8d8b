using Preau.Plugins.Directory.Planning;
using Preau.Plugins.Directory.Reading;

namespace Preau.Plugins.Directory;

/// <summary>The outcome of preparing an import: the plan to show (dry run) or apply, or the errors.</summary>
/// <param name="Plan">The plan; null when the files or the directory refused the import.</param>
/// <param name="Errors">Why it was refused: file, element, line, reason.</param>
/// <param name="Warnings">What the administrator should know.</param>
public sealed record ImportOutcome(ImportPlan? Plan, IReadOnlyList<ImportError> Errors, IReadOnlyList<ImportWarning> Warnings)
{
    /// <summary>Whether there is a plan.</summary>
    public bool Succeeded => Plan is not null && Errors.Count == 0;
}

/// <summary>Reading then planning, in one call: what the plugin's CLI verb and API endpoint run.
/// Nothing is written: a dry run shows the plan, an import applies it in one transaction.</summary>
public static class DirectoryImport
{
    /// <summary>Reads the exports and plans their import into <paramref name="state"/>.</summary>
    public static ImportOutcome Prepare(
        IEnumerable<ImportInput> inputs,
        DirectoryState state,
        PlanOptions? options = null,
        ZipLimits? zipLimits = null,
        IProgress<ImportProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        var read = ImportReader.Read(inputs, zipLimits, progress, cancellationToken);
        if (!read.Succeeded)
        {
            return new ImportOutcome(null, read.Errors, read.Warnings);
        }

        var planned = ImportPlanner.Plan(read.Snapshot!, state, options, progress, cancellationToken);
        return planned.Succeeded
            ? new ImportOutcome(planned.Plan, [], planned.Plan!.Warnings)
            : new ImportOutcome(null, planned.Errors, read.Warnings);
    }
}
