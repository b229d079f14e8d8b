using Preau.Core.Accounts;
using Preau.Core.Graph;

namespace Preau.Demo;

/// <summary>Generates the pupils (25 per class, personas included) and their responsables: one or
/// two legal responsables per family, a few families with two children in different classes.</summary>
internal static class FamilyGenerator
{
    public const int PupilsPerClass = 25;

    /// <summary>Chance that a family has a second child in the collège.</summary>
    private const double SiblingRate = 0.07;

    /// <summary>Chance that a family has a second legal responsable.</summary>
    private const double TwoParentRate = 0.85;

    /// <summary>Chance that the mother keeps a family name of her own.</summary>
    private const double OwnNameRate = 0.3;

    public static void Add(SchoolBuilder school)
    {
        var families = PlanFamilies(school);

        // eleve2.6a is a persona but has an ordinary family.
        var eleve26A = school.Persona(PersonaAccounts.Eleve26A);
        families.Add(new Family(school.Pick(DemoNames.Last), [], eleve26A));

        var children = new List<(Family Family, Child Child)>();
        foreach (var family in families)
        {
            children.AddRange(family.Children.Select(c => (family, c)));
        }

        // Pupils are created class by class, then by name, so ids read in class order.
        foreach (var (family, child) in children
            .OrderBy(c => c.Child.ClassCode, StringComparer.Ordinal)
            .ThenBy(c => c.Family.LastName, StringComparer.Ordinal)
            .ThenBy(c => c.Child.FirstName, StringComparer.Ordinal))
        {
            var pupil = school.AddPerson(child.FirstName, family.LastName, Profile.Eleve, StaffFunction.None, school.NextIne());
            school.Enrol(pupil, child.ClassCode);
            family.Pupils.Add(pupil);
        }

        foreach (var family in families)
        {
            AddParents(school, family);
        }
    }

    /// <summary>Fills every class up to <see cref="PupilsPerClass"/>: the free seats are shuffled and
    /// handed to families, a sibling taking the next seat in another class.</summary>
    private static List<Family> PlanFamilies(SchoolBuilder school)
    {
        var seats = school.Shuffled(DemoCatalog.ClassCodes
            .SelectMany(c => Enumerable.Repeat(c, PupilsPerClass - school.PupilsByClass[c].Count)));
        var families = new List<Family>();
        for (var i = 0; i < seats.Count; i++)
        {
            var family = new Family(school.Pick(DemoNames.Last), [new Child(school.Pick(DemoNames.Children), seats[i])], null);
            families.Add(family);
            if (school.Random.NextDouble() >= SiblingRate)
            {
                continue;
            }

            var other = seats.FindIndex(i + 1, s => !string.Equals(s, seats[i], StringComparison.Ordinal));
            if (other < 0)
            {
                continue;
            }

            // Bring the sibling's seat forward so that it is not handed out again.
            (seats[i + 1], seats[other]) = (seats[other], seats[i + 1]);
            i++;
            var firstName = school.Pick(DemoNames.Children);
            while (firstName == family.Children[0].FirstName)
            {
                firstName = school.Pick(DemoNames.Children);
            }

            family.Children.Add(new Child(firstName, seats[i]));
        }

        return families;
    }

    private static void AddParents(SchoolBuilder school, Family family)
    {
        var twoParents = school.Random.NextDouble() < TwoParentRate;
        var motherName = school.Random.NextDouble() < OwnNameRate ? school.Pick(DemoNames.Last) : family.LastName;
        var first = twoParents || school.Random.Next(2) == 0
            ? Parent(school, school.Pick(DemoNames.Women), motherName)
            : Parent(school, school.Pick(DemoNames.Men), family.LastName);
        Link(school, family, first, 1);
        if (twoParents)
        {
            Link(school, family, Parent(school, school.Pick(DemoNames.Men), family.LastName), 2);
        }
    }

    private static Account Parent(SchoolBuilder school, string firstName, string lastName) =>
        school.AddPerson(firstName, lastName, Profile.Responsable, StaffFunction.None, school.NextResponsableId());

    private static void Link(SchoolBuilder school, Family family, Account parent, int legalLevel)
    {
        foreach (var pupil in family.Pupils)
        {
            school.ParentLinks.Add(new ParentLink(parent.Id, pupil.Id, legalLevel));
        }
    }

    private sealed record Child(string FirstName, string ClassCode);

    private sealed class Family(string lastName, List<Child> children, Account? existingPupil)
    {
        public string LastName { get; } = lastName;

        public List<Child> Children { get; } = children;

        public List<Account> Pupils { get; } = existingPupil is null ? [] : [existingPupil];
    }
}
