using Preau.Plugins.Directory.Model;

namespace Preau.Plugins.Directory.Fixtures;

/// <summary>The frame of a synthetic school: subjects, MEFs and, per level, its classes' subjects and
/// its groups. Codes follow the shape of the national nomenclatures; they are not real ones.</summary>
internal static class SchoolCatalog
{
    public const string Francais = "020100";
    public const string Maths = "061300";
    public const string Anglais = "030201";
    public const string Allemand = "030102";
    public const string Espagnol = "030602";
    public const string HistoireGeo = "040300";
    public const string Svt = "063000";
    public const string PhysiqueChimie = "062100";
    public const string Technologie = "070100";
    public const string ArtsPlastiques = "080100";
    public const string Musique = "084300";
    public const string Eps = "100100";
    public const string Latin = "026000";
    public const string Atelier = "990001";
    public const string Ses = "052000";
    public const string Snt = "071100";
    public const string Philosophie = "013000";
    public const string EnsScientifique = "061900";
    public const string Hggsp = "042200";
    public const string Hlp = "013500";
    public const string Llcer = "030250";

    public static IReadOnlyList<ImportedSubject> Subjects { get; } =
    [
        new(Francais, "FRANÇAIS", "FRANC", "FRANÇAIS"),
        new(Maths, "MATHEMATIQUES", "MATHS", "MATHÉMATIQUES"),
        new(Anglais, "ANGLAIS LV1", "AGL1", "ANGLAIS LANGUE VIVANTE 1"),
        new(Allemand, "ALLEMAND LV2", "ALL2", "ALLEMAND LANGUE VIVANTE 2"),
        new(Espagnol, "ESPAGNOL LV2", "ESP2", "ESPAGNOL LANGUE VIVANTE 2"),
        new(HistoireGeo, "HISTOIRE-GÉOGRAPHIE", "HIGEO", "HISTOIRE ET GÉOGRAPHIE"),
        new(Svt, "SCIENCES VIE & TERRE", "SVT", "SCIENCES DE LA VIE ET DE LA TERRE"),
        new(PhysiqueChimie, "PHYSIQUE-CHIMIE", "PHCHI", "PHYSIQUE-CHIMIE"),
        new(Technologie, "TECHNOLOGIE", "TECHN", "TECHNOLOGIE"),
        new(ArtsPlastiques, "ARTS PLASTIQUES", "A-PLA", "ARTS PLASTIQUES"),
        new(Musique, "ÉDUCATION MUSICALE", "EDMUS", "ÉDUCATION MUSICALE"),
        new(Eps, "ED.PHYSIQUE & SPORT.", "EPS", "ÉDUCATION PHYSIQUE ET SPORTIVE"),
        new(Latin, "LATIN", "LCALA", "LANGUES ET CULTURES DE L'ANTIQUITÉ : LATIN"),
        new(Atelier, "ATELIER ÉCO À L'ŒIL €", "ATECO", "ATELIER D'ÉCONOMIE : LE BUDGET EN €, L'ŒIL DU CONSOMMATEUR"),
        new(Ses, "SC. ÉCONO.& SOCIALES", "SES", "SCIENCES ÉCONOMIQUES ET SOCIALES"),
        new(Snt, "SC. NUMÉRIQUES & TECHNO.", "SNT", "SCIENCES NUMÉRIQUES ET TECHNOLOGIE"),
        new(Philosophie, "PHILOSOPHIE", "PHILO", "PHILOSOPHIE"),
        new(EnsScientifique, "ENSEIGNEMENT SCIENTIFIQUE", "ENSSC", "ENSEIGNEMENT SCIENTIFIQUE"),
        new(Hggsp, "HIST.GÉO.GÉOPOL.SC.POL", "HGGSP", "HISTOIRE-GÉOGRAPHIE, GÉOPOLITIQUE ET SCIENCES POLITIQUES"),
        new(Hlp, "HUMANITÉS LITT. PHILO.", "HLP", "HUMANITÉS, LITTÉRATURE ET PHILOSOPHIE"),
        new(Llcer, "LLCER ANGLAIS", "LLCAN", "LANGUES, LITTÉRATURES ET CULTURES ÉTRANGÈRES : ANGLAIS"),
    ];

    public static IReadOnlyList<LevelPlan> Levels(SchoolType type) => type == SchoolType.College ? College : Lycee;

    private static readonly string[] CollegeCore =
        [Francais, Maths, Anglais, HistoireGeo, Svt, Technologie, ArtsPlastiques, Musique, Eps];

    private static readonly string[] Specialites = [Maths, PhysiqueChimie, Svt, Ses, Hggsp, Hlp, Llcer];

    private static readonly IReadOnlyList<LevelPlan> College =
    [
        new("6", "10010012110", "6EME", "6EME", new("10010012111", "6EME BILANGUE", "6EME BILANGUE ANGLAIS-ALLEMAND"), d => $"6{Letter(d)}", d => $"6e {Letter(d)}", CollegeCore, false, 0, 0, false),
        new("5", "10110001110", "5EME", "5EME", null, d => $"5{Letter(d)}", d => $"5e {Letter(d)}", [.. CollegeCore, PhysiqueChimie], true, 0, 0, true),
        new("4", "10210001110", "4EME", "4EME", null, d => $"4{Letter(d)}", d => $"4e {Letter(d)}", [.. CollegeCore, PhysiqueChimie], true, 0, 0, true),
        new("3", "10310019110", "3EME", "3EME", null, d => $"3{Letter(d)}", d => $"3e {Letter(d)}", [.. CollegeCore, PhysiqueChimie], true, 0, 0, true),
    ];

    private static readonly IReadOnlyList<LevelPlan> Lycee =
    [
        new("2", "20010018110", "2NDE GT", "2NDE GENERALE ET TECHNOLOGIQUE", null, d => $"2NDE{d + 1}", d => $"2nde {d + 1}",
            [Francais, Maths, Anglais, HistoireGeo, Svt, PhysiqueChimie, Ses, Snt, Eps], true, 0, 0, false),
        new("1", "20111019110", "1ERE G", "1ERE GENERALE", null, d => $"1G{d + 1}", d => $"1re générale {d + 1}",
            [Francais, Anglais, HistoireGeo, EnsScientifique, Eps], true, 3, Specialites.Length, false),
        new("T", "20212019110", "TLE G", "TERMINALE GENERALE", null, d => $"TG{d + 1}", d => $"Terminale générale {d + 1}",
            [Philosophie, Anglais, HistoireGeo, EnsScientifique, Eps], true, 2, Specialites.Length, false),
    ];

    /// <summary>The spécialité subjects, in the order of their groups.</summary>
    public static IReadOnlyList<string> SpecialiteSubjects => Specialites;

    private static string Letter(int index) => index < 26 ? ((char)('A' + index)).ToString() : $"{(char)('A' + (index / 26) - 1)}{(char)('A' + (index % 26))}";
}

/// <summary>A MEF variant taken by some pupils of a level's first classes.</summary>
internal sealed record MefVariant(string Code, string Formation, string Label);

/// <summary>One level of a synthetic school.</summary>
/// <param name="Digit">Prefix of the level's group codes.</param>
/// <param name="MefCode">The level's MEF.</param>
/// <param name="Formation">Its FORMATION.</param>
/// <param name="MefLabel">Its LIBELLE_LONG.</param>
/// <param name="Variant">A variant MEF (bilangue) rattached to it, or null.</param>
/// <param name="ClassCode">Code of the n-th class.</param>
/// <param name="ClassName">Label of the n-th class.</param>
/// <param name="ClassSubjects">Subjects every class has.</param>
/// <param name="Languages">Whether pupils take an LV2 in groups (Spanish by pair of classes, German across the level).</param>
/// <param name="SpecialitesTaken">Spécialités each pupil takes (lycée), 0 for none.</param>
/// <param name="SpecialitesOffered">How many spécialité groups the level has.</param>
/// <param name="LatinAndWorkshop">Whether the level has a Latin group (and, in 3e, the € workshop).</param>
internal sealed record LevelPlan(
    string Digit,
    string MefCode,
    string Formation,
    string MefLabel,
    MefVariant? Variant,
    Func<int, string> ClassCode,
    Func<int, string> ClassName,
    IReadOnlyList<string> ClassSubjects,
    bool Languages,
    int SpecialitesTaken,
    int SpecialitesOffered,
    bool LatinAndWorkshop);
