using Preau.Plugins.Directory.Codes;
using Preau.Plugins.Directory.Model;

namespace Preau.Plugins.Directory.Planning;

/// <summary>What an import would change, and nothing else: computing it changes nothing (a dry run
/// shows it; applying it is one transaction). An import of unchanged files gives an empty plan.</summary>
public sealed record ImportPlan
{
    /// <summary>The establishment.</summary>
    public required string Uai { get; init; }

    /// <summary>The school year of the files.</summary>
    public required string SchoolYear { get; init; }

    /// <summary>Which feeds the import carried.</summary>
    public required ImportScope Scope { get; init; }

    /// <summary>The group-feeding option the plan obeyed.</summary>
    public required GroupFeeding GroupFeeding { get; init; }

    /// <summary>New accounts, not activated, each with its activation code.</summary>
    public IReadOnlyList<NewAccount> Added { get; init; } = [];

    /// <summary>Existing accounts whose name, profile, function, id or state changes (returning
    /// accounts included).</summary>
    public IReadOnlyList<AccountChange> Updated { get; init; } = [];

    /// <summary>Accounts gone from the feed: state Left, mail kept.</summary>
    public IReadOnlyList<AccountChange> Suspended { get; init; } = [];

    /// <summary>People of the files whose account does not change.</summary>
    public int Unchanged { get; init; }

    /// <summary>Levels added or renamed (levels are never removed by an import).</summary>
    public CatalogChanges<LevelRecord> Levels { get; init; } = CatalogChanges<LevelRecord>.None;

    /// <summary>Subjects added or renamed (never removed).</summary>
    public CatalogChanges<SubjectRecord> Subjects { get; init; } = CatalogChanges<SubjectRecord>.None;

    /// <summary>Classes and groups added, changed or removed.</summary>
    public CatalogChanges<StructureRecord> Structures { get; init; } = CatalogChanges<StructureRecord>.None;

    /// <summary>Pupils entering or leaving classes and groups.</summary>
    public RelationChanges<MembershipRecord> Memberships { get; init; } = RelationChanges<MembershipRecord>.None;

    /// <summary>Responsable–pupil links made or undone (a change of legal level is one of each).</summary>
    public RelationChanges<ParentLinkRecord> ParentLinks { get; init; } = RelationChanges<ParentLinkRecord>.None;

    /// <summary>Teaching services and professeurs principaux made or undone.</summary>
    public RelationChanges<TeachingRecord> Teachings { get; init; } = RelationChanges<TeachingRecord>.None;

    /// <summary>What the administrator should know (files' warnings and the plan's).</summary>
    public IReadOnlyList<ImportWarning> Warnings { get; init; } = [];

    /// <summary>Whether so many accounts would leave that the administrator must confirm
    /// (see <see cref="PlanOptions.DepartureAlertShare"/>).</summary>
    public bool RequiresConfirmation { get; init; }

    /// <summary>The activation codes of the new accounts, by class.</summary>
    public ActivationSheet ActivationCodes { get; init; } = ActivationSheet.Empty;

    /// <summary>Records written when the plan is applied.</summary>
    public int WriteCount =>
        Added.Count + Updated.Count + Suspended.Count + Levels.Count + Subjects.Count + Structures.Count
        + Memberships.Count + ParentLinks.Count + Teachings.Count;

    /// <summary>Whether the import changes nothing.</summary>
    public bool IsEmpty => WriteCount == 0;
}
