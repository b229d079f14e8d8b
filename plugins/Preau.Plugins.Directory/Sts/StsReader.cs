using System.Xml.Linq;
using Preau.Plugins.Directory.Model;
using Preau.Plugins.Directory.Reading;

namespace Preau.Plugins.Directory.Sts;

/// <summary>Reads the STSweb export <c>sts_emp_&lt;UAI&gt;_&lt;année&gt;.xml</c> (root STS_EDT): subjects
/// (<c>NOMENCLATURES/MATIERES/MATIERE[@CODE]</c>), individuals (<c>DONNEES/INDIVIDUS/INDIVIDU[@ID @TYPE]</c>
/// with FONCTION, GRADE, PROFS_PRINC), and the services under <c>DONNEES/STRUCTURE/DIVISIONS/DIVISION</c>
/// and <c>…/GROUPES/GROUPE</c> (<c>SERVICES/SERVICE[@CODE_MATIERE]/ENSEIGNANTS/ENSEIGNANT[@ID @TYPE]</c>).</summary>
/// <remarks>Refused: an individual, division or group given twice; a service naming an unknown
/// subject or individual; a professeur principal of a division the file does not have; a group
/// drawing on an unknown division.</remarks>
internal static class StsReader
{
    private const string Root = "STS_EDT";
    private const string Parametres = Root + "/PARAMETRES";
    private const string Matiere = Root + "/NOMENCLATURES/MATIERES/MATIERE";
    private const string Individu = Root + "/DONNEES/INDIVIDUS/INDIVIDU";
    private const string Division = Root + "/DONNEES/STRUCTURE/DIVISIONS/DIVISION";
    private const string Groupe = Root + "/DONNEES/STRUCTURE/GROUPES/GROUPE";

    private static readonly HashSet<string> Records = [Parametres, Matiere, Individu, Division, Groupe];

    public static StsData? Read(SourceFile file, ImportErrors errors, IProgress<ImportProgress>? progress, CancellationToken cancellationToken)
    {
        ExportHeader? header = null;
        var headerSeen = false;
        var subjects = new Dictionary<string, ImportedSubject>(StringComparer.Ordinal);
        var subjectLines = new Dictionary<string, int?>(StringComparer.Ordinal);
        var individus = new Dictionary<string, RawIndividu>(StringComparer.Ordinal);
        var individuScopes = new List<(RawIndividu Individu, RecordScope Scope)>();
        var structures = new Dictionary<string, RawStsStructure>(StringComparer.Ordinal);
        var structureScopes = new List<(RawStsStructure Structure, RecordScope Scope)>();
        var services = new List<(RawService Service, RecordScope Scope)>();

        var readable = XmlRecordReader.Read(file, Records, (path, element) =>
        {
            var scope = new RecordScope(file, path, element, errors);
            switch (path)
            {
                case Parametres:
                    headerSeen = true;
                    header = ReadHeader(scope);
                    break;
                case Matiere:
                    var code = scope.Attribute("CODE");
                    scope.Identify("CODE", code);
                    var court = scope.Text("LIBELLE_COURT");
                    var longLabel = scope.Text("LIBELLE_LONG");
                    var gestion = scope.Text("CODE_GESTION");
                    if (code is not null && !subjectLines.TryAdd(code, scope.Line))
                    {
                        scope.Error(null, "", $"MATIERE {code} en double (déjà ligne {subjectLines[code]})");
                    }

                    if (!scope.Failed && code is not null)
                    {
                        subjects.Add(code, new ImportedSubject(code, court ?? longLabel ?? code, gestion, longLabel));
                    }

                    break;
                case Individu:
                    var individu = ReadIndividu(scope, individus);
                    if (individu is not null)
                    {
                        individus.Add(individu.Key, individu);
                        individuScopes.Add((individu, scope));
                    }

                    break;
                default:
                    var type = path == Division ? StructureType.Class : StructureType.Group;
                    var structure = ReadStructure(scope, type, structures, services);
                    if (structure is not null)
                    {
                        structures.Add(structure.Code, structure);
                        structureScopes.Add((structure, scope));
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
            errors.Add(file.Name, Parametres, null, "bloc PARAMETRES absent (UAJ, ANNEE_SCOLAIRE)");
        }

        CheckReferences(subjects, individus, individuScopes, structures, structureScopes, services);
        return header is null
            ? null
            : new StsData(header, [.. subjects.Values], [.. individus.Values], [.. structures.Values], [.. services.Select(s => s.Service)]);
    }

    private static ExportHeader? ReadHeader(RecordScope scope)
    {
        var uaj = scope.Record.Element("UAJ");
        var annee = scope.Record.Element("ANNEE_SCOLAIRE");
        var uai = uaj is null ? null : scope.Attribute(uaj, "CODE");
        var year = annee is null ? null : scope.Attribute(annee, "ANNEE");
        if (uaj is null)
        {
            scope.Error(null, "UAJ", "élément obligatoire absent (UAJ/@CODE)");
        }

        if (annee is null)
        {
            scope.Error(null, "ANNEE_SCOLAIRE", "élément obligatoire absent (ANNEE_SCOLAIRE/@ANNEE)");
        }

        return ExportHeader.Make(scope, uai, year, null, "UAJ/@CODE", "ANNEE_SCOLAIRE/@ANNEE");
    }

    private static RawIndividu? ReadIndividu(RecordScope scope, Dictionary<string, RawIndividu> individus)
    {
        var id = scope.Attribute("ID");
        var type = scope.Attribute("TYPE", required: false)?.ToLowerInvariant() ?? "epp";
        scope.Identify("ID", id);
        var usage = scope.Text("NOM_USAGE");
        var patronymique = scope.Text("NOM_PATRONYMIQUE", required: usage is null);
        var first = scope.Text("PRENOM") ?? "";
        var fonction = scope.Text("FONCTION");
        var grade = scope.Text("GRADE");
        var profs = scope.Record.Elements("PROFS_PRINC").Elements("PROF_PRINC")
            .Select(p => (Code: scope.Text(p, "CODE_STRUCTURE", required: true), Line: RecordScope.LineOf(p)))
            .Where(p => p.Code is not null)
            .Select(p => new RawProfPrincipal(p.Code!, p.Line))
            .ToArray();
        if (id is not null && individus.TryGetValue(ImportedStaff.KeyOf(id, type), out var other))
        {
            scope.Error(null, "", $"INDIVIDU {id} ({type}) en double (déjà ligne {other.Line})");
        }

        return scope.Failed || id is null || (usage ?? patronymique) is not { } last
            ? null
            : new RawIndividu(id, type, last, first, fonction, grade, profs, scope.Line);
    }

    private static RawStsStructure? ReadStructure(
        RecordScope scope, StructureType type, Dictionary<string, RawStsStructure> structures, List<(RawService, RecordScope)> services)
    {
        var code = scope.Attribute("CODE");
        scope.Identify("CODE", code);
        if (code is not null && structures.TryGetValue(code, out var other))
        {
            scope.Error(null, "", $"structure {code} en double (déjà ligne {other.Line})");
        }

        var classes = type == StructureType.Group
            ? scope.Record.Elements("DIVISIONS_APPARTENANCE").Elements("DIVISION_APPARTENANCE")
                .Select(d => scope.Attribute(d, "CODE")).OfType<string>()
                .Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray()
            : [];
        foreach (var service in scope.Record.Elements("SERVICES").Elements("SERVICE"))
        {
            var subject = scope.Attribute(service, "CODE_MATIERE");
            foreach (var teacher in service.Elements("ENSEIGNANTS").Elements("ENSEIGNANT"))
            {
                var id = scope.Attribute(teacher, "ID");
                var teacherType = scope.Attribute(teacher, "TYPE", required: false) ?? "epp";
                if (code is not null && subject is not null && id is not null)
                {
                    services.Add((new RawService(code, type, subject, ImportedStaff.KeyOf(id, teacherType), RecordScope.LineOf(teacher)), scope));
                }
            }
        }

        return scope.Failed || code is null ? null : new RawStsStructure(code, type, classes, scope.Line);
    }

    private static void CheckReferences(
        Dictionary<string, ImportedSubject> subjects,
        Dictionary<string, RawIndividu> individus,
        List<(RawIndividu Individu, RecordScope Scope)> individuScopes,
        Dictionary<string, RawStsStructure> structures,
        List<(RawStsStructure Structure, RecordScope Scope)> structureScopes,
        List<(RawService Service, RecordScope Scope)> services)
    {
        foreach (var (service, scope) in services)
        {
            if (!subjects.ContainsKey(service.SubjectCode))
            {
                scope.Error(null, "SERVICES/SERVICE/@CODE_MATIERE", $"matière {service.SubjectCode} absente des NOMENCLATURES/MATIERES");
            }

            if (!individus.ContainsKey(service.TeacherKey))
            {
                scope.Error(null, "SERVICES/SERVICE/ENSEIGNANTS/ENSEIGNANT/@ID", $"enseignant {service.TeacherKey} absent des INDIVIDUS");
            }
        }

        foreach (var (individu, scope) in individuScopes)
        {
            foreach (var pp in individu.ProfsPrincipaux)
            {
                if (!structures.TryGetValue(pp.ClassCode, out var s) || s.Type != StructureType.Class)
                {
                    scope.Error(null, "PROFS_PRINC/PROF_PRINC/CODE_STRUCTURE", $"professeur principal d'une division absente du fichier ({pp.ClassCode})");
                }
            }
        }

        foreach (var (structure, scope) in structureScopes)
        {
            foreach (var unknown in structure.ClassCodes.Where(c => !structures.TryGetValue(c, out var d) || d.Type != StructureType.Class))
            {
                scope.Error(null, "DIVISIONS_APPARTENANCE/DIVISION_APPARTENANCE/@CODE", $"le groupe {structure.Code} s'appuie sur la division {unknown}, absente des DIVISIONS");
            }
        }
    }
}
