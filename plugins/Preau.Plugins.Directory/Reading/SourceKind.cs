namespace Preau.Plugins.Directory.Reading;

/// <summary>The export files an import understands.</summary>
public enum SourceKind
{
    /// <summary>ElevesSansAdresses.xml or ElevesAvecAdresses.xml (root BEE_ELEVES).</summary>
    Eleves,

    /// <summary>ResponsablesAvecAdresses.xml (root BEE_RESPONSABLES).</summary>
    Responsables,

    /// <summary>Nomenclature.xml (root BEE_NOMENCLATURES).</summary>
    Nomenclature,

    /// <summary>Structures.xml (root BEE_STRUCTURES).</summary>
    Structures,

    /// <summary>sts_emp_&lt;UAI&gt;_&lt;année&gt;.xml (root STS_EDT).</summary>
    Sts,
}

/// <summary>Names and roots of the export files.</summary>
internal static class SourceKinds
{
    public static string RootOf(SourceKind kind) => kind switch
    {
        SourceKind.Eleves => "BEE_ELEVES",
        SourceKind.Responsables => "BEE_RESPONSABLES",
        SourceKind.Nomenclature => "BEE_NOMENCLATURES",
        SourceKind.Structures => "BEE_STRUCTURES",
        _ => "STS_EDT",
    };

    public static string ExpectedName(SourceKind kind) => kind switch
    {
        SourceKind.Eleves => "ElevesSansAdresses.xml",
        SourceKind.Responsables => "ResponsablesAvecAdresses.xml",
        SourceKind.Nomenclature => "Nomenclature.xml",
        SourceKind.Structures => "Structures.xml",
        _ => "sts_emp_<UAI>_<année>.xml",
    };

    /// <summary>The kind a file name announces, if it follows the export's naming.</summary>
    public static SourceKind? FromName(string fileName)
    {
        if (!fileName.EndsWith(".xml", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        bool Starts(string prefix) => fileName.StartsWith(prefix, StringComparison.OrdinalIgnoreCase);
        if (Starts("ElevesSansAdresses") || Starts("ElevesAvecAdresses"))
        {
            return SourceKind.Eleves;
        }

        if (Starts("ResponsablesAvecAdresses") || Starts("ResponsablesSansAdresses"))
        {
            return SourceKind.Responsables;
        }

        if (Starts("Nomenclature"))
        {
            return SourceKind.Nomenclature;
        }

        if (Starts("Structures"))
        {
            return SourceKind.Structures;
        }

        return Starts("sts_emp_") ? SourceKind.Sts : null;
    }

    /// <summary>The kind a root element announces.</summary>
    public static SourceKind? FromRoot(string root) => root switch
    {
        "BEE_ELEVES" => SourceKind.Eleves,
        "BEE_RESPONSABLES" => SourceKind.Responsables,
        "BEE_NOMENCLATURES" => SourceKind.Nomenclature,
        "BEE_STRUCTURES" => SourceKind.Structures,
        "STS_EDT" => SourceKind.Sts,
        _ => null,
    };
}
