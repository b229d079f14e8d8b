using Preau.Core.Graph;

namespace Preau.Demo;

/// <summary>The fixed frame of the demo collège: establishment, levels, classes, groups, subjects.</summary>
internal static class DemoCatalog
{
    public const string Anglais = "030201";
    public const string Allemand = "030102";
    public const string Espagnol = "030602";
    public const string Maths = "061300";
    public const string Francais = "020100";
    public const string HistoireGeo = "040300";
    public const string PhysiqueChimie = "062100";
    public const string Svt = "063000";
    public const string Technologie = "070100";
    public const string ArtsPlastiques = "080100";
    public const string Musique = "084300";
    public const string Eps = "100100";
    public const string Latin = "026000";

    public static Establishment Establishment { get; } = new(DemoSchool.Uai, "Collège Jean Moulin (démo)");

    /// <summary>Levels, 6e first (Order 1) to 3e (Order 4).</summary>
    public static IReadOnlyList<Level> Levels { get; } =
    [
        new("6E", "6e", 1),
        new("5E", "5e", 2),
        new("4E", "4e", 3),
        new("3E", "3e", 4),
    ];

    /// <summary>The six divisions of each level.</summary>
    public static IReadOnlyList<string> Letters { get; } = ["A", "B", "C", "D", "E", "F"];

    /// <summary>Subjects in SIECLE nomenclature style (synthetic codes).</summary>
    public static IReadOnlyList<Subject> Subjects { get; } =
    [
        new(Francais, "FRANCAIS"),
        new(Maths, "MATHEMATIQUES"),
        new(Anglais, "ANGLAIS LV1"),
        new(Allemand, "ALLEMAND LV2"),
        new(Espagnol, "ESPAGNOL LV2"),
        new(HistoireGeo, "HISTOIRE-GEOGRAPHIE"),
        new(PhysiqueChimie, "PHYSIQUE-CHIMIE"),
        new(Svt, "SCIENCES VIE & TERRE"),
        new(Technologie, "TECHNOLOGIE"),
        new(ArtsPlastiques, "ARTS PLASTIQUES"),
        new(Musique, "EDUCATION MUSICALE"),
        new(Eps, "ED.PHYSIQUE & SPORT."),
        new(Latin, "LATIN"),
    ];

    /// <summary>Subjects every class has, with how many generated teachers share them
    /// (the personas prof.anglais and prof.maths come on top of these).</summary>
    public static IReadOnlyList<(string Subject, int Teachers)> ClassSubjects { get; } =
    [
        (Francais, 5),
        (Maths, 4),
        (Anglais, 4),
        (HistoireGeo, 4),
        (Svt, 4),
        (PhysiqueChimie, 4),
        (Technologie, 4),
        (ArtsPlastiques, 4),
        (Musique, 4),
        (Eps, 4),
    ];

    /// <summary>Subjects taught only in groups, with their generated teachers.</summary>
    public static IReadOnlyList<(string Subject, int Teachers)> GroupSubjects { get; } =
    [
        (Espagnol, 3),
        (Allemand, 1),
    ];

    /// <summary>Levels from which pupils take a second language and may take Latin.</summary>
    public static IReadOnlyList<string> GroupDigits { get; } = ["5", "4", "3"];

    /// <summary>The 24 classes, 6A to 3F.</summary>
    public static IReadOnlyList<Structure> Classes { get; } =
        [.. Levels.SelectMany(l => Letters.Select(letter => new Structure(
            ClassCode(l, letter), $"{l.Name} {letter}", StructureKind.Class, l.Code, [])))];

    /// <summary>Class codes in order.</summary>
    public static IReadOnlyList<string> ClassCodes { get; } = [.. Classes.Select(c => c.Code)];

    /// <summary>Language and Latin groups of 5e, 4e and 3e.</summary>
    public static IReadOnlyList<Structure> Groups { get; } = [.. GroupDigits.SelectMany(LevelGroups)];

    /// <summary>Number of Spanish groups per level, each drawing on two classes.</summary>
    public const int SpanishGroupsPerLevel = 3;

    /// <summary>Spanish group of a level ("5-ESP-1" draws on 5A–5B, "5-ESP-2" on 5C–5D, "5-ESP-3" on 5E–5F).</summary>
    public static string SpanishGroup(string digit, int number) => $"{digit}-ESP-{number}";

    /// <summary>The Spanish group that the pupils of the class with this letter index go to.</summary>
    public static int SpanishGroupOf(int letterIndex) => (letterIndex / 2) + 1;

    /// <summary>German group of a level, across all its classes.</summary>
    public static string GermanGroup(string digit) => $"{digit}-ALL2";

    /// <summary>Latin group of a level, across all its classes.</summary>
    public static string LatinGroup(string digit) => $"LATIN-{digit}";

    private static string ClassCode(Level level, string letter) => level.Code[..1] + letter;

    private static IEnumerable<Structure> LevelGroups(string digit)
    {
        var level = Levels.Single(l => l.Code[..1] == digit);
        var all = Letters.Select(l => digit + l).ToArray();
        for (var n = 1; n <= SpanishGroupsPerLevel; n++)
        {
            var classes = all.Where((_, i) => SpanishGroupOf(i) == n).ToArray();
            yield return new Structure(SpanishGroup(digit, n), $"Espagnol LV2 {level.Name} groupe {n}", StructureKind.Group, level.Code, classes);
        }

        yield return new Structure(GermanGroup(digit), $"Allemand LV2 {level.Name}", StructureKind.Group, level.Code, all);
        yield return new Structure(LatinGroup(digit), $"Latin {level.Name}", StructureKind.Group, level.Code, all);
    }
}
