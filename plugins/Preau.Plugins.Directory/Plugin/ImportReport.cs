using Preau.Plugins.Directory.Planning;

namespace Preau.Plugins.Directory.Plugin;

/// <summary>What an import did or would do, as the CLI prints it and the API returns it (JSON).</summary>
public sealed record ImportReport
{
    /// <summary>"applied", "dry-run", "refused" (errors) or "confirmation-required".</summary>
    public required string Outcome { get; init; }

    /// <summary>Whether the directory was changed.</summary>
    public bool Applied { get; init; }

    /// <summary>The establishment.</summary>
    public string? Uai { get; init; }

    /// <summary>The school year of the files.</summary>
    public string? SchoolYear { get; init; }

    /// <summary>One French sentence.</summary>
    public string Summary { get; init; } = "";

    /// <summary>Accounts added.</summary>
    public IReadOnlyList<ReportAccount> Added { get; init; } = [];

    /// <summary>Accounts updated (with what changes).</summary>
    public IReadOnlyList<ReportAccount> Updated { get; init; } = [];

    /// <summary>Accounts suspended (left the feed).</summary>
    public IReadOnlyList<ReportAccount> Suspended { get; init; } = [];

    /// <summary>People unchanged.</summary>
    public int Unchanged { get; init; }

    /// <summary>Records the import writes (0: nothing changes).</summary>
    public int Writes { get; init; }

    /// <summary>The plan in French, line by line.</summary>
    public string Details { get; init; } = "";

    /// <summary>Why the import was refused: file, element, line, reason.</summary>
    public IReadOnlyList<ImportError> Errors { get; init; } = [];

    /// <summary>Warnings, in French.</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];

    /// <summary>The activation CSV files written (one per class), on the server.</summary>
    public IReadOnlyList<string> CodeFiles { get; init; } = [];

    /// <summary>The report of a refused import.</summary>
    public static ImportReport Refused(IReadOnlyList<ImportError> errors, IEnumerable<ImportWarning> warnings) => new()
    {
        Outcome = "refused",
        Summary = $"Import refusé : {errors.Count} erreur(s), rien n'a été modifié.",
        Errors = errors,
        Warnings = warnings.Select(w => w.ToString()).ToArray(),
    };

    /// <summary>The report of a plan, applied or not.</summary>
    public static ImportReport Of(ImportPlan plan, string outcome, bool applied, IReadOnlyList<string> codeFiles) => new()
    {
        Outcome = outcome,
        Applied = applied,
        Uai = plan.Uai,
        SchoolYear = plan.SchoolYear,
        Summary = PlanReport.Summary(plan),
        Added = plan.Added.Select(a => ReportAccount.Of(a.Account, null)).ToArray(),
        Updated = plan.Updated.Select(c => ReportAccount.Of(c.After, string.Join(", ", c.Fields.Select(f => $"{f.Field} : {f.Before} → {f.After}")))).ToArray(),
        Suspended = plan.Suspended.Select(c => ReportAccount.Of(c.After, null)).ToArray(),
        Unchanged = plan.Unchanged,
        Writes = plan.WriteCount,
        Details = PlanReport.Describe(plan),
        Warnings = plan.Warnings.Select(w => w.ToString()).ToArray(),
        CodeFiles = codeFiles,
    };
}

/// <summary>One account in a report.</summary>
/// <param name="Id">Account id.</param>
/// <param name="Login">Login.</param>
/// <param name="DisplayName">Name.</param>
/// <param name="Profile">Profile (Eleve, Responsable…).</param>
/// <param name="Changes">For an update, what changes.</param>
public sealed record ReportAccount(string Id, string Login, string DisplayName, string Profile, string? Changes)
{
    internal static ReportAccount Of(AccountRecord a, string? changes) => new(a.Id, a.Login, a.DisplayName, a.Kind.ToString(), changes);
}
