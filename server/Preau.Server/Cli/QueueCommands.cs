using System.Text.Json;
using Preau.Server.Hosting;

namespace Preau.Server.Cli;

/// <summary><c>preau queue list</c>.</summary>
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
}
