using System.Collections.Frozen;
using Preau.Plugins.Graph;
using Folding = Preau.Plugins.Directory.Model.Folding;

namespace Preau.Plugins.Directory.Plugin.Search;

/// <summary>The directory's search index, built once from one graph snapshot: people sorted by name
/// with a folded search key, and every relation the search, the cards and the visibility rules need,
/// as dictionaries from id or code to array positions. Immutable: shared by concurrent requests.</summary>
public sealed class DirectoryIndex
{
    private static readonly int[] None = [];

    private readonly FrozenDictionary<string, int> _byId;
    private readonly FrozenDictionary<string, StructureRecord> _structures;
    private readonly FrozenDictionary<string, int[]> _pupilsOf;
    private readonly FrozenDictionary<string, int[]> _teachersOfStructure;
    private readonly FrozenDictionary<string, int[]> _teachersOfSubject;
    private readonly FrozenDictionary<string, string[]> _structuresOfLevel;

    /// <summary>Builds the index of <paramref name="snapshot"/>.</summary>
    public DirectoryIndex(GraphSnapshot snapshot, long version = 0)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        Version = version;
        People = [.. snapshot.Accounts
            .OrderBy(a => Folding.Slug(a.LastName, ' '), StringComparer.Ordinal)
            .ThenBy(a => Folding.Slug(a.FirstName, ' '), StringComparer.Ordinal)
            .ThenBy(a => a.Login, StringComparer.Ordinal)];
        Keys = [.. People.Select(a => " " + Folding.Slug($"{a.LastName} {a.FirstName} {a.DisplayName} {a.Login}", ' ') + " ")];
        _byId = People.Select((a, i) => (a.Id, i)).ToFrozenDictionary(p => p.Id, p => p.i, StringComparer.Ordinal);
        Establishments = snapshot.Establishments.ToFrozenDictionary(e => e.Uai, e => e.Name, StringComparer.OrdinalIgnoreCase);
        Levels = snapshot.Levels.ToFrozenDictionary(l => l.Code, StringComparer.OrdinalIgnoreCase);
        Subjects = snapshot.Subjects.ToFrozenDictionary(s => s.Code, StringComparer.OrdinalIgnoreCase);
        _structures = snapshot.Structures.ToFrozenDictionary(s => s.Code, StringComparer.OrdinalIgnoreCase);

        StructuresOf = Group(snapshot.Memberships.Where(m => _byId.ContainsKey(m.PupilId)), m => _byId[m.PupilId], m => m.StructureCode);
        _pupilsOf = GroupBy(snapshot.Memberships.Where(m => _byId.ContainsKey(m.PupilId)), m => m.StructureCode, m => _byId[m.PupilId]);
        var links = snapshot.ParentLinks.Where(l => _byId.ContainsKey(l.ParentId) && _byId.ContainsKey(l.PupilId)).ToArray();
        ParentsOf = Group(links, l => _byId[l.PupilId], l => l);
        ChildrenOf = Group(links, l => _byId[l.ParentId], l => _byId[l.PupilId]);
        var teachings = snapshot.Teachings.Where(t => _byId.ContainsKey(t.TeacherId)).ToArray();
        TeachingsOf = Group(teachings, t => _byId[t.TeacherId], t => t);
        _teachersOfStructure = GroupBy(teachings, t => t.StructureCode, t => _byId[t.TeacherId]);
        _teachersOfSubject = GroupBy(teachings, t => t.SubjectCode, t => _byId[t.TeacherId]);
        _structuresOfLevel = snapshot.Structures
            .SelectMany(s => LevelsOfStructure(s).Select(level => (level, s.Code)))
            .GroupBy(p => p.level, StringComparer.OrdinalIgnoreCase)
            .ToFrozenDictionary(g => g.Key, g => g.Select(p => p.Code).Distinct(StringComparer.OrdinalIgnoreCase).ToArray(), StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>The graph version this index was built from.</summary>
    public long Version { get; }

    /// <summary>Every account, sorted by last name, first name, login.</summary>
    public IReadOnlyList<AccountRecord> People { get; }

    /// <summary>Per person (same position): the folded names and login, space-delimited.</summary>
    public IReadOnlyList<string> Keys { get; }

    /// <summary>Establishment names by UAI.</summary>
    public FrozenDictionary<string, string> Establishments { get; }

    /// <summary>Classes and groups.</summary>
    public IEnumerable<StructureRecord> Structures => _structures.Values;

    /// <summary>Levels by code.</summary>
    public FrozenDictionary<string, LevelRecord> Levels { get; }

    /// <summary>Subjects by code.</summary>
    public FrozenDictionary<string, SubjectRecord> Subjects { get; }

    /// <summary>A pupil's classes and groups, by person position.</summary>
    public FrozenDictionary<int, string[]> StructuresOf { get; }

    /// <summary>A pupil's parent links, by person position.</summary>
    public FrozenDictionary<int, ParentLinkRecord[]> ParentsOf { get; }

    /// <summary>A parent's children (positions), by person position.</summary>
    public FrozenDictionary<int, int[]> ChildrenOf { get; }

    /// <summary>A teacher's teaching services, by person position.</summary>
    public FrozenDictionary<int, TeachingRecord[]> TeachingsOf { get; }

    /// <summary>The position of the account with this id, or -1.</summary>
    public int IndexOf(string id) => _byId.GetValueOrDefault(id, -1);

    /// <summary>The class or group with this code (case-insensitive), or null.</summary>
    public StructureRecord? Structure(string code) => _structures.GetValueOrDefault(code);

    /// <summary>The pupils (positions) of a class or group.</summary>
    public int[] PupilsOf(string structureCode) => _pupilsOf.GetValueOrDefault(structureCode, None);

    /// <summary>The teachers (positions) teaching in a class or group.</summary>
    public int[] TeachersOfStructure(string structureCode) => _teachersOfStructure.GetValueOrDefault(structureCode, None);

    /// <summary>The teachers (positions) teaching a subject.</summary>
    public int[] TeachersOfSubject(string subjectCode) => _teachersOfSubject.GetValueOrDefault(subjectCode, None);

    /// <summary>The classes and groups of a level (a group's level is its own, else its classes').</summary>
    public IReadOnlyList<string> StructuresOfLevel(string levelCode) => _structuresOfLevel.GetValueOrDefault(levelCode, []);

    /// <summary>The levels of a class or group (a group without its own: the levels of its classes).</summary>
    public IEnumerable<string> LevelsOfStructure(StructureRecord structure)
    {
        ArgumentNullException.ThrowIfNull(structure);
        if (structure.LevelCode is { } level)
        {
            return [level];
        }

        return structure.ClassCodes.Select(c => _structures.GetValueOrDefault(c)?.LevelCode).OfType<string>().Distinct(StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>The subjects a search names: the one with this code, else the one with this exact name,
    /// else every subject whose name holds each word typed (case and accents ignored), so that
    /// « anglais » finds ANGLAIS LV1 and ANGLAIS LV2 while « ANGLAIS LV1 » finds only the first.</summary>
    public IReadOnlyList<SubjectRecord> FindSubjects(string codeOrName)
    {
        ArgumentNullException.ThrowIfNull(codeOrName);
        if (Subjects.TryGetValue(codeOrName.Trim(), out var subject))
        {
            return [subject];
        }

        var folded = Folding.Slug(codeOrName, ' ');
        if (folded.Length == 0)
        {
            return [];
        }

        var named = Subjects.Values.Where(s => Folding.Slug(s.Name, ' ') == folded).ToArray();
        if (named.Length > 0)
        {
            return named;
        }

        var words = folded.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return [.. Subjects.Values.Where(s =>
        {
            var nameWords = Folding.Slug(s.Name, ' ').Split(' ');
            return words.All(word => nameWords.Any(w => w.StartsWith(word, StringComparison.Ordinal)));
        })];
    }

    private static FrozenDictionary<int, TValue[]> Group<T, TValue>(IEnumerable<T> items, Func<T, int> key, Func<T, TValue> value) =>
        items.GroupBy(key).ToFrozenDictionary(g => g.Key, g => g.Select(value).Distinct().ToArray());

    private static FrozenDictionary<string, int[]> GroupBy<T>(IEnumerable<T> items, Func<T, string> key, Func<T, int> value) =>
        items.GroupBy(key, StringComparer.OrdinalIgnoreCase).ToFrozenDictionary(g => g.Key, g => g.Select(value).Distinct().Order().ToArray(), StringComparer.OrdinalIgnoreCase);
}
