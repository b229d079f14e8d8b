using Preau.Core.Accounts;
using Preau.Core.Graph;

namespace Preau.Core.Storage;

/// <summary>The establishment graph as stored.</summary>
public interface IDirectoryStore
{
    /// <summary>Loads the whole graph.</summary>
    GraphData Load();

    /// <summary>Whether the store holds no account yet (a fresh data folder).</summary>
    bool IsEmpty();

    /// <summary>Adds or replaces one account.</summary>
    void SaveAccount(Account account);

    /// <summary>Adds or replaces everything in <paramref name="data"/> in one transaction
    /// (structures, subjects, relations are merged by key; relations of the listed accounts replaced).</summary>
    void Import(GraphData data);

    /// <summary>As <see cref="Import(GraphData)"/>, after deleting the classes and groups named in
    /// <paramref name="removedStructures"/> (codes, case-insensitive) with every membership and
    /// teaching on them, and taking them out of the groups that draw on them: one transaction.</summary>
    void Import(GraphData data, IReadOnlyCollection<string> removedStructures);
}
