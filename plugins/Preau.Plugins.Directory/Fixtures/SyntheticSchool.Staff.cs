using System.Globalization;
using Preau.Plugins.Directory.Model;
using Preau.Plugins.Directory.Sts;

namespace Preau.Plugins.Directory.Fixtures;

// The synthetic school's staff: teachers sharing the subjects' services, the other roles, professeurs principaux.
public static partial class SyntheticSchool
{
    private sealed partial class Builder
    {
        public void AddStaffAndServices()
        {
            var slots = SubjectSlots();
            var teacherCount = Math.Max(options.Staff - NonTeacherPlan().Sum(p => p.Count), slots.Count);
            foreach (var (role, count) in NonTeacherPlan())
            {
                for (var i = 0; i < count; i++)
                {
                    AddStaff(role, RoleGrade(role));
                }
            }

            var teachersPerSubject = Share(slots, teacherCount);
            var first = true;
            foreach (var (subject, structures) in slots)
            {
                var teachers = new List<ImportedStaff>();
                for (var i = 0; i < teachersPerSubject[subject]; i++)
                {
                    teachers.Add(AddStaff(null, random.NextDouble() < 0.2 ? "AGREGE" : "CERTIFIE", first ? ("Jean-Noël", "D'AUBIGNÉ") : null));
                    first = false;
                }

                for (var s = 0; s < structures.Count; s++)
                {
                    var teacher = teachers[s * teachers.Count / structures.Count];
                    var type = _groups.Any(g => g.Code == structures[s]) ? StructureType.Group : StructureType.Class;
                    _services.Add(new ImportedService(teacher.ExternalId, subject, structures[s], type));
                }
            }

            var principals = new HashSet<string>(StringComparer.Ordinal);
            foreach (var (code, _, _, _, _) in _classes)
            {
                var candidates = _services.Where(s => s.StructureCode == code).Select(s => s.StaffExternalId).Distinct().ToList();
                var free = candidates.Where(c => !principals.Contains(c)).ToList();
                var chosen = Pick(free.Count > 0 ? free : candidates);
                principals.Add(chosen);
                _principals.Add(new ImportedProfPrincipal(chosen, code));
            }
        }

        /// <summary>Every (subject, class or group) that needs a teacher, by subject in catalogue order.</summary>
        private List<(string Subject, List<string> Structures)> SubjectSlots()
        {
            var slots = new List<(string Subject, List<string> Structures)>();
            foreach (var subject in SchoolCatalog.Subjects.Select(s => s.Code))
            {
                var structures = _classes.Where(c => _levels[c.Level].ClassSubjects.Contains(subject)).Select(c => c.Code)
                    .Concat(_groups.Where(g => g.Subject == subject).Select(g => g.Code))
                    .ToList();
                if (structures.Count > 0)
                {
                    slots.Add((subject, structures));
                }
            }

            return slots;
        }

        /// <summary>Teachers per subject, in proportion to its classes and groups, at least one each.</summary>
        private static Dictionary<string, int> Share(List<(string Subject, List<string> Structures)> slots, int teachers)
        {
            var total = slots.Sum(s => s.Structures.Count);
            var counts = slots.ToDictionary(s => s.Subject, s => Math.Max(1, (int)Math.Round((double)teachers * s.Structures.Count / total)), StringComparer.Ordinal);
            while (counts.Values.Sum() > teachers)
            {
                var most = slots.Where(s => counts[s.Subject] > 1).MaxBy(s => counts[s.Subject]).Subject;
                counts[most]--;
            }

            while (counts.Values.Sum() < teachers)
            {
                var busiest = slots.MaxBy(s => (double)s.Structures.Count / counts[s.Subject]).Subject;
                counts[busiest]++;
            }

            return counts;
        }

        private List<(StaffRole Role, int Count)> NonTeacherPlan()
        {
            var n = options.Staff;
            List<(StaffRole Role, int Count)> plan =
            [
                (StaffRole.Direction, Math.Max(2, n / 50)),
                (StaffRole.Cpe, Math.Max(1, n / 50)),
                (StaffRole.VieScolaire, Math.Max(2, n / 15)),
                (StaffRole.Documentaliste, Math.Max(1, n / 100)),
                (StaffRole.PsyEn, 1),
                (StaffRole.AssistantSocial, 1),
                (StaffRole.Infirmier, 1),
                (StaffRole.Secretariat, Math.Max(2, n / 50)),
            ];
            plan.Add((StaffRole.Agent, Math.Max(0, (n / 5) - plan.Sum(p => p.Count))));
            return plan;
        }

        private static string RoleGrade(StaffRole role) => role switch
        {
            StaffRole.Direction => "PERDIR",
            StaffRole.Cpe => "CPE",
            StaffRole.VieScolaire => "ASSISTANT D'EDUCATION",
            StaffRole.Documentaliste => "CERTIFIE DOC",
            StaffRole.PsyEn => "PSYEN EDO",
            StaffRole.AssistantSocial => "ASS. SERVICE SOCIAL",
            StaffRole.Infirmier => "INFIRMIER",
            StaffRole.Secretariat => "ADJAENES",
            _ => "ATEE",
        };

        /// <summary>A member of staff (<paramref name="role"/>) or a teacher (null). One in forty is
        /// an STS « local » individual, numbered from 10001 like the national ones.</summary>
        private ImportedStaff AddStaff(StaffRole? role, string grade, (string First, string Last)? name = null)
        {
            var k = _staff.Count;
            var local = k % 40 == 39;
            var id = local ? Id(10_001 + (k / 40)) : Id(10_001 + k);
            var woman = random.Next(2) == 0;
            var first = name?.First ?? Pick(woman ? FixtureNames.Women : FixtureNames.Men);
            var last = name?.Last ?? Pick(FixtureNames.Last);
            var code = role is { } r ? StsFunctions.CodeOf(PersonKind.Personnel, r) : "ENS";
            var (kind, mapped) = StsFunctions.Map(code, grade);
            var staff = new ImportedStaff(id, local ? "local" : "epp", last, first, code, grade, kind, mapped);
            _staff.Add(staff);
            return staff;
        }
    }
}
