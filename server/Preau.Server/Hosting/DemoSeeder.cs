using Preau.Core.Directory;
using Preau.Demo;
using Preau.Demo.Exports;

namespace Preau.Server.Hosting;

/// <summary>Fills an empty data folder with the demo school the way a real school is filled: the
/// generated school is written as SIECLE and STSweb exports under <c>&lt;data&gt;/demo/</c>, and the
/// directory plugin imports them in process (the path of <c>preau import siecle &lt;files…&gt;</c>). Core adds
/// what no feed carries: the establishment's name, the fixed demo accounts (password "demo") before
/// the import, the rubriques after it.</summary>
public static class DemoSeeder
{
    /// <summary>The folder under the data folder that holds the demo's exports (<c>siecle/</c>,
    /// <c>sts/</c>) and the activation codes the import wrote (<c>activation-codes/</c>).</summary>
    public const string Folder = "demo";

    /// <summary>Where the demo's exports of a data folder are.</summary>
    public static string ExportsDirectory(string dataDirectory) => Path.Combine(dataDirectory, Folder);

    /// <summary>Seeds when the store holds no account; returns whether it did.</summary>
    /// <exception cref="DemoSeedException">The directory plugin is not active, or an import was refused;
    /// nothing is written when the plugin is missing.</exception>
    public static bool SeedIfEmpty(PreauRuntime runtime)
    {
        ArgumentNullException.ThrowIfNull(runtime);
        if (!runtime.Store.IsEmpty())
        {
            return false;
        }

        DemoImport.EnsureAvailable(runtime.Plugins);
        var school = DemoSchool.Generate();
        var folder = ExportsDirectory(runtime.DataDirectory);
        var files = DemoExports.Write(school, folder);
        DemoAccounts.Create(runtime.Directory, school);
        var codes = Path.Combine(folder, "activation-codes");
        // One import of the five files: one transaction for the whole school, all or nothing.
        DemoImport.Run(runtime.Plugins, files, codes);
        DemoRubriques.Add(runtime.Directory, school);
        return true;
    }

    /// <summary>Throws a clear error when the demo personas are missing (a data folder from elsewhere),
    /// or when the demo school's seeding stopped before its end.</summary>
    public static void EnsurePersonas(DirectoryService directory)
    {
        ArgumentNullException.ThrowIfNull(directory);
        var missing = DemoSchool.Personas.Where(p => directory.Find(p.Login) is null).Select(p => p.Login).ToArray();
        if (missing.Length > 0)
        {
            throw new DirectoryException($"this data folder is not the demo school (missing {string.Join(", ", missing)}); use an empty folder with --demo");
        }

        // The rubriques are seeded last: without them the import did not finish.
        if (directory.Graph.Data.Rubriques.Count == 0)
        {
            throw new DirectoryException("this data folder holds an unfinished demo school (its seeding stopped before the end); delete it and start again with --demo");
        }
    }
}
