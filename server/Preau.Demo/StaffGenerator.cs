using Preau.Core.Accounts;

namespace Preau.Demo;

/// <summary>Generates the members of staff and the teachers (their services come later, from
/// <see cref="TeachingPlanner"/>).</summary>
internal static class StaffGenerator
{
    /// <summary>Staff besides the personas principal and cpe: the principal-adjoint, a second CPE…</summary>
    private static readonly (StaffFunction Function, int Count)[] Staff =
    [
        (StaffFunction.Direction, 1),
        (StaffFunction.Cpe, 1),
        (StaffFunction.VieScolaire, 3),
        (StaffFunction.Documentaliste, 1),
        (StaffFunction.PsyEn, 1),
        (StaffFunction.AssistantSocial, 1),
        (StaffFunction.Infirmier, 1),
        (StaffFunction.Secretariat, 2),
        (StaffFunction.Agent, 2),
    ];

    public static void AddStaff(SchoolBuilder school)
    {
        foreach (var (function, count) in Staff)
        {
            for (var i = 0; i < count; i++)
            {
                AddAdult(school, Profile.Personnel, function);
            }
        }
    }

    public static void AddTeachers(SchoolBuilder school)
    {
        foreach (var (subject, count) in DemoCatalog.ClassSubjects.Concat(DemoCatalog.GroupSubjects))
        {
            var teachers = new List<Account>(count);
            for (var i = 0; i < count; i++)
            {
                teachers.Add(AddAdult(school, Profile.Enseignant, StaffFunction.None));
            }

            school.TeachersBySubject.Add(subject, teachers);
        }
    }

    private static Account AddAdult(SchoolBuilder school, Profile profile, StaffFunction function) =>
        school.AddPerson(
            school.Pick(DemoNames.Adults), school.Pick(DemoNames.Last), profile, function, school.NextStsId());
}
