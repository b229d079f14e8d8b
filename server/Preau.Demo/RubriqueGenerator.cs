using Preau.Core.Graph;

namespace Preau.Demo;

/// <summary>Two rubriques: the theatre club (diffusion list on: pupils of several classes and one
/// teacher) and the conseil pédagogique (diffusion list off: one teacher per class subject).
/// Personas are in neither.</summary>
internal static class RubriqueGenerator
{
    public const string ClubTheatre = "club-theatre";
    public const string ConseilPedagogique = "conseil-pedagogique";

    private const int ClubClasses = 8;

    public static void Add(SchoolBuilder school)
    {
        school.Rubriques.Add(new Rubrique(ClubTheatre, "Club théâtre", DiffusionList: true));
        school.Rubriques.Add(new Rubrique(ConseilPedagogique, "Conseil pédagogique", DiffusionList: false));

        var clubClasses = school.Shuffled(DemoCatalog.ClassCodes).Take(ClubClasses).Order(StringComparer.Ordinal);
        foreach (var classCode in clubClasses)
        {
            var pupils = school.PupilsByClass[classCode].Where(p => !school.PersonaLogins.Contains(p.Login)).ToList();
            foreach (var pupil in school.Shuffled(pupils).Take(1 + school.Random.Next(2)))
            {
                school.RubriqueMembers.Add(new RubriqueMembership(ClubTheatre, pupil.Id));
            }
        }

        school.RubriqueMembers.Add(new RubriqueMembership(ClubTheatre, school.TeachersBySubject[DemoCatalog.Francais][^1].Id));

        foreach (var (subject, _) in DemoCatalog.ClassSubjects)
        {
            school.RubriqueMembers.Add(new RubriqueMembership(ConseilPedagogique, school.TeachersBySubject[subject][0].Id));
        }
    }
}
