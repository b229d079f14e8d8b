using Preau.Core.Accounts;

namespace Preau.Core.Graph;

/// <summary>Everything the establishment graph is made of, as the store holds it.</summary>
/// <remarks>Plain lists: <see cref="EstablishmentGraph"/> builds the indexes the policy needs.</remarks>
public sealed record GraphData
{
    /// <summary>Establishments served.</summary>
    public IReadOnlyList<Establishment> Establishments { get; init; } = [];

    /// <summary>All accounts, whatever their state.</summary>
    public IReadOnlyList<Account> Accounts { get; init; } = [];

    /// <summary>Levels.</summary>
    public IReadOnlyList<Level> Levels { get; init; } = [];

    /// <summary>Classes and groups.</summary>
    public IReadOnlyList<Structure> Structures { get; init; } = [];

    /// <summary>Subjects.</summary>
    public IReadOnlyList<Subject> Subjects { get; init; } = [];

    /// <summary>Rubriques.</summary>
    public IReadOnlyList<Rubrique> Rubriques { get; init; } = [];

    /// <summary>Pupils in classes and groups.</summary>
    public IReadOnlyList<StructureMembership> Memberships { get; init; } = [];

    /// <summary>Parents of pupils.</summary>
    public IReadOnlyList<ParentLink> ParentLinks { get; init; } = [];

    /// <summary>Teaching services.</summary>
    public IReadOnlyList<Teaching> Teachings { get; init; } = [];

    /// <summary>Rubrique members.</summary>
    public IReadOnlyList<RubriqueMembership> RubriqueMembers { get; init; } = [];
}
