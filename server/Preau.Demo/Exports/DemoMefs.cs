namespace Preau.Demo.Exports;

/// <summary>The MEF (module élémentaire de formation) of each collège level, with the codes and
/// FORMATION labels SIECLE's nomenclature uses: the importer derives the levels from FORMATION
/// (<c>6EME</c> → level <c>6E</c> « 6e »).</summary>
internal static class DemoMefs
{
    private static readonly Dictionary<string, (string Code, string Formation, string Label)> ByLevel = new(StringComparer.Ordinal)
    {
        ["6E"] = ("10010012110", "6EME", "6EME"),
        ["5E"] = ("10110001110", "5EME", "5EME"),
        ["4E"] = ("10210001110", "4EME", "4EME"),
        ["3E"] = ("10310019110", "3EME", "3EME"),
    };

    /// <summary>The MEF of a level code; throws for a level the collège does not have.</summary>
    public static (string Code, string Formation, string Label) Of(string levelCode) =>
        ByLevel.TryGetValue(levelCode, out var mef)
            ? mef
            : throw new InvalidOperationException($"no MEF for level '{levelCode}'");
}
