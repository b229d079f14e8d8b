using Preau.Core.Accounts;
using Preau.Core.Auth;
using Preau.Core.Directory;
using Preau.Core.Graph;
using Preau.Demo;

namespace Preau.Server.Hosting;

/// <summary>What Core creates before the demo's exports are imported: the establishment (the
/// exports name only its UAI) and the fixed demo accounts, with their logins, ids and the password
/// "demo". Personas that the feeds carry (a pupil, a teacher…) are matched by the importer through
/// their national id, so they keep their login and get their classes, children and services from
/// the files; the others (admin, principal.admin, dane) are in no feed.</summary>
internal static class DemoAccounts
{
    public static void Create(DirectoryService directory, GraphData school)
    {
        var personas = DemoSchool.Personas.Select(p => p.Login).ToHashSet(StringComparer.Ordinal);
        // Argon2id costs tens of milliseconds a hash: the twelve are computed on every core.
        var accounts = school.Accounts
            .Where(a => personas.Contains(a.Login) || a.ExternalId is null)
            .AsParallel().AsOrdered()
            .Select(a => personas.Contains(a.Login)
                ? a with { State = AccountState.Active, PasswordHash = PasswordHasher.Default.Hash(DemoSchool.Password) }
                : a)
            .ToArray();
        directory.Import(new GraphData { Establishments = school.Establishments, Accounts = accounts }, DemoImport.Actor);
    }
}
