using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;
using Preau.Server.Hosting;

namespace Preau.PluginHost.Tests.Infrastructure;

/// <summary>A runtime (no listeners) over a copy of the demo school and its own plugins folder.</summary>
internal sealed class TestRuntime : IDisposable
{
    private readonly Dictionary<string, string?> _settings;

    private TestRuntime(string folder, Dictionary<string, string?> settings)
    {
        Folder = folder;
        _settings = settings;
        Runtime = Open();
    }

    public string Folder { get; }

    public string PluginsDirectory => _settings["Plugins:Directory"]!;

    public PreauRuntime Runtime { get; private set; }

    public PluginManager Plugins => Runtime.Plugins;

    /// <summary>A runtime whose plugins folder holds copies of the given test plugins.</summary>
    public static TestRuntime Start(IEnumerable<string> plugins, Dictionary<string, string?>? settings = null)
    {
        var folder = Path.Combine(Template.Root, Guid.NewGuid().ToString("N")[..12]);
        Copy(Template.Folder, Path.Combine(folder, "data"));
        var all = new Dictionary<string, string?>
        {
            ["Storage:DataDirectory"] = Path.Combine(folder, "data"),
            ["Plugins:Directory"] = Path.Combine(folder, "plugins"),
            ["Plugins:DrainTimeout"] = "00:00:05",
        };
        foreach (var (key, value) in settings ?? [])
        {
            all[key] = value;
        }

        Directory.CreateDirectory(all["Plugins:Directory"]!);
        foreach (var plugin in plugins)
        {
            TestPlugins.Install(all["Plugins:Directory"]!, plugin);
        }

        return new TestRuntime(folder, all);
    }

    /// <summary>Closes and opens the runtime again on the same folders (a restart).</summary>
    public void Restart()
    {
        Runtime.Dispose();
        Runtime = Open();
    }

    public void Dispose()
    {
        Runtime.Dispose();
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // Removed with the run's root folder.
        }
    }

    private PreauRuntime Open() =>
        PreauRuntime.Open(new ConfigurationBuilder().AddInMemoryCollection(_settings).Build(), NullLoggerFactory.Instance);

    private static void Copy(string source, string target)
    {
        Directory.CreateDirectory(target);
        foreach (var file in Directory.GetFiles(source))
        {
            File.Copy(file, Path.Combine(target, Path.GetFileName(file)));
        }

        foreach (var dir in Directory.GetDirectories(source))
        {
            Copy(dir, Path.Combine(target, Path.GetFileName(dir)));
        }
    }
}
