using Preau.Plugins.Directory.Model;

namespace Preau.Plugins.Directory.Planning;

/// <summary>Memberships, responsable links and teachings: the pairs the files want against the pairs
/// the import owns now. A pair is owned when its people are managed accounts and its structure is of
/// a type the import may change; pairs on a structure the plan removes go with it, owned or not.</summary>
internal sealed class RelationPlanner(
    ImportSnapshot snapshot, DirectoryState state, PlanOptions options, PeoplePlanner people, CatalogPlanner catalog, List<ImportWarning> warnings)
{
    public RelationChanges<MembershipRecord> Memberships { get; private set; } = RelationChanges<MembershipRecord>.None;

    public RelationChanges<ParentLinkRecord> ParentLinks { get; private set; } = RelationChanges<ParentLinkRecord>.None;

    public RelationChanges<TeachingRecord> Teachings { get; private set; } = RelationChanges<TeachingRecord>.None;

    public void Plan()
    {
        var siecle = (snapshot.Scope & ImportScope.Siecle) != 0;
        var sts = (snapshot.Scope & ImportScope.Sts) != 0;

        Memberships = Diff(
            state.Memberships,
            siecle ? DesiredMemberships() : null,
            m => people.ManagedPupils.Contains(m.AccountId) && catalog.AnyType(m.StructureCode) is { } t && catalog.Owns(t),
            m => m.StructureCode);
        ParentLinks = Diff(
            state.ParentLinks,
            siecle ? DesiredLinks() : null,
            l => people.ManagedResponsables.Contains(l.ParentId) && people.ManagedPupils.Contains(l.PupilId),
            _ => null);
        Teachings = Diff(
            state.Teachings,
            sts ? DesiredTeachings() : null,
            t => people.ManagedStaff.Contains(t.TeacherId) && catalog.AnyType(t.StructureCode) is { } type && catalog.Owns(type),
            t => t.StructureCode);
    }

    private IEnumerable<MembershipRecord> DesiredMemberships()
    {
        foreach (var pupil in snapshot.Pupils)
        {
            var id = people.PupilIds[pupil.EleveId];
            if (pupil.ClassCode is { } classCode && catalog.FinalType(classCode) == StructureType.Class)
            {
                yield return new MembershipRecord(id, classCode);
            }

            if (!catalog.Owns(StructureType.Group))
            {
                continue;
            }

            foreach (var group in pupil.GroupCodes.Where(g => catalog.FinalType(g) == StructureType.Group))
            {
                yield return new MembershipRecord(id, group);
            }
        }
    }

    private IEnumerable<ParentLinkRecord> DesiredLinks() =>
        people.IncludedLinks.Select(l => new ParentLinkRecord(people.ResponsableIds[l.PersonneId], people.PupilIds[l.EleveId], l.LegalLevel));

    private List<TeachingRecord> DesiredTeachings()
    {
        var principals = snapshot.ProfsPrincipaux
            .Select(p => (Teacher: people.StaffIds[p.StaffExternalId], p.ClassCode))
            .ToHashSet();
        var teachings = new List<TeachingRecord>();
        var unknown = new SortedSet<string>(StringComparer.Ordinal);
        var onGroups = 0;
        foreach (var service in snapshot.Services)
        {
            var teacher = people.StaffIds[service.StaffExternalId];
            var type = catalog.FinalType(service.StructureCode);
            if (!catalog.Owns(service.StructureType) || (type is { } t && !catalog.Owns(t)))
            {
                onGroups++;
                continue;
            }

            if (type is null)
            {
                unknown.Add(service.StructureCode);
                continue;
            }

            teachings.Add(new TeachingRecord(teacher, service.SubjectCode, service.StructureCode, principals.Contains((teacher, service.StructureCode))));
        }

        var covered = teachings.Select(t => (t.TeacherId, t.StructureCode)).ToHashSet();
        foreach (var (teacher, classCode) in principals.Where(p => !covered.Contains(p)).OrderBy(p => p.Teacher, StringComparer.Ordinal).ThenBy(p => p.ClassCode, StringComparer.Ordinal))
        {
            if (catalog.FinalType(classCode) == StructureType.Class)
            {
                teachings.Add(new TeachingRecord(teacher, "", classCode, ProfPrincipal: true));
            }
            else
            {
                unknown.Add(classCode);
            }
        }

        if (unknown.Count > 0)
        {
            warnings.Add(new ImportWarning("", "", $"services STSweb sur des classes ou groupes absents de l'annuaire, ignorés : {string.Join(", ", unknown)}"));
        }

        if (onGroups > 0)
        {
            warnings.Add(new ImportWarning("", "", $"{onGroups} service(s) STSweb sur des groupes ignorés : les groupes sont gérés par EDT cette année ({options.GroupFeeding})"));
        }

        return teachings;
    }

    /// <summary>Added: wanted and not there. Removed: owned and not wanted, plus anything on a removed structure.</summary>
    private RelationChanges<T> Diff<T>(
        IReadOnlyList<T> current, IEnumerable<T>? desired, Func<T, bool> owned, Func<T, string?> structureOf)
        where T : notnull
    {
        var now = current.ToHashSet();
        var removed = new List<T>();
        var seen = new HashSet<T>();
        var wantedList = desired?.Distinct().ToList();
        var wanted = wantedList?.ToHashSet();
        foreach (var item in current)
        {
            if (!seen.Add(item))
            {
                continue;
            }

            var onRemoved = structureOf(item) is { } code && catalog.RemovedCodes.Contains(code);
            if (onRemoved || (wanted is not null && owned(item) && !wanted.Contains(item)))
            {
                removed.Add(item);
            }
        }

        var added = wantedList is null ? [] : wantedList.Where(w => !now.Contains(w)).ToList();
        return new RelationChanges<T>(added, removed);
    }
}
