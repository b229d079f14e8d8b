namespace Preau.Plugins.Graph;

/// <summary>Changes to the establishment graph, written all or nothing by <see cref="IGraphWriter.Apply"/>.</summary>
/// <remarks>
/// Everything listed is added or replaced, by key (account id, UAI, level code, structure code,
/// subject code, rubrique id). The relations of every account listed in <see cref="Accounts"/> are
/// replaced by those of the batch: a pupil listed without memberships leaves its classes. Relations
/// of accounts not listed are only added to. Accounts are never deleted: an account that leaves the
/// feed is written with <see cref="AccountStatus.Left"/>. Classes and groups are deleted only when
/// named in <see cref="RemovedStructures"/> (contract 1.3).
/// </remarks>
public sealed partial record GraphBatch
{
    /// <summary>What the batch comes from, for the audit log ("import SIECLE 2025-09-01").</summary>
    public string Source { get; init; } = "";

    /// <summary>Establishments.</summary>
    public IReadOnlyList<EstablishmentRecord> Establishments { get; init; } = [];

    /// <summary>Accounts.</summary>
    public IReadOnlyList<AccountRecord> Accounts { get; init; } = [];

    /// <summary>Levels.</summary>
    public IReadOnlyList<LevelRecord> Levels { get; init; } = [];

    /// <summary>Classes and groups.</summary>
    public IReadOnlyList<StructureRecord> Structures { get; init; } = [];

    /// <summary>Subjects.</summary>
    public IReadOnlyList<SubjectRecord> Subjects { get; init; } = [];

    /// <summary>Rubriques.</summary>
    public IReadOnlyList<RubriqueRecord> Rubriques { get; init; } = [];

    /// <summary>Pupils in classes and groups.</summary>
    public IReadOnlyList<MembershipRecord> Memberships { get; init; } = [];

    /// <summary>Parents of pupils.</summary>
    public IReadOnlyList<ParentLinkRecord> ParentLinks { get; init; } = [];

    /// <summary>Teaching services.</summary>
    public IReadOnlyList<TeachingRecord> Teachings { get; init; } = [];

    /// <summary>Rubrique members.</summary>
    public IReadOnlyList<RubriqueMemberRecord> RubriqueMembers { get; init; } = [];
}

/// <summary>What a batch wrote.</summary>
/// <param name="AccountsAdded">Accounts that did not exist.</param>
/// <param name="AccountsUpdated">Accounts replaced.</param>
/// <param name="Structures">Classes and groups written.</param>
/// <param name="Relations">Relation rows written.</param>
public sealed record GraphBatchResult(int AccountsAdded, int AccountsUpdated, int Structures, int Relations);

/// <summary>A batch was refused as a whole; nothing was written.</summary>
public sealed class GraphBatchException : Exception
{
    /// <summary>Creates the exception for a list of problems.</summary>
    public GraphBatchException(IReadOnlyList<string> errors)
        : base(Describe(errors))
    {
        Errors = errors;
    }

    /// <summary>Creates the exception.</summary>
    public GraphBatchException()
        : this([])
    {
    }

    /// <summary>Creates the exception with one problem.</summary>
    public GraphBatchException(string message)
        : this([message])
    {
    }

    /// <summary>Creates the exception with one problem and its cause.</summary>
    public GraphBatchException(string message, Exception innerException)
        : base(message, innerException)
    {
        Errors = [message];
    }

    /// <summary>Every problem found (the batch is checked whole before anything is written).</summary>
    public IReadOnlyList<string> Errors { get; } = [];

    private static string Describe(IReadOnlyList<string> errors) => errors is null || errors.Count == 0
        ? "the batch was refused"
        : $"the batch was refused ({errors.Count} problem(s)): {string.Join("; ", errors.Take(10))}{(errors.Count > 10 ? "; …" : "")}";
}
