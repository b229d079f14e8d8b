namespace Preau.Plugins.Graph;

/// <summary>The whole establishment graph at one instant, for a feed that compares it with its own
/// source (a directory import). Secrets are not part of it.</summary>
public sealed class GraphSnapshot
{
    /// <summary>Every account, all establishments and states.</summary>
    public IReadOnlyList<AccountRecord> Accounts { get; init; } = [];

    /// <summary>Establishments.</summary>
    public IReadOnlyList<EstablishmentRecord> Establishments { get; init; } = [];

    /// <summary>Levels.</summary>
    public IReadOnlyList<LevelRecord> Levels { get; init; } = [];

    /// <summary>Classes and groups.</summary>
    public IReadOnlyList<StructureRecord> Structures { get; init; } = [];

    /// <summary>Subjects.</summary>
    public IReadOnlyList<SubjectRecord> Subjects { get; init; } = [];

    /// <summary>Pupils in classes and groups.</summary>
    public IReadOnlyList<MembershipRecord> Memberships { get; init; } = [];

    /// <summary>Parents of pupils.</summary>
    public IReadOnlyList<ParentLinkRecord> ParentLinks { get; init; } = [];

    /// <summary>Teaching services.</summary>
    public IReadOnlyList<TeachingRecord> Teachings { get; init; } = [];
}
