using Preau.Plugins.Directory.Model;

namespace Preau.Plugins.Directory.Fixtures;

/// <summary>The changes a school sees between two imports, applied to a snapshot (which is not
/// modified): for re-import scenarios and tests.</summary>
public static class SnapshotMutations
{
    /// <summary>A pupil changes class; groups that do not draw on the new class are left.</summary>
    public static ImportSnapshot MovePupil(ImportSnapshot snapshot, string eleveId, string classCode)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var groups = snapshot.Structures.Where(s => s.Type == StructureType.Group).ToDictionary(s => s.Code, StringComparer.Ordinal);
        return SnapshotOrder.Sort(snapshot with
        {
            Pupils = [.. snapshot.Pupils.Select(p => p.EleveId != eleveId ? p : p with
            {
                ClassCode = classCode,
                GroupCodes = [.. p.GroupCodes.Where(g => groups.TryGetValue(g, out var s) && s.ClassCodes.Contains(classCode))],
            })],
        });
    }

    /// <summary>A responsable is added to a pupil.</summary>
    public static ImportSnapshot AddResponsable(
        ImportSnapshot snapshot, string eleveId, ImportedResponsable person, Responsibility responsibility, int legalLevel, string? codeParente)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        return SnapshotOrder.Sort(snapshot with
        {
            Responsables = [.. snapshot.Responsables.Where(r => r.PersonneId != person.PersonneId), person],
            ParentLinks = [.. snapshot.ParentLinks, new ImportedParentLink(person.PersonneId, eleveId, responsibility, legalLevel, codeParente)],
        });
    }

    /// <summary>A pupil leaves the school; responsables left without a child go too.</summary>
    public static ImportSnapshot RemovePupil(ImportSnapshot snapshot, string eleveId)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var links = snapshot.ParentLinks.Where(l => l.EleveId != eleveId).ToArray();
        var linked = links.Select(l => l.PersonneId).ToHashSet(StringComparer.Ordinal);
        return SnapshotOrder.Sort(snapshot with
        {
            Pupils = [.. snapshot.Pupils.Where(p => p.EleveId != eleveId)],
            ParentLinks = links,
            Responsables = [.. snapshot.Responsables.Where(r => linked.Contains(r.PersonneId))],
        });
    }

    /// <summary>A member of staff (a teacher) leaves: their services and professeur principal roles go.</summary>
    public static ImportSnapshot RemoveStaff(ImportSnapshot snapshot, string staffExternalId)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        return SnapshotOrder.Sort(snapshot with
        {
            Staff = [.. snapshot.Staff.Where(s => s.ExternalId != staffExternalId)],
            Services = [.. snapshot.Services.Where(s => s.StaffExternalId != staffExternalId)],
            ProfsPrincipaux = [.. snapshot.ProfsPrincipaux.Where(p => p.StaffExternalId != staffExternalId)],
        });
    }

    /// <summary>A class gets a new code (and label): its pupils, groups, services and professeur principal follow.</summary>
    public static ImportSnapshot RenameClass(ImportSnapshot snapshot, string oldCode, string newCode, string? newName = null)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        string Swap(string code) => code == oldCode ? newCode : code;
        return SnapshotOrder.Sort(snapshot with
        {
            Structures = [.. snapshot.Structures.Select(s => s.Code == oldCode
                ? s with { Code = newCode, Name = newName ?? s.Name }
                : s with { ClassCodes = [.. s.ClassCodes.Select(Swap).Order(StringComparer.Ordinal)] })],
            Pupils = [.. snapshot.Pupils.Select(p => p.ClassCode == oldCode ? p with { ClassCode = newCode } : p)],
            Services = [.. snapshot.Services.Select(s => s with { StructureCode = Swap(s.StructureCode) })],
            ProfsPrincipaux = [.. snapshot.ProfsPrincipaux.Select(p => p with { ClassCode = Swap(p.ClassCode) })],
        });
    }

    /// <summary>A class or group gets a new label, same code.</summary>
    public static ImportSnapshot RelabelStructure(ImportSnapshot snapshot, string code, string newName)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        return snapshot with { Structures = [.. snapshot.Structures.Select(s => s.Code == code ? s with { Name = newName } : s)] };
    }

    /// <summary>A pupil's name changes (a usage name, a corrected spelling).</summary>
    public static ImportSnapshot RenamePupil(ImportSnapshot snapshot, string eleveId, string firstName, string lastName)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        return snapshot with { Pupils = [.. snapshot.Pupils.Select(p => p.EleveId == eleveId ? p with { FirstName = firstName, LastName = lastName } : p)] };
    }
}
