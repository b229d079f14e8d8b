namespace Preau.Plugins.Directory.Model;

/// <summary>Levels from MEFs. A MEF is followed up its MEF_RATTACHEMENT to the MEF it is a variant
/// of; that MEF's FORMATION names the level: <c>6EME…</c> → <c>6E</c> "6e", <c>5EME</c>, <c>4EME</c>,
/// <c>3EME</c>, <c>2NDE…</c> → <c>2NDE</c> "2nde", <c>1ERE…</c> → <c>1ERE</c> "1re", <c>TLE…</c>/<c>TERM…</c>
/// → <c>TLE</c> "Terminale". Other formations (CAP…) are levels of their own, named by their label.</summary>
public static class LevelRules
{
    private static readonly (string[] Prefixes, string Code, string Name, int Order)[] Known =
    [
        (["6EME", "6E "], "6E", "6e", 1),
        (["5EME", "5E "], "5E", "5e", 2),
        (["4EME", "4E "], "4E", "4e", 3),
        (["3EME", "3E "], "3E", "3e", 4),
        (["2NDE", "2DE", "SECONDE"], "2NDE", "2nde", 5),
        (["1ERE", "1RE", "PREMIERE"], "1ERE", "1re", 6),
        (["TLE", "TERM"], "TLE", "Terminale", 7),
    ];

    /// <summary>The levels the classes use, by order, and the level of each class (null when its
    /// MEFs disagree or it has none). A class's MEFs are its MEFS_APPARTENANCE or, failing those,
    /// its pupils' CODE_MEF.</summary>
    public static (IReadOnlyList<ImportedLevel> Levels, IReadOnlyDictionary<string, string?> ClassLevels) Derive(
        IReadOnlyList<ImportedMef> mefs,
        IEnumerable<(string ClassCode, IReadOnlyList<string> MefCodes)> classes,
        IReadOnlyList<ImportedPupil> pupils)
    {
        ArgumentNullException.ThrowIfNull(mefs);
        ArgumentNullException.ThrowIfNull(classes);
        ArgumentNullException.ThrowIfNull(pupils);
        var byCode = mefs.ToDictionary(m => m.Code, StringComparer.Ordinal);
        var pupilMefs = pupils
            .Where(p => p.ClassCode is not null && p.MefCode is not null)
            .GroupBy(p => p.ClassCode!, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(p => p.MefCode!).Distinct(StringComparer.Ordinal).ToArray(), StringComparer.Ordinal);

        var levels = new Dictionary<string, (ImportedLevel Level, string SortKey)>(StringComparer.Ordinal);
        var classLevels = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var (classCode, declared) in classes)
        {
            var codes = declared.Count > 0 ? declared : pupilMefs.GetValueOrDefault(classCode, []);
            var found = codes
                .Select(c => byCode.TryGetValue(c, out var mef) ? Root(mef, byCode) : null)
                .OfType<ImportedMef>()
                .Select(root => (Level: LevelOf(root), Root: root))
                .ToList();
            foreach (var (level, root) in found)
            {
                if (!levels.TryGetValue(level.Code, out var known) || string.CompareOrdinal(root.Code, known.SortKey) < 0)
                {
                    levels[level.Code] = (level, root.Code);
                }
            }

            var distinct = found.Select(f => f.Level.Code).Distinct(StringComparer.Ordinal).ToList();
            classLevels[classCode] = distinct.Count == 1 ? distinct[0] : null;
        }

        // Formations outside the known table come after it, in MEF code order.
        var others = levels.Values.Where(l => l.Level.Order == 0).OrderBy(l => l.SortKey, StringComparer.Ordinal).ToList();
        for (var i = 0; i < others.Count; i++)
        {
            levels[others[i].Level.Code] = (others[i].Level with { Order = 10 + i }, others[i].SortKey);
        }

        return ([.. levels.Values.Select(l => l.Level).OrderBy(l => l.Order).ThenBy(l => l.Code, StringComparer.Ordinal)], classLevels);
    }

    /// <summary>The level of a group: that of its classes when they agree.</summary>
    public static string? GroupLevel(IReadOnlyList<string> classCodes, IReadOnlyDictionary<string, string?> classLevels)
    {
        ArgumentNullException.ThrowIfNull(classCodes);
        ArgumentNullException.ThrowIfNull(classLevels);
        var found = classCodes.Select(c => classLevels.GetValueOrDefault(c)).Distinct(StringComparer.Ordinal).ToList();
        return found.Count == 1 ? found[0] : null;
    }

    private static ImportedMef Root(ImportedMef mef, Dictionary<string, ImportedMef> byCode)
    {
        var current = mef;
        for (var depth = 0; depth < 8; depth++)
        {
            if (current.RattachementCode is not { } parent || parent == current.Code || !byCode.TryGetValue(parent, out var next))
            {
                break;
            }

            current = next;
        }

        return current;
    }

    private static ImportedLevel LevelOf(ImportedMef root)
    {
        var formation = root.Formation.ToUpperInvariant() + " ";
        if (!formation.Contains("CAP", StringComparison.Ordinal))
        {
            foreach (var (prefixes, code, name, order) in Known)
            {
                if (prefixes.Any(p => formation.StartsWith(p, StringComparison.Ordinal)))
                {
                    return new ImportedLevel(code, name, order);
                }
            }
        }

        var folded = Folding.Slug(root.Formation, '-').ToUpperInvariant();
        var code2 = folded.Length == 0 ? root.Code : folded[..Math.Min(folded.Length, 24)];
        return new ImportedLevel(code2, root.Label, 0);
    }
}
