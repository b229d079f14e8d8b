using Microsoft.Extensions.Configuration;

namespace Preau.Server.Hosting;

/// <summary>The standard .NET configuration stack, in order of precedence (last wins):
/// <c>config/preau.json</c> shipped beside the executable, <c>config/preau.json</c> in the current
/// folder, the file named by <c>--config</c>, environment variables <c>PREAU_Section__Key</c>,
/// and command-line overrides <c>--Section:Key=value</c>.</summary>
public static class PreauConfiguration
{
    /// <summary>Splits the command line into configuration overrides and everything else (verbs and flags).</summary>
    public static (IConfigurationRoot Configuration, string[] Words) Build(string[] args, IDictionary<string, string?>? defaults = null)
    {
        ArgumentNullException.ThrowIfNull(args);
        var overrides = new List<string>();
        var rest = new List<string>();
        string? configFile = null;
        for (var i = 0; i < args.Length; i++)
        {
            var arg = args[i];
            if (arg == "--config" && i + 1 < args.Length)
            {
                configFile = args[++i];
            }
            else if (arg.StartsWith("--", StringComparison.Ordinal) && arg.Contains(':', StringComparison.Ordinal))
            {
                overrides.Add(arg);
                if (!arg.Contains('=', StringComparison.Ordinal) && i + 1 < args.Length)
                {
                    overrides.Add(args[++i]);
                }
            }
            else
            {
                rest.Add(arg);
            }
        }

        var builder = new ConfigurationBuilder()
            .AddInMemoryCollection(defaults ?? new Dictionary<string, string?>())
            .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "config", "preau.json"), optional: true)
            .AddJsonFile(Path.Combine(Environment.CurrentDirectory, "config", "preau.json"), optional: true);
        if (configFile is not null)
        {
            builder.AddJsonFile(Path.GetFullPath(configFile), optional: false);
        }

        builder.AddEnvironmentVariables("PREAU_").AddCommandLine(overrides.ToArray());
        return (builder.Build(), rest.ToArray());
    }
}
