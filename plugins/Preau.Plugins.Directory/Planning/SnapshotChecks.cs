using Preau.Plugins.Directory.Model;

namespace Preau.Plugins.Directory.Planning;

/// <summary>Checks that a snapshot holds together before it is planned. Snapshots read from files
/// always do (the readers refuse the files otherwise); one built by hand (the demo, a test) might
/// not, and must be refused with reasons rather than fail half-way.</summary>
internal static class SnapshotChecks
{
    public static List<ImportError> Check(ImportSnapshot snapshot)
    {
        var errors = new List<ImportError>();
        void Error(string reason) => errors.Add(new ImportError("", "", null, "instantané incohérent : " + reason));

        Duplicates(snapshot.Pupils.Select(p => p.EleveId), "ELEVE_ID", Error);
        Duplicates(snapshot.Pupils.Select(p => p.Ine).OfType<string>(), "INE", Error);
        Duplicates(snapshot.Responsables.Select(r => r.PersonneId), "PERSONNE_ID", Error);
        Duplicates(snapshot.Staff.Select(s => s.ExternalId), "identifiant STS", Error);
        Duplicates(snapshot.Structures.Select(s => s.Code), "code de structure", Error);
        Duplicates(snapshot.Structures.Select(s => Folding.Slug(s.Code)), "adresse de liste", Error);

        var types = snapshot.Structures.GroupBy(s => s.Code, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().Type, StringComparer.Ordinal);
        var pupils = snapshot.Pupils.Select(p => p.EleveId).ToHashSet(StringComparer.Ordinal);
        var responsables = snapshot.Responsables.Select(r => r.PersonneId).ToHashSet(StringComparer.Ordinal);
        var staff = snapshot.Staff.Select(s => s.ExternalId).ToHashSet(StringComparer.Ordinal);
        foreach (var p in snapshot.Pupils)
        {
            if (p.ClassCode is { } c && types.GetValueOrDefault(c, StructureType.Group) != StructureType.Class)
            {
                Error($"l'élève {p.EleveId} est dans la division {c}, inconnue");
            }

            foreach (var g in p.GroupCodes.Where(g => types.GetValueOrDefault(g, StructureType.Class) != StructureType.Group))
            {
                Error($"l'élève {p.EleveId} est dans le groupe {g}, inconnu");
            }
        }

        foreach (var l in snapshot.ParentLinks.Where(l => !pupils.Contains(l.EleveId) || !responsables.Contains(l.PersonneId)))
        {
            Error($"lien entre la personne {l.PersonneId} et l'élève {l.EleveId} : l'un des deux est absent");
        }

        foreach (var id in snapshot.Services.Select(s => s.StaffExternalId).Concat(snapshot.ProfsPrincipaux.Select(p => p.StaffExternalId)).Where(id => !staff.Contains(id)).Distinct())
        {
            Error($"service ou professeur principal de {id}, absent du personnel");
        }

        return errors;
    }

    private static void Duplicates(IEnumerable<string> keys, string what, Action<string> error)
    {
        foreach (var key in keys.GroupBy(k => k, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key))
        {
            error($"{what} {key} en double");
        }
    }
}
