using Preau.Plugins.Directory.Model;
using Preau.Plugins.Directory.Reading;

namespace Preau.Plugins.Directory.Siecle;

/// <summary>Reads Nomenclature.xml (root BEE_NOMENCLATURES): subjects (<c>DONNEES/MATIERES/MATIERE</c>)
/// and MEFs (<c>DONNEES/MEFS/MEF</c>), from which the levels come.</summary>
/// <remarks>Refused: a CODE_MATIERE or CODE_MEF missing or given twice; a MEF without FORMATION
/// nor LIBELLE_LONG.</remarks>
internal static class SiecleNomenclatureReader
{
    private const string Root = "BEE_NOMENCLATURES";
    private const string Parametres = Root + "/PARAMETRES";
    private const string Matiere = Root + "/DONNEES/MATIERES/MATIERE";
    private const string Mef = Root + "/DONNEES/MEFS/MEF";

    private static readonly HashSet<string> Records = [Parametres, Matiere, Mef];

    public static SiecleNomenclature? Read(SourceFile file, ImportErrors errors, IProgress<ImportProgress>? progress, CancellationToken cancellationToken)
    {
        ExportHeader? header = null;
        var headerSeen = false;
        var subjects = new Dictionary<string, (ImportedSubject Subject, int? Line)>(StringComparer.Ordinal);
        var mefs = new Dictionary<string, RawMef>(StringComparer.Ordinal);

        var readable = XmlRecordReader.Read(file, Records, (path, element) =>
        {
            var scope = new RecordScope(file, path, element, errors);
            switch (path)
            {
                case Parametres:
                    headerSeen = true;
                    header = SiecleHeaderReader.Read(file, path, element, errors);
                    break;
                case Matiere:
                    var code = scope.Attribute("CODE_MATIERE");
                    scope.Identify("CODE_MATIERE", code);
                    var gestion = scope.Text("CODE_GESTION");
                    var court = scope.Text("LIBELLE_COURT");
                    var longLabel = scope.Text("LIBELLE_LONG");
                    if (code is not null && subjects.TryGetValue(code, out var other))
                    {
                        scope.Error(null, "", $"CODE_MATIERE {code} en double (déjà ligne {other.Line})");
                    }

                    if (!scope.Failed && code is not null)
                    {
                        subjects.Add(code, (new ImportedSubject(code, court ?? longLabel ?? code, gestion, longLabel), scope.Line));
                    }

                    break;
                case Mef:
                    var mefCode = scope.Attribute("CODE_MEF");
                    scope.Identify("CODE_MEF", mefCode);
                    var formation = scope.Text("FORMATION");
                    var label = scope.Text("LIBELLE_LONG", required: formation is null);
                    var rattachement = scope.Text("MEF_RATTACHEMENT");
                    if (mefCode is not null && mefs.TryGetValue(mefCode, out var otherMef))
                    {
                        scope.Error(null, "", $"CODE_MEF {mefCode} en double (déjà ligne {otherMef.Line})");
                    }

                    if (!scope.Failed && mefCode is not null)
                    {
                        mefs.Add(mefCode, new RawMef(new ImportedMef(mefCode, formation ?? label!, label ?? formation!, rattachement), scope.Line));
                    }

                    break;
            }
        }, errors, progress, cancellationToken);

        if (!readable)
        {
            return null;
        }

        if (!headerSeen)
        {
            SiecleHeaderReader.Missing(file, errors);
        }

        return header is null ? null : new SiecleNomenclature(header, [.. subjects.Values.Select(s => s.Subject)], [.. mefs.Values]);
    }
}
