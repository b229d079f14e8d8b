using Preau.Core.Accounts;
using Preau.Core.Graph;
using Preau.Core.Policy;

namespace Preau.Core.Tests;

/// <summary>A hand-made school small enough to read: two classes, a group, a rubrique, one of each profile.</summary>
internal static class TinySchool
{
    public const string Domain = "ecole.test";

    public static Account Make(string login, Profile profile, StaffFunction function = StaffFunction.None, AccountState state = AccountState.Active) => new()
    {
        Id = "id-" + login,
        Login = login,
        DisplayName = login,
        Profile = profile,
        Function = function,
        State = state,
        PasswordHash = "x",
        Uai = "0000001A",
    };

    public static GraphData Data { get; } = new()
    {
        Establishments = [new Establishment("0000001A", "Collège test")],
        Levels = [new Level("6E", "6e", 1), new Level("5E", "5e", 2)],
        Structures =
        [
            new Structure("6A", "6e A", StructureKind.Class, "6E", []),
            new Structure("5B", "5e B", StructureKind.Class, "5E", []),
            new Structure("LATIN", "Latin", StructureKind.Group, null, ["6A", "5B"]),
        ],
        Subjects = [new Subject("AGL1", "ANGLAIS LV1"), new Subject("MATH", "MATHEMATIQUES")],
        Rubriques = [new Rubrique("club-theatre", "Club théâtre", true), new Rubrique("secret", "Sans liste", false)],
        Accounts =
        [
            Make("eleve.6a", Profile.Eleve),
            Make("eleve2.6a", Profile.Eleve),
            Make("eleve.5b", Profile.Eleve),
            Make("latiniste.5b", Profile.Eleve),
            Make("parent.6a", Profile.Responsable),
            Make("parent.5b", Profile.Responsable),
            Make("prof.anglais", Profile.Enseignant),
            Make("prof.maths", Profile.Enseignant),
            Make("prof.latin", Profile.Enseignant),
            Make("cpe", Profile.Personnel, StaffFunction.Cpe),
            Make("agent", Profile.Personnel, StaffFunction.Agent),
            Make("suspendu.6a", Profile.Eleve, state: AccountState.Suspended),
        ],
        Memberships =
        [
            new("id-eleve.6a", "6A"), new("id-eleve2.6a", "6A"), new("id-suspendu.6a", "6A"),
            new("id-eleve.5b", "5B"), new("id-latiniste.5b", "5B"), new("id-latiniste.5b", "LATIN"), new("id-eleve2.6a", "LATIN"),
        ],
        ParentLinks = [new("id-parent.6a", "id-eleve.6a", 1), new("id-parent.5b", "id-eleve.5b", 1)],
        Teachings =
        [
            new("id-prof.anglais", "AGL1", "6A"), new("id-prof.anglais", "AGL1", "5B"),
            new("id-prof.maths", "MATH", "6A"),
            new("id-prof.latin", "LAT", "LATIN"),
        ],
        RubriqueMembers = [new("club-theatre", "id-eleve.6a"), new("club-theatre", "id-eleve.5b"), new("secret", "id-eleve2.6a"), new("secret", "id-latiniste.5b")],
    };

    public static EstablishmentGraph Graph { get; } = EstablishmentGraph.Build(Data);

    public static Account Get(string login) => Graph.FindByLogin(login) ?? throw new ArgumentException(login);

    public static SendingPolicy Policy(PolicyState? state = null, Func<string, string, bool>? grants = null) =>
        new(Domain, () => Graph, () => PolicySettings.Default, () => state ?? PolicyState.Default, grants ?? ((_, _) => false));
}
