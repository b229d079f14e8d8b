using Preau.Core.Accounts;
using Preau.Core.Auth;
using Preau.Core.Directory;
using Preau.Demo;

namespace Preau.Server.Hosting;

/// <summary>Fills an empty data folder with the demo school; the fixed personas get the password "demo".</summary>
public static class DemoSeeder
{
    /// <summary>Seeds when the store holds no account; returns whether it did.</summary>
    public static bool SeedIfEmpty(PreauRuntime runtime)
    {
        ArgumentNullException.ThrowIfNull(runtime);
        if (!runtime.Store.IsEmpty())
        {
            return false;
        }

        var data = DemoSchool.Generate();
        var personas = DemoSchool.Personas.Select(p => p.Login).ToHashSet(StringComparer.Ordinal);
        data = data with
        {
            Accounts = data.Accounts
                .Select(a => personas.Contains(a.Login) ? a with { PasswordHash = PasswordHasher.Default.Hash(DemoSchool.Password), State = AccountState.Active } : a)
                .ToArray(),
        };
        runtime.Directory.Import(data, "demo");
        return true;
    }

    /// <summary>Throws a clear error when the demo personas are missing (a data folder from elsewhere).</summary>
    public static void EnsurePersonas(DirectoryService directory)
    {
        ArgumentNullException.ThrowIfNull(directory);
        var missing = DemoSchool.Personas.Where(p => directory.Find(p.Login) is null).Select(p => p.Login).ToArray();
        if (missing.Length > 0)
        {
            throw new DirectoryException($"this data folder is not the demo school (missing {string.Join(", ", missing)}); use an empty folder with --demo");
        }
    }
}
