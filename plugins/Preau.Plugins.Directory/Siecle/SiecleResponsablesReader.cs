using System.Globalization;
using Preau.Plugins.Directory.Reading;

namespace Preau.Plugins.Directory.Siecle;

/// <summary>Reads ResponsablesAvecAdresses.xml (root BEE_RESPONSABLES): the people
/// (<c>DONNEES/PERSONNES/PERSONNE</c>) and their links to pupils (<c>DONNEES/RESPONSABLES/RESPONSABLE_ELEVE</c>).
/// Addresses, phone numbers and mail addresses are never read.</summary>
/// <remarks>Refused: a PERSONNE_ID given twice; a PERSONNE without a name; a link without ELEVE_ID or
/// PERSONNE_ID, to an unknown PERSONNE_ID, given twice, or with neither RESP_LEGAL (0, 1, 2) nor
/// NIVEAU_RESPONSABILITE (1, 2, 3). Links to unknown pupils are checked against the pupils' file.</remarks>
internal static class SiecleResponsablesReader
{
    private const string Root = "BEE_RESPONSABLES";
    private const string Parametres = Root + "/PARAMETRES";
    private const string Personne = Root + "/DONNEES/PERSONNES/PERSONNE";
    private const string Lien = Root + "/DONNEES/RESPONSABLES/RESPONSABLE_ELEVE";

    private static readonly HashSet<string> Records = [Parametres, Personne, Lien];

    public static SiecleResponsables? Read(SourceFile file, ImportErrors errors, IProgress<ImportProgress>? progress, CancellationToken cancellationToken)
    {
        ExportHeader? header = null;
        var headerSeen = false;
        var persons = new List<RawPerson>();
        var byId = new Dictionary<string, RawPerson>(StringComparer.Ordinal);
        var links = new List<RawLink>();
        var linkScopes = new List<(RawLink Link, RecordScope Scope)>();
        var seenLinks = new Dictionary<(string, string), int?>();

        var readable = XmlRecordReader.Read(file, Records, (path, element) =>
        {
            var scope = new RecordScope(file, path, element, errors);
            switch (path)
            {
                case Parametres:
                    headerSeen = true;
                    header = SiecleHeaderReader.Read(file, path, element, errors);
                    break;
                case Personne:
                    var person = ReadPerson(scope, byId);
                    if (person is not null)
                    {
                        persons.Add(person);
                        byId.Add(person.PersonneId, person);
                    }

                    break;
                case Lien:
                    var link = ReadLink(scope, seenLinks);
                    if (link is not null)
                    {
                        links.Add(link);
                        linkScopes.Add((link, scope));
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

        foreach (var (link, scope) in linkScopes)
        {
            if (!byId.ContainsKey(link.PersonneId))
            {
                scope.Error(scope.Record.Element("PERSONNE_ID"), "PERSONNE_ID", $"PERSONNE_ID {link.PersonneId} inconnu : aucune PERSONNE ne porte cet identifiant");
            }
        }

        return header is null ? null : new SiecleResponsables(header, persons, links);
    }

    private static RawPerson? ReadPerson(RecordScope scope, Dictionary<string, RawPerson> byId)
    {
        var id = scope.Attribute("PERSONNE_ID");
        scope.Identify("PERSONNE_ID", id);
        var usage = scope.Text("NOM_USAGE");
        var family = scope.Text("NOM_DE_FAMILLE", required: usage is null);
        var first = scope.Text("PRENOM") ?? "";
        if (id is not null && byId.TryGetValue(id, out var other))
        {
            scope.Error(null, "", $"PERSONNE_ID {id} en double (déjà ligne {other.Line})");
        }

        return scope.Failed || id is null || (usage ?? family) is not { } last ? null : new RawPerson(id, last, first, scope.Line);
    }

    private static RawLink? ReadLink(RecordScope scope, Dictionary<(string, string), int?> seen)
    {
        var eleveId = scope.Text("ELEVE_ID", required: true);
        var personneId = scope.Text("PERSONNE_ID", required: true);
        scope.Identify("PERSONNE_ID", personneId is null ? null : $"{personneId}, ELEVE_ID={eleveId}");
        var respLegal = Number(scope, "RESP_LEGAL", 0, 2);
        var niveau = Number(scope, "NIVEAU_RESPONSABILITE", 1, 3);
        var parente = scope.Text("CODE_PARENTE");
        if (!scope.Failed && respLegal is null && niveau is null)
        {
            scope.Error(null, "RESP_LEGAL", "ni RESP_LEGAL ni NIVEAU_RESPONSABILITE : le lien avec l'élève n'est pas qualifié");
        }

        if (eleveId is not null && personneId is not null && !seen.TryAdd((eleveId, personneId), scope.Line))
        {
            scope.Error(null, "", $"lien en double entre la personne {personneId} et l'élève {eleveId} (déjà ligne {seen[(eleveId, personneId)]})");
        }

        return scope.Failed || eleveId is null || personneId is null
            ? null
            : new RawLink(eleveId, personneId, respLegal, niveau, parente, scope.Line);
    }

    private static int? Number(RecordScope scope, string name, int min, int max)
    {
        var text = scope.Text(name);
        if (text is null)
        {
            return null;
        }

        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max)
        {
            return value;
        }

        scope.Error(scope.Record.Element(name), name, $"valeur « {text} » inattendue ({min} à {max})");
        return null;
    }
}
