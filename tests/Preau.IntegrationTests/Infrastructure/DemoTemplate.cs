using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;
using Preau.IntegrationTests.Infrastructure;
using Preau.Server.Hosting;

namespace Preau.IntegrationTests;

/// <summary>Seeds the demo school once per test run into a template folder, as <c>preau --demo</c> does
/// (its SIECLE and STSweb exports imported by the directory plugin, from <see cref="PluginsFolder"/>);
/// each test server starts from a copy, so tests never see each other's mail and seeding is paid once.</summary>
[SetUpFixture]
public sealed class DemoTemplate
{
    private static readonly string Root = Path.Combine(Path.GetTempPath(), "preau-tests-" + Environment.ProcessId);

    public static string Folder { get; private set; } = "";

    /// <summary>The plugins folder holding only the directory plugin (copied there by tests/DemoPlugins.targets).</summary>
    public static string PluginsFolder => Path.Combine(AppContext.BaseDirectory, "DemoPlugins");

    [OneTimeSetUp]
    public void Seed()
    {
        Folder = Path.Combine(Root, "template");
        var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage:DataDirectory"] = Folder,
            ["Mail:Domain"] = TestServer.Domain,
            ["Plugins:Directory"] = PluginsFolder,
        }).Build();
        using var runtime = PreauRuntime.Open(config, NullLoggerFactory.Instance);
        DemoSeeder.SeedIfEmpty(runtime);
    }

    [OneTimeTearDown]
    public void Clean()
    {
        if (System.IO.Directory.Exists(Root))
        {
            System.IO.Directory.Delete(Root, recursive: true);
        }
    }

    /// <summary>A fresh copy of the seeded folder.</summary>
    public static string NewDataFolder()
    {
        var target = Path.Combine(Root, Guid.NewGuid().ToString("N")[..12]);
        Copy(Folder, target);
        return target;
    }

    private static void Copy(string source, string target)
    {
        System.IO.Directory.CreateDirectory(target);
        foreach (var file in System.IO.Directory.GetFiles(source))
        {
            File.Copy(file, Path.Combine(target, Path.GetFileName(file)));
        }

        foreach (var dir in System.IO.Directory.GetDirectories(source))
        {
            Copy(dir, Path.Combine(target, Path.GetFileName(dir)));
        }
    }
}
