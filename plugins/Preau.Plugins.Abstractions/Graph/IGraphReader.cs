namespace Preau.Plugins.Graph;

/// <summary>Reads the establishment graph. Every call reads the current snapshot: cheap, lock-free,
/// and consistent within one call.</summary>
public interface IGraphReader
{
    /// <summary>The school's mail domain.</summary>
    string Domain { get; }

    /// <summary>The address of an account (<c>login@domain</c>).</summary>
    string AddressOf(AccountRecord account);

    /// <summary>The account with this id, login or local address, if any.</summary>
    AccountRecord? FindAccount(string idOrLoginOrAddress);

    /// <summary>Accounts matching a query, ordered by display name.</summary>
    IReadOnlyList<AccountRecord> Search(AccountQuery query);

    /// <summary>Establishments.</summary>
    IReadOnlyList<EstablishmentRecord> Establishments { get; }

    /// <summary>Levels, youngest first.</summary>
    IReadOnlyList<LevelRecord> Levels { get; }

    /// <summary>Classes and groups.</summary>
    IReadOnlyList<StructureRecord> Structures { get; }

    /// <summary>Subjects.</summary>
    IReadOnlyList<SubjectRecord> Subjects { get; }

    /// <summary>Rubriques.</summary>
    IReadOnlyList<RubriqueRecord> Rubriques { get; }

    /// <summary>The class or group with this code (case-insensitive).</summary>
    StructureRecord? FindStructure(string code);

    /// <summary>The classes and groups a pupil is in.</summary>
    IReadOnlyList<StructureRecord> StructuresOf(string pupilId);

    /// <summary>The pupils of a class or group.</summary>
    IReadOnlyList<AccountRecord> PupilsOf(string structureCode);

    /// <summary>The teachers of a class or group.</summary>
    IReadOnlyList<AccountRecord> TeachersOf(string structureCode);

    /// <summary>What a teacher teaches (subject, class or group).</summary>
    IReadOnlyList<TeachingRecord> TeachingsOf(string teacherId);

    /// <summary>The teaching services of a class or group.</summary>
    IReadOnlyList<TeachingRecord> TeachingsIn(string structureCode);

    /// <summary>A pupil's responsables.</summary>
    IReadOnlyList<AccountRecord> ParentsOf(string pupilId);

    /// <summary>The links of a pupil to its responsables (with the legal level).</summary>
    IReadOnlyList<ParentLinkRecord> ParentLinksOf(string pupilId);

    /// <summary>A responsable's children.</summary>
    IReadOnlyList<AccountRecord> ChildrenOf(string parentId);

    /// <summary>The members of a rubrique.</summary>
    IReadOnlyList<AccountRecord> MembersOf(string rubriqueId);

    /// <summary>The rubriques an account is a member of.</summary>
    IReadOnlyList<RubriqueRecord> RubriquesOf(string accountId);

    /// <summary>The whole graph, consistent (one snapshot): what a directory feed compares its
    /// source with. Contract 1.1.</summary>
    GraphSnapshot Export();
}

/// <summary>A directory search; every criterion given must match.</summary>
public sealed record AccountQuery
{
    /// <summary>Words that must each appear in the login, first name, last name or display name
    /// (case and accents ignored).</summary>
    public string? Text { get; init; }

    /// <summary>Only this profile.</summary>
    public AccountProfile? Profile { get; init; }

    /// <summary>Only this function.</summary>
    public AccountFunction? Function { get; init; }

    /// <summary>Only this state.</summary>
    public AccountStatus? Status { get; init; }

    /// <summary>Only pupils and teachers of this class or group.</summary>
    public string? StructureCode { get; init; }

    /// <summary>At most this many results.</summary>
    public int Limit { get; init; } = 100;
}
