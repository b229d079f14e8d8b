using System.Xml.Linq;
using Preau.Plugins.Directory.Reading;

namespace Preau.Plugins.Directory.Siecle;

/// <summary>The PARAMETRES block every SIECLE export opens with: UAJ, ANNEE_SCOLAIRE, DATE_EXPORT.</summary>
internal static class SiecleHeaderReader
{
    public static ExportHeader? Read(SourceFile file, string path, XElement element, ImportErrors errors)
    {
        var scope = new RecordScope(file, path, element, errors);
        var uai = scope.Text("UAJ", required: true);
        var year = scope.Text("ANNEE_SCOLAIRE", required: true);
        var date = scope.Date("DATE_EXPORT");
        return ExportHeader.Make(scope, uai, year, date, "UAJ", "ANNEE_SCOLAIRE");
    }

    /// <summary>Reports a file whose PARAMETRES never came.</summary>
    public static void Missing(SourceFile file, ImportErrors errors) =>
        errors.Add(file.Name, SourceKinds.RootOf(file.Kind) + "/PARAMETRES", null, "bloc PARAMETRES absent (UAJ, ANNEE_SCOLAIRE)");
}
