namespace Preau.Demo.Exports;

/// <summary>The CODE_GESTION (short management code) SIECLE and STSweb give each demo subject
/// next to its six-digit code; the import keeps the code and LIBELLE_COURT.</summary>
internal static class SubjectCodes
{
    private static readonly Dictionary<string, string> Gestion = new(StringComparer.Ordinal)
    {
        [DemoCatalog.Francais] = "FRANC",
        [DemoCatalog.Maths] = "MATHS",
        [DemoCatalog.Anglais] = "AGL1",
        [DemoCatalog.Allemand] = "ALL2",
        [DemoCatalog.Espagnol] = "ESP2",
        [DemoCatalog.HistoireGeo] = "HIGEO",
        [DemoCatalog.PhysiqueChimie] = "PH-CH",
        [DemoCatalog.Svt] = "SVT",
        [DemoCatalog.Technologie] = "TECHN",
        [DemoCatalog.ArtsPlastiques] = "A-PLA",
        [DemoCatalog.Musique] = "EDMUS",
        [DemoCatalog.Eps] = "EPS",
        [DemoCatalog.Latin] = "LCALA",
    };

    /// <summary>The management code of a subject (its code when the demo has none).</summary>
    public static string GestionOf(string subjectCode) => Gestion.GetValueOrDefault(subjectCode, subjectCode);
}
