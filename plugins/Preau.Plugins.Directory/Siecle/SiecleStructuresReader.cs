using System.Xml.Linq;
using Preau.Plugins.Directory.Reading;

namespace Preau.Plugins.Directory.Siecle;

/// <summary>Reads Structures.xml (root BEE_STRUCTURES): divisions (<c>DONNEES/DIVISIONS/DIVISION</c>,
/// with MEFS_APPARTENANCE/MEF_APPARTENANCE/CODE_MEF) and groups (<c>DONNEES/GROUPES/GROUPE</c>, with
/// DIVISIONS_APPARTENANCE/DIVISION_APPARTENANCE/CODE_STRUCTURE).</summary>
/// <remarks>Refused: a code missing or given twice (a division and a group may not share one); a
/// group drawing on an unknown division.</remarks>
internal static class SiecleStructuresReader
{
    private const string Root = "BEE_STRUCTURES";
    private const string Parametres = Root + "/PARAMETRES";
    private const string Division = Root + "/DONNEES/DIVISIONS/DIVISION";
    private const string Groupe = Root + "/DONNEES/GROUPES/GROUPE";

    private static readonly HashSet<string> Records = [Parametres, Division, Groupe];

    public static SiecleStructures? Read(SourceFile file, ImportErrors errors, IProgress<ImportProgress>? progress, CancellationToken cancellationToken)
    {
        ExportHeader? header = null;
        var headerSeen = false;
        var divisions = new List<RawDivision>();
        var groups = new List<(RawGroup Group, RecordScope Scope)>();
        var codes = new Dictionary<string, int?>(StringComparer.Ordinal);

        var readable = XmlRecordReader.Read(file, Records, (path, element) =>
        {
            var scope = new RecordScope(file, path, element, errors);
            if (path == Parametres)
            {
                headerSeen = true;
                header = SiecleHeaderReader.Read(file, path, element, errors);
                return;
            }

            var code = scope.Attribute("CODE_STRUCTURE");
            scope.Identify("CODE_STRUCTURE", code);
            var name = scope.Text("LIBELLE_LONG") ?? code;
            if (code is not null && !codes.TryAdd(code, scope.Line))
            {
                scope.Error(null, "", $"CODE_STRUCTURE {code} en double (déjà ligne {codes[code]})");
            }

            if (path == Division)
            {
                var mefs = scope.Record.Elements("MEFS_APPARTENANCE").Elements("MEF_APPARTENANCE")
                    .Select(m => scope.Text(m, "CODE_MEF", required: true))
                    .OfType<string>().Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
                if (!scope.Failed)
                {
                    divisions.Add(new RawDivision(code!, name!, mefs, scope.Line));
                }
            }
            else
            {
                var classes = scope.Record.Elements("DIVISIONS_APPARTENANCE").Elements("DIVISION_APPARTENANCE")
                    .Select(d => scope.Text(d, "CODE_STRUCTURE", required: true))
                    .OfType<string>().Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
                if (!scope.Failed)
                {
                    groups.Add((new RawGroup(code!, name!, classes, scope.Line), scope));
                }
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

        var divisionCodes = divisions.Select(d => d.Code).ToHashSet(StringComparer.Ordinal);
        foreach (var (group, scope) in groups)
        {
            foreach (var unknown in group.ClassCodes.Where(c => !divisionCodes.Contains(c)))
            {
                scope.Error(null, "DIVISIONS_APPARTENANCE/DIVISION_APPARTENANCE/CODE_STRUCTURE", $"le groupe {group.Code} s'appuie sur la division {unknown}, absente des DIVISIONS");
            }
        }

        return header is null ? null : new SiecleStructures(header, divisions, [.. groups.Select(g => g.Group)]);
    }
}
