using Preau.Plugins.Graph;

namespace Preau.Plugins.Directory.Tests.Search;

/// <summary>A small graph: classes 6A and 5B (level 6E, 5E), group ESP (of 5B); pupils p6a, p6a2,
/// p5b (in ESP); parents r6a (of p6a), r5b (of p5b); teachers tAng (ANGLAIS in 6A and 5B), tMath
/// (MATHS in 6A), tEsp (ESPAGNOL in ESP); staff cpe; admin adm; a departed teacher gone.</summary>
internal static class SearchGraph
{
    public static GraphSnapshot Build() => new()
    {
        Accounts =
        [
            Person("p6a", "Durand", "Élodie", AccountProfile.Eleve),
            Person("p6a2", "Martin", "Hugo", AccountProfile.Eleve),
            Person("p5b", "Petit", "Zoé", AccountProfile.Eleve),
            Person("r6a", "Durand", "Hélène", AccountProfile.Responsable),
            Person("r5b", "Petit", "Marc", AccountProfile.Responsable),
            Person("tAng", "Smith", "Jane", AccountProfile.Enseignant),
            Person("tMath", "Euler", "Léon", AccountProfile.Enseignant),
            Person("tEsp", "García", "Lucía", AccountProfile.Enseignant),
            Person("cpe", "Conseil", "Camille", AccountProfile.Personnel) with { Function = AccountFunction.Cpe },
            Person("adm", "Admin", "Ent", AccountProfile.AdministrateurEnt),
            Person("gone", "Parti", "Paul", AccountProfile.Enseignant) with { Status = AccountStatus.Left },
        ],
        Establishments = [new EstablishmentRecord("0990001Z", "Collège Test")],
        Levels = [new LevelRecord("6E", "6e", 1), new LevelRecord("5E", "5e", 2)],
        Structures =
        [
            new StructureRecord("6A", "6e A", StructureType.Class, "6E", []),
            new StructureRecord("5B", "5e B", StructureType.Class, "5E", []),
            new StructureRecord("ESP", "Espagnol 5e", StructureType.Group, null, ["5B"]),
        ],
        Subjects = [new SubjectRecord("ANG", "ANGLAIS LV1"), new SubjectRecord("MATH", "MATHEMATIQUES"), new SubjectRecord("ESP", "ESPAGNOL LV2")],
        Memberships = [new MembershipRecord("p6a", "6A"), new MembershipRecord("p6a2", "6A"), new MembershipRecord("p5b", "5B"), new MembershipRecord("p5b", "ESP")],
        ParentLinks = [new ParentLinkRecord("r6a", "p6a", 1), new ParentLinkRecord("r5b", "p5b", 1)],
        Teachings =
        [
            new TeachingRecord("tAng", "ANG", "6A"), new TeachingRecord("tAng", "ANG", "5B"),
            new TeachingRecord("tMath", "MATH", "6A", ProfPrincipal: true), new TeachingRecord("tEsp", "ESP", "ESP"),
        ],
    };

    private static AccountRecord Person(string id, string last, string first, AccountProfile profile) => new()
    {
        Id = id,
        Login = id.ToLowerInvariant(),
        LastName = last,
        FirstName = first,
        DisplayName = $"{first} {last}",
        Profile = profile,
        Status = AccountStatus.Active,
        Uai = "0990001Z",
    };
}
