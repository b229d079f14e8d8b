namespace Preau.Plugins.Directory.Model;

/// <summary>The one order of a snapshot's lists (ordinal, by key), so that the same school gives the
/// same snapshot whether it comes from files, the generator or a mutation.</summary>
public static class SnapshotOrder
{
    /// <summary>The snapshot with every list in canonical order.</summary>
    public static ImportSnapshot Sort(ImportSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var o = StringComparer.Ordinal;
        return snapshot with
        {
            Pupils = [.. snapshot.Pupils.OrderBy(p => p.EleveId, o)],
            Responsables = [.. snapshot.Responsables.OrderBy(r => r.PersonneId, o)],
            ParentLinks = [.. snapshot.ParentLinks.OrderBy(l => l.EleveId, o).ThenBy(l => l.PersonneId, o)],
            Staff = [.. snapshot.Staff.OrderBy(s => s.ExternalId, o)],
            Mefs = [.. snapshot.Mefs.OrderBy(m => m.Code, o)],
            Levels = [.. snapshot.Levels.OrderBy(l => l.Order).ThenBy(l => l.Code, o)],
            Structures = [.. snapshot.Structures.OrderBy(s => s.Type).ThenBy(s => s.Code, o)],
            Subjects = [.. snapshot.Subjects.OrderBy(s => s.Code, o)],
            Services = [.. snapshot.Services.Distinct().OrderBy(s => s.StaffExternalId, o).ThenBy(s => s.StructureCode, o).ThenBy(s => s.SubjectCode, o)],
            ProfsPrincipaux = [.. snapshot.ProfsPrincipaux.Distinct().OrderBy(p => p.StaffExternalId, o).ThenBy(p => p.ClassCode, o)],
        };
    }
}
