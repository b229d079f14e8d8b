using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;
using Preau.Server.Hosting;

namespace Preau.PluginHost.Tests;

/// <summary>Seeds the demo school once per run; each test runtime starts from a copy.</summary>
[SetUpFixture]
public sealed class Template
{
    public static string Root { get; } = Path.Combine(Path.GetTempPath(), "preau-plugin-tests-" + Environment.ProcessId);

    public static string Folder => Path.Combine(Root, "template");

    [OneTimeSetUp]
    public void Seed()
    {
        var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage:DataDirectory"] = Folder,
            // The demo school is imported from its exports by the directory plugin (tests/DemoPlugins.targets).
            ["Plugins:Directory"] = Path.Combine(AppContext.BaseDirectory, "DemoPlugins"),
        }).Build();
        using var runtime = PreauRuntime.Open(config, NullLoggerFactory.Instance);
        DemoSeeder.SeedIfEmpty(runtime);
    }

    [OneTimeTearDown]
    public void Clean()
    {
        if (Directory.Exists(Root))
        {
            Directory.Delete(Root, recursive: true);
        }
    }
}
