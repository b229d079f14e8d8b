namespace Preau.Plugins.Directory.Planning;

/// <summary>An item whose content changes.</summary>
/// <param name="Before">As it is.</param>
/// <param name="After">As the import makes it.</param>
public sealed record Change<T>(T Before, T After);

/// <summary>Changes to a catalogue (levels, subjects, classes and groups): keyed items added,
/// changed or removed.</summary>
/// <param name="Added">New items.</param>
/// <param name="Updated">Items whose content changes.</param>
/// <param name="Removed">Items that go.</param>
public sealed record CatalogChanges<T>(IReadOnlyList<T> Added, IReadOnlyList<Change<T>> Updated, IReadOnlyList<T> Removed)
{
    /// <summary>No change.</summary>
    public static CatalogChanges<T> None { get; } = new([], [], []);

    /// <summary>Items written when the plan is applied.</summary>
    public int Count => Added.Count + Updated.Count + Removed.Count;
}

/// <summary>Changes to a relation (memberships, parent links, teachings): pairs added or removed.</summary>
/// <param name="Added">New pairs.</param>
/// <param name="Removed">Pairs that go.</param>
public sealed record RelationChanges<T>(IReadOnlyList<T> Added, IReadOnlyList<T> Removed)
{
    /// <summary>No change.</summary>
    public static RelationChanges<T> None { get; } = new([], []);

    /// <summary>Items written when the plan is applied.</summary>
    public int Count => Added.Count + Removed.Count;
}
