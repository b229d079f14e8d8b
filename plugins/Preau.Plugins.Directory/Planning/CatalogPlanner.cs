using Preau.Plugins.Directory.Model;

namespace Preau.Plugins.Directory.Planning;

/// <summary>Levels, subjects, classes and groups: added, renamed, removed. Levels and subjects are
/// never removed (old services and history name them). Classes are SIECLE's; groups are SIECLE's
/// only under <see cref="GroupFeeding.Siecle"/>, otherwise they are left exactly as they are. A
/// class or group the files lack is removed, unless an account outside the import's feeds is in it
/// or teaches it (then it is kept, emptied of the feed's people, with a warning).</summary>
internal sealed class CatalogPlanner(ImportSnapshot snapshot, DirectoryState state, PlanOptions options, List<ImportWarning> warnings)
{
    private readonly Dictionary<string, StructureType> _finalTypes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, StructureType> _currentTypes = new(StringComparer.Ordinal);

    public CatalogChanges<LevelRecord> Levels { get; private set; } = CatalogChanges<LevelRecord>.None;

    public CatalogChanges<SubjectRecord> Subjects { get; private set; } = CatalogChanges<SubjectRecord>.None;

    public CatalogChanges<StructureRecord> Structures { get; private set; } = CatalogChanges<StructureRecord>.None;

    /// <summary>Codes of the structures the plan removes.</summary>
    public HashSet<string> RemovedCodes { get; } = new(StringComparer.Ordinal);

    private bool Siecle => (snapshot.Scope & ImportScope.Siecle) != 0;

    /// <summary>Whether the import may change structures of this type (and pupils' membership of them).</summary>
    public bool Owns(StructureType type) => type == StructureType.Class || options.GroupFeeding == GroupFeeding.Siecle;

    /// <summary>The type of a structure once the plan is applied, or null when there will be none.</summary>
    public StructureType? FinalType(string code) => _finalTypes.TryGetValue(code, out var t) ? t : null;

    /// <summary>The type of a structure now, or once the plan is applied.</summary>
    public StructureType? AnyType(string code) =>
        _currentTypes.TryGetValue(code, out var t) ? t : FinalType(code);

    public void Plan()
    {
        foreach (var s in state.Structures)
        {
            _currentTypes.TryAdd(s.Code, s.Type);
            _finalTypes.TryAdd(s.Code, s.Type);
        }

        Subjects = Diff(
            state.Subjects, snapshot.Subjects.Select(s => new SubjectRecord(s.Code, s.Name)), s => s.Code, (a, b) => a == b, remove: false);
        if (!Siecle)
        {
            return;
        }

        Levels = Diff(
            state.Levels, snapshot.Levels.Select(l => new LevelRecord(l.Code, l.Name, l.Order)), l => l.Code, (a, b) => a == b, remove: false);
        PlanStructures();
    }

    private void PlanStructures()
    {
        var existing = new Dictionary<string, StructureRecord>(StringComparer.Ordinal);
        foreach (var s in state.Structures)
        {
            existing.TryAdd(s.Code, s);
        }

        var added = new List<StructureRecord>();
        var updated = new List<Change<StructureRecord>>();
        var wanted = new HashSet<string>(StringComparer.Ordinal);
        foreach (var imported in snapshot.Structures.Where(s => Owns(s.Type)))
        {
            var record = new StructureRecord(imported.Code, imported.Name, imported.Type, imported.LevelCode, imported.ClassCodes);
            if (!existing.TryGetValue(record.Code, out var current))
            {
                added.Add(record);
                wanted.Add(record.Code);
                _finalTypes[record.Code] = record.Type;
                continue;
            }

            if (!Owns(current.Type))
            {
                warnings.Add(new ImportWarning("", "", $"le code {record.Code} est celui d'un groupe géré par EDT : la division de SIECLE n'est pas importée"));
                continue;
            }

            wanted.Add(record.Code);
            _finalTypes[record.Code] = record.Type;
            if (!current.SameAs(record))
            {
                updated.Add(new Change<StructureRecord>(current, record));
            }
        }

        var gone = state.Structures.Where(s => Owns(s.Type) && !wanted.Contains(s.Code)).ToList();
        var shared = SharedStructures(gone);
        var removed = gone.Where(s => !shared.Contains(s.Code)).ToList();
        foreach (var s in removed)
        {
            RemovedCodes.Add(s.Code);
            _finalTypes.Remove(s.Code);
        }

        if (shared.Count > 0)
        {
            var codes = string.Join(", ", shared.Order(StringComparer.Ordinal).Take(20)) + (shared.Count > 20 ? ", …" : "");
            warnings.Add(new ImportWarning("", "", $"{shared.Count} classe(s) ou groupe(s) absents des fichiers sont conservés (vidés des élèves et services de l'import) car des comptes hors de cet import y sont rattachés : {codes}"));
        }

        Structures = new CatalogChanges<StructureRecord>(added, updated, removed);
    }

    /// <summary>Of the structures the files lack, those an account outside the import's feeds is in
    /// or teaches (an account without an external id, of another establishment, or an
    /// administrator): they are not the feed's alone, so they are kept rather than removed.</summary>
    private HashSet<string> SharedStructures(List<StructureRecord> gone)
    {
        var shared = new HashSet<string>(StringComparer.Ordinal);
        if (gone.Count == 0)
        {
            return shared;
        }

        var codes = gone.Select(s => s.Code).ToHashSet(StringComparer.Ordinal);
        var outside = state.Accounts
            .Where(a => a.ExternalId is null
                || !string.Equals(a.Uai, snapshot.Uai, StringComparison.OrdinalIgnoreCase)
                || PeoplePlanner.GroupOf(a.Kind) is null)
            .Select(a => a.Id)
            .ToHashSet(StringComparer.Ordinal);
        shared.UnionWith(state.Memberships.Where(m => codes.Contains(m.StructureCode) && outside.Contains(m.AccountId)).Select(m => m.StructureCode));
        shared.UnionWith(state.Teachings.Where(t => codes.Contains(t.StructureCode) && outside.Contains(t.TeacherId)).Select(t => t.StructureCode));
        return shared;
    }

    private static CatalogChanges<T> Diff<T>(
        IReadOnlyList<T> current, IEnumerable<T> desired, Func<T, string> key, Func<T, T, bool> same, bool remove)
    {
        var existing = new Dictionary<string, T>(StringComparer.Ordinal);
        foreach (var item in current)
        {
            existing.TryAdd(key(item), item);
        }

        var added = new List<T>();
        var updated = new List<Change<T>>();
        var wanted = new HashSet<string>(StringComparer.Ordinal);
        foreach (var item in desired)
        {
            wanted.Add(key(item));
            if (!existing.TryGetValue(key(item), out var before))
            {
                added.Add(item);
            }
            else if (!same(before, item))
            {
                updated.Add(new Change<T>(before, item));
            }
        }

        var removed = remove ? current.Where(c => !wanted.Contains(key(c))).ToList() : [];
        return new CatalogChanges<T>(added, updated, removed);
    }
}
