using Preau.Core.Graph;

namespace Preau.Demo;

/// <summary>A synthetic collège, generated deterministically: the same ids, names and relations on
/// every run. Nothing in it is real personal data.</summary>
/// <remarks>
/// Generated accounts are <see cref="Preau.Core.Accounts.AccountState.NotActivated"/> with no
/// password, as an ENT import leaves them. The <see cref="Personas"/> are
/// <see cref="Preau.Core.Accounts.AccountState.Active"/> but are returned without a password too:
/// the caller hashes <see cref="Password"/> for each of their logins.
/// </remarks>
public static class DemoSchool
{
    /// <summary>UAI of the demo establishment.</summary>
    public const string Uai = "0519999Z";

    /// <summary>The password the caller gives to every persona.</summary>
    public const string Password = "demo";

    /// <summary>The seed of the generator; changing it changes every generated name and relation.</summary>
    internal const int Seed = 20260901;

    /// <summary>The fixed accounts, in the order a banner lists them.</summary>
    public static IReadOnlyList<DemoPersona> Personas { get; } = PersonaAccounts.All;

    /// <summary>Generates the whole establishment graph: accounts, structures, subjects,
    /// memberships, parent links, teaching services and rubriques.</summary>
    public static GraphData Generate()
    {
        var school = new SchoolBuilder(new Random(Seed));
        PersonaAccounts.Add(school);
        StaffGenerator.AddStaff(school);
        StaffGenerator.AddTeachers(school);
        FamilyGenerator.Add(school);
        GroupAssigner.Assign(school);
        TeachingPlanner.Plan(school);
        RubriqueGenerator.Add(school);
        return school.Build();
    }
}
