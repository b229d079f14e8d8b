using Preau.PluginHost;

namespace Preau.Server.Hosting;

/// <summary>Runs the directory plugin's import verb in process, exactly as <c>preau import siecle …</c>
/// does from a terminal: the demo school is built by the same importer as a real school's exports.</summary>
internal static class DemoImport
{
    /// <summary>The plugin that imports SIECLE and STSweb.</summary>
    public const string PluginId = "Preau.Plugins.Directory";

    /// <summary>Who the audit log names for the demo's imports.</summary>
    public const string Actor = "demo";

    /// <summary>Throws a <see cref="DemoSeedException"/> saying what to do unless the directory
    /// plugin is active with its import verb.</summary>
    public static void EnsureAvailable(PluginManager plugins)
    {
        var info = plugins.Find(PluginId);
        var reason = info switch
        {
            null => $"the directory plugin {PluginId} is not installed in {plugins.Directory} (build the server with its plugins, or point Plugins:Directory at the folder holding it)",
            { Status: PluginStatus.Disabled } => $"the directory plugin {PluginId} is disabled: enable it with `preau plugin enable {PluginId}`",
            { Status: PluginStatus.Active } => null,
            _ => $"the directory plugin {PluginId} is {info.Status.ToString().ToLowerInvariant()}: {info.Reason}",
        };
        if (reason is null && !plugins.HasVerb(["import", "siecle"]))
        {
            reason = $"the directory plugin {PluginId} {info!.Version} has no `import siecle` verb";
        }

        if (reason is not null)
        {
            throw new DemoSeedException($"--demo builds the demo school by importing its SIECLE and STSweb exports, but {reason}");
        }
    }

    /// <summary>Runs <c>import siecle &lt;files…&gt; --codes &lt;folder&gt;</c> (the SIECLE files and, in the
    /// same import, the STSweb one); returns the plugin's report, or throws with it when the import
    /// was not applied.</summary>
    public static string Run(PluginManager plugins, IReadOnlyList<string> files, string codesDirectory)
    {
        using var output = new StringWriter();
        string[] words = ["import", "siecle", .. files, "--codes", codesDirectory];
        var exit = plugins.RunVerbAsync(words, output, Actor).GetAwaiter().GetResult();
        var report = output.ToString();
        return exit == 0
            ? report
            : throw new DemoSeedException(
                $"the import of the demo's SIECLE and STSweb exports failed ({(exit is null ? "no such verb" : $"exit {exit}")}), nothing of it was applied; "
                + $"delete the data folder before starting again with --demo:{Environment.NewLine}{report}");
    }
}
