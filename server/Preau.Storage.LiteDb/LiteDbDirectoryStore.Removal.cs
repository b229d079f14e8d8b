namespace Preau.Storage.LiteDb;

// IDirectoryStore: deleting classes and groups, inside the import's transaction.
public sealed partial class LiteDbStore
{
    /// <summary>Deletes the structures named (case-insensitive), the memberships and teachings on
    /// them, and their codes from the groups that draw on them. The caller holds the transaction.</summary>
    private void RemoveStructures(IReadOnlyCollection<string> codes)
    {
        if (codes.Count == 0)
        {
            return;
        }

        var removed = codes.ToHashSet(StringComparer.OrdinalIgnoreCase);
        var structures = _structures.FindAll().ToList();
        foreach (var doc in structures.Where(s => removed.Contains(s.Id)))
        {
            _ = _structures.Delete(doc.Id);
        }

        // A group drawing on a deleted class keeps its other classes.
        var drawing = structures
            .Where(s => !removed.Contains(s.Id) && s.ClassCodes.Any(removed.Contains))
            .Select(s =>
            {
                s.ClassCodes = [.. s.ClassCodes.Where(c => !removed.Contains(c))];
                return s;
            })
            .ToList();
        _ = _structures.Update(drawing);

        // Relation tables hold a few thousand rows: one scan, as ReplaceRelations does.
        foreach (var id in _memberships.FindAll().Where(m => removed.Contains(m.StructureCode)).Select(m => m.Id).ToList())
        {
            _ = _memberships.Delete(id);
        }

        foreach (var id in _teachings.FindAll().Where(t => removed.Contains(t.StructureCode)).Select(t => t.Id).ToList())
        {
            _ = _teachings.Delete(id);
        }
    }
}
