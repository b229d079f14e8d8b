using System.Text.Json;
using System.Text.Json.Serialization;
using Preau.PluginHost;
using Preau.Server.Hosting;

namespace Preau.Server.Cli;

/// <summary><c>preau plugin …</c>: run through the admin socket, they change the running server at once.</summary>
internal static class PluginCommands
{
    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    public static int List(PreauRuntime runtime, CliArgs args, TextWriter output)
    {
        var plugins = runtime.Plugins.List();
        if (args.Flag("json"))
        {
            output.WriteLine(JsonSerializer.Serialize(plugins, Json));
            return 0;
        }

        output.WriteLine($"{"ID",-32} {"VERSION",-10} {"STATE",-13} NAME");
        foreach (var p in plugins)
        {
            output.WriteLine($"{p.Id,-32} {p.Version,-10} {p.Status.ToString().ToLowerInvariant(),-13} {p.Name}");
            if (p.Reason is not null)
            {
                output.WriteLine($"{"",-32} reason: {p.Reason}");
            }

            if (p.Contributions is { } c)
            {
                var parts = new List<string>();
                Add(parts, "services", c.Services);
                Add(parts, "verbs", c.Verbs);
                Add(parts, "jobs", c.Jobs);
                Add(parts, "hooks", c.Hooks);
                Add(parts, "routes", c.Routes);
                if (c.RecipientLists > 0)
                {
                    parts.Add($"{c.RecipientLists} recipient list(s)");
                }

                if (c.DeliveryListeners > 0)
                {
                    parts.Add($"{c.DeliveryListeners} delivery listener(s)");
                }

                if (c.Webmail is { } module)
                {
                    parts.Add($"webmail module \"{module.Label}\"");
                }

                foreach (var part in parts)
                {
                    output.WriteLine($"{"",-32} {part}");
                }
            }
        }

        output.WriteLine($"{plugins.Count} plugins in {runtime.Plugins.Directory}");
        return 0;
    }

    public static int Enable(PreauRuntime runtime, CliArgs args, TextWriter output)
    {
        var info = runtime.Plugins.EnableAsync(args.Required(0, "plugin id"), CliApp.Actor).GetAwaiter().GetResult();
        return Report(info, output, PluginStatus.Active);
    }

    public static int Disable(PreauRuntime runtime, CliArgs args, TextWriter output)
    {
        var info = runtime.Plugins.DisableAsync(args.Required(0, "plugin id"), CliApp.Actor).GetAwaiter().GetResult();
        return Report(info, output, PluginStatus.Disabled);
    }

    public static int Install(PreauRuntime runtime, CliArgs args, TextWriter output)
    {
        var before = runtime.Plugins.List().ToDictionary(p => p.Id, p => p.Version, StringComparer.OrdinalIgnoreCase);
        var info = runtime.Plugins.InstallAsync(args.Required(0, "plugin folder or zip file"), CliApp.Actor).GetAwaiter().GetResult();
        output.Write(before.TryGetValue(info.Id, out var was) ? $"upgraded {info.Id} {was} → {info.Version}: " : $"installed {info.Id} {info.Version}: ");
        return Report(info, output, info.Status == PluginStatus.Disabled ? PluginStatus.Disabled : PluginStatus.Active, withId: false);
    }

    public static int Remove(PreauRuntime runtime, CliArgs args, TextWriter output)
    {
        var purge = args.Flag("purge");
        var info = runtime.Plugins.RemoveAsync(args.Required(0, "plugin id"), CliApp.Actor, purge).GetAwaiter().GetResult();
        output.WriteLine($"removed {info.Id} {info.Version}{(purge ? " and its stored data" : " (its stored data is kept; --purge deletes it)")}");
        return 0;
    }

    private static int Report(PluginInfo info, TextWriter output, PluginStatus wanted, bool withId = true)
    {
        var state = info.Status.ToString().ToLowerInvariant();
        output.WriteLine($"{(withId ? info.Id + " " + info.Version + ": " : "")}{state}{(info.Reason is null ? "" : $" ({info.Reason})")}");
        return info.Status == wanted ? 0 : 1;
    }

    private static void Add(List<string> parts, string what, IReadOnlyList<string> items)
    {
        if (items.Count > 0)
        {
            parts.Add($"{what}: {string.Join(", ", items)}");
        }
    }
}
