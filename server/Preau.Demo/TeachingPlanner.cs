using Preau.Core.Accounts;
using Preau.Core.Graph;

namespace Preau.Demo;

/// <summary>Gives every class a teacher in every class subject, every group its teacher, and every
/// class one professeur principal. Services the personas already hold are left as they are.</summary>
internal static class TeachingPlanner
{
    public static void Plan(SchoolBuilder school)
    {
        foreach (var (subject, _) in DemoCatalog.ClassSubjects)
        {
            var covered = school.Teachings.Where(t => t.SubjectCode == subject).Select(t => t.StructureCode).ToHashSet(StringComparer.Ordinal);
            var open = school.Shuffled(DemoCatalog.ClassCodes.Where(c => !covered.Contains(c)));
            Deal(school, subject, school.TeachersBySubject[subject], open);
        }

        // Spanish: one teacher per group number, across the levels; German: one teacher for all.
        var spanish = school.TeachersBySubject[DemoCatalog.Espagnol];
        var german = school.TeachersBySubject[DemoCatalog.Allemand][0];
        foreach (var digit in DemoCatalog.GroupDigits)
        {
            for (var n = 1; n <= DemoCatalog.SpanishGroupsPerLevel; n++)
            {
                Add(school, spanish[n - 1], DemoCatalog.Espagnol, DemoCatalog.SpanishGroup(digit, n));
            }

            Add(school, german, DemoCatalog.Allemand, DemoCatalog.GermanGroup(digit));
        }

        // Latin goes to the French teachers with the fewest classes, as their second subject.
        var french = school.TeachersBySubject[DemoCatalog.Francais]
            .OrderBy(t => school.Teachings.Count(s => s.TeacherId == t.Id))
            .ThenBy(t => t.Id, StringComparer.Ordinal)
            .ToList();
        Add(school, french[0], DemoCatalog.Latin, DemoCatalog.LatinGroup("5"));
        Add(school, french[0], DemoCatalog.Latin, DemoCatalog.LatinGroup("4"));
        Add(school, french[1], DemoCatalog.Latin, DemoCatalog.LatinGroup("3"));

        AssignProfsPrincipaux(school);
    }

    /// <summary>Splits the classes as evenly as possible among the teachers, in order.</summary>
    private static void Deal(SchoolBuilder school, string subject, List<Account> teachers, List<string> classes)
    {
        var next = 0;
        for (var i = 0; i < teachers.Count; i++)
        {
            var share = (classes.Count / teachers.Count) + (i < classes.Count % teachers.Count ? 1 : 0);
            foreach (var classCode in classes.GetRange(next, share).Order(StringComparer.Ordinal))
            {
                Add(school, teachers[i], subject, classCode);
            }

            next += share;
        }
    }

    /// <summary>One professeur principal per class, each teacher principal of one class at most
    /// when that is possible; persona teachers keep the classes they were given.</summary>
    private static void AssignProfsPrincipaux(SchoolBuilder school)
    {
        var teachings = school.Teachings;
        var principals = teachings.Where(t => t.ProfPrincipal).Select(t => t.TeacherId).ToHashSet(StringComparer.Ordinal);
        var personaIds = school.PersonaLogins.Select(l => school.Persona(l).Id).ToHashSet(StringComparer.Ordinal);
        foreach (var classCode in DemoCatalog.ClassCodes)
        {
            if (teachings.Any(t => t.ProfPrincipal && t.StructureCode == classCode))
            {
                continue;
            }

            var candidates = Enumerable.Range(0, teachings.Count)
                .Where(i => teachings[i].StructureCode == classCode && !personaIds.Contains(teachings[i].TeacherId))
                .ToList();
            var free = candidates.Where(i => !principals.Contains(teachings[i].TeacherId)).ToList();
            var chosen = school.Pick(free.Count > 0 ? free : candidates);
            teachings[chosen] = teachings[chosen] with { ProfPrincipal = true };
            principals.Add(teachings[chosen].TeacherId);
        }
    }

    private static void Add(SchoolBuilder school, Account teacher, string subject, string structureCode) =>
        school.Teachings.Add(new Teaching(teacher.Id, subject, structureCode));
}
