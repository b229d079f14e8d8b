namespace Preau.Plugins.Directory.Planning;

/// <summary>The directory as it stands before an import: what the lead reads from Core's
/// <c>GraphData</c>. The planner only reads it.</summary>
public sealed record DirectoryState
{
    /// <summary>The establishment the import is for; files of another UAJ are refused. Null: the
    /// files' UAJ is taken (first import).</summary>
    public string? Uai { get; init; }

    /// <summary>Every account on the server, all establishments and states: their logins are taken.
    /// Only accounts of the files' UAJ with an external id of the imported feeds are matched.</summary>
    public IReadOnlyList<AccountRecord> Accounts { get; init; } = [];

    /// <summary>Levels.</summary>
    public IReadOnlyList<LevelRecord> Levels { get; init; } = [];

    /// <summary>Classes and groups.</summary>
    public IReadOnlyList<StructureRecord> Structures { get; init; } = [];

    /// <summary>Subjects.</summary>
    public IReadOnlyList<SubjectRecord> Subjects { get; init; } = [];

    /// <summary>Pupils in classes and groups.</summary>
    public IReadOnlyList<MembershipRecord> Memberships { get; init; } = [];

    /// <summary>Responsables of pupils.</summary>
    public IReadOnlyList<ParentLinkRecord> ParentLinks { get; init; } = [];

    /// <summary>Teaching services and professeurs principaux.</summary>
    public IReadOnlyList<TeachingRecord> Teachings { get; init; } = [];

    /// <summary>An empty directory.</summary>
    public static DirectoryState Empty { get; } = new();
}
