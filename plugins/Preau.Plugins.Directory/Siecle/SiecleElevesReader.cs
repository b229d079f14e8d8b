using Preau.Plugins.Directory.Model;
using Preau.Plugins.Directory.Reading;

namespace Preau.Plugins.Directory.Siecle;

/// <summary>Reads ElevesSansAdresses.xml / ElevesAvecAdresses.xml (root BEE_ELEVES): the pupils
/// (<c>DONNEES/ELEVES/ELEVE</c>) and their classes and groups (<c>DONNEES/STRUCTURES/STRUCTURES_ELEVE</c>).
/// Options and addresses are not read.</summary>
/// <remarks>Refused: a missing ELEVE_ID, name or first name; an ELEVE_ID or INE given twice; a
/// STRUCTURES_ELEVE for an unknown ELEVE_ID; a TYPE_STRUCTURE other than D or G; two divisions
/// for one pupil.</remarks>
internal static class SiecleElevesReader
{
    private const string Root = "BEE_ELEVES";
    private const string Parametres = Root + "/PARAMETRES";
    private const string Eleve = Root + "/DONNEES/ELEVES/ELEVE";
    private const string StructuresEleve = Root + "/DONNEES/STRUCTURES/STRUCTURES_ELEVE";

    private static readonly HashSet<string> Records = [Parametres, Eleve, StructuresEleve];

    public static SiecleEleves? Read(SourceFile file, ImportErrors errors, IProgress<ImportProgress>? progress, CancellationToken cancellationToken)
    {
        ExportHeader? header = null;
        var headerSeen = false;
        var pupils = new List<RawPupil>();
        var byId = new Dictionary<string, RawPupil>(StringComparer.Ordinal);
        var byIne = new Dictionary<string, RawPupil>(StringComparer.Ordinal);
        var structures = new List<RawPupilStructure>();
        var structureRecords = new List<(string EleveId, RecordScope Scope)>();
        var withStructures = new Dictionary<string, int?>(StringComparer.Ordinal);

        var readable = XmlRecordReader.Read(file, Records, (path, element) =>
        {
            switch (path)
            {
                case Parametres:
                    headerSeen = true;
                    header = SiecleHeaderReader.Read(file, path, element, errors);
                    break;
                case Eleve:
                    var pupil = ReadPupil(new RecordScope(file, path, element, errors), byId, byIne);
                    if (pupil is not null)
                    {
                        pupils.Add(pupil);
                        byId.Add(pupil.EleveId, pupil);
                        if (pupil.Ine is not null)
                        {
                            byIne.Add(pupil.Ine, pupil);
                        }
                    }

                    break;
                case StructuresEleve:
                    var scope = new RecordScope(file, path, element, errors);
                    var eleveId = scope.Attribute("ELEVE_ID");
                    scope.Identify("ELEVE_ID", eleveId);
                    if (eleveId is null)
                    {
                        break;
                    }

                    if (!withStructures.TryAdd(eleveId, scope.Line))
                    {
                        scope.Error(null, "", $"deuxième STRUCTURES_ELEVE pour l'élève {eleveId} (déjà ligne {withStructures[eleveId]})");
                        break;
                    }

                    structureRecords.Add((eleveId, scope));
                    structures.AddRange(ReadStructures(scope, eleveId));
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

        foreach (var (eleveId, scope) in structureRecords)
        {
            if (!byId.ContainsKey(eleveId))
            {
                scope.Error(null, "", $"STRUCTURES_ELEVE pour un ELEVE_ID inconnu ({eleveId}) : aucun ELEVE ne porte cet identifiant");
            }
        }

        return header is null ? null : new SiecleEleves(header, pupils, structures);
    }

    private static RawPupil? ReadPupil(RecordScope scope, Dictionary<string, RawPupil> byId, Dictionary<string, RawPupil> byIne)
    {
        var id = scope.Attribute("ELEVE_ID");
        scope.Identify("ELEVE_ID", id);
        var elenoet = scope.Attribute("ELENOET", required: false);
        var ine = scope.Text("ID_NATIONAL")?.ToUpperInvariant();
        var usage = scope.Text("NOM_USAGE");
        var family = scope.Text("NOM_DE_FAMILLE", required: usage is null);
        var first = scope.Text("PRENOM", required: true);
        var mef = scope.Text("CODE_MEF");
        var left = scope.Date("DATE_SORTIE");
        if (id is not null && byId.TryGetValue(id, out var other))
        {
            scope.Error(null, "", $"ELEVE_ID {id} en double (déjà ligne {other.Line})");
        }

        if (ine is not null && byIne.TryGetValue(ine, out var sameIne))
        {
            scope.Error(scope.Record.Element("ID_NATIONAL"), "ID_NATIONAL", $"INE {ine} en double (déjà l'élève {sameIne.EleveId}, ligne {sameIne.Line})");
        }

        return scope.Failed || id is null || first is null || (usage ?? family) is not { } last
            ? null
            : new RawPupil(id, ine, elenoet, last, first, mef, left, scope.Line);
    }

    private static IEnumerable<RawPupilStructure> ReadStructures(RecordScope scope, string eleveId)
    {
        var found = new List<RawPupilStructure>();
        foreach (var structure in scope.Record.Elements("STRUCTURE"))
        {
            var code = scope.Text(structure, "CODE_STRUCTURE", required: true);
            var type = scope.Text(structure, "TYPE_STRUCTURE", required: true);
            if (code is null || type is null)
            {
                continue;
            }

            StructureType? kind = type switch
            {
                "D" => StructureType.Class,
                "G" => StructureType.Group,
                _ => null,
            };
            if (kind is not { } known)
            {
                scope.Error(structure.Element("TYPE_STRUCTURE"), "STRUCTURE/TYPE_STRUCTURE", $"type « {type} » inconnu (D division ou G groupe attendu)");
                continue;
            }

            if (found.Any(s => s.Code == code))
            {
                continue;
            }

            if (known == StructureType.Class && found.FirstOrDefault(s => s.Type == StructureType.Class) is { } division)
            {
                scope.Error(structure, "STRUCTURE", $"l'élève est dans deux divisions ({division.Code} et {code})");
                continue;
            }

            found.Add(new RawPupilStructure(eleveId, code, known, RecordScope.LineOf(structure)));
        }

        return found;
    }
}
