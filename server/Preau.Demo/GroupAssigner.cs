using Preau.Core.Graph;

namespace Preau.Demo;

/// <summary>Puts the pupils of 5e, 4e and 3e in their second-language group (Spanish by pair of
/// classes, or German across the level) and some of them in Latin. Persona pupils are placed by
/// <see cref="PersonaAccounts"/> and left alone here.</summary>
internal static class GroupAssigner
{
    private const double GermanRate = 0.2;
    private const double LatinRate = 0.2;

    public static void Assign(SchoolBuilder school)
    {
        foreach (var digit in DemoCatalog.GroupDigits)
        {
            for (var c = 0; c < DemoCatalog.Letters.Count; c++)
            {
                var classCode = digit + DemoCatalog.Letters[c];
                foreach (var pupil in school.PupilsByClass[classCode])
                {
                    if (school.PersonaLogins.Contains(pupil.Login))
                    {
                        continue;
                    }

                    var language = school.Random.NextDouble() < GermanRate
                        ? DemoCatalog.GermanGroup(digit)
                        : DemoCatalog.SpanishGroup(digit, DemoCatalog.SpanishGroupOf(c));
                    school.Memberships.Add(new StructureMembership(pupil.Id, language));
                    if (school.Random.NextDouble() < LatinRate)
                    {
                        school.Memberships.Add(new StructureMembership(pupil.Id, DemoCatalog.LatinGroup(digit)));
                    }
                }
            }
        }
    }
}
