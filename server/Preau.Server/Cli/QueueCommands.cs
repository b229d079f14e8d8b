using System.Globalization;
using System.Text.Json;
using Preau.Server.Hosting;

namespace Preau.Server.Cli;

/// <summary><c>preau queue list</c> and <c>preau audit list</c>.</summary>
internal static class QueueCommands
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    public static int List(PreauRuntime runtime, CliArgs args, TextWriter output)
    {
        var items = runtime.Store.GetAll();
        if (args.Flag("json"))
        {
            output.WriteLine(JsonSerializer.Serialize(items, Json));
            return 0;
        }

        foreach (var item in items)
        {
            output.WriteLine($"{item.Id}  from <{item.MailFrom}> to {string.Join(", ", item.Recipients)}");
            output.WriteLine($"    queued {item.Created:u}, {item.Attempts} attempts, next {item.NextAttempt:u}{(item.LastError is null ? "" : ", last error: " + item.LastError)}");
        }

        output.WriteLine($"{items.Count} messages waiting to leave the school");
        return 0;
    }

    public static int Audit(PreauRuntime runtime, CliArgs args, TextWriter output)
    {
        var max = 50;
        if (args.Option("max") is { } m && (!int.TryParse(m, NumberStyles.None, CultureInfo.InvariantCulture, out max) || max < 1))
        {
            throw new CliException($"--max takes a positive number, not '{m}'");
        }

        foreach (var entry in runtime.Store.Recent(max))
        {
            output.WriteLine($"{entry.At:u}  {entry.Actor,-20} {entry.Action,-22} {entry.Detail}");
        }

        return 0;
    }
}
