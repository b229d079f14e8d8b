using System.Text.Json;
using Preau.Server.Hosting;

namespace Preau.Server.Cli;

/// <summary><c>preau held …</c>: the messages a plugin's submission hook held for review.</summary>
internal static class HeldCommands
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    public static int List(PreauRuntime runtime, CliArgs args, TextWriter output)
    {
        var held = runtime.Held.List();
        if (args.Flag("json"))
        {
            output.WriteLine(JsonSerializer.Serialize(held, Json));
            return 0;
        }

        var graph = runtime.Directory.Graph;
        foreach (var m in held)
        {
            var sender = m.SenderId is null ? m.MailFrom : graph.FindById(m.SenderId)?.Login ?? m.MailFrom;
            output.WriteLine($"{m.Id}  {m.HeldAt:u}  from {sender} to {m.LocalAccountIds.Count + m.External.Count} recipients, {m.Size} octets");
            output.WriteLine($"    subject: {m.Subject}");
            output.WriteLine($"    held by {m.Hook}: {m.Reason}");
        }

        output.WriteLine($"{held.Count} held messages");
        return 0;
    }

    public static int Release(PreauRuntime runtime, CliArgs args, TextWriter output)
    {
        var id = args.Required(0, "held message id");
        var result = runtime.Held.ReleaseAsync(id, CliApp.Actor).GetAwaiter().GetResult();
        output.WriteLine($"released {id}: delivered to {result.Entries.Count} mailboxes{(result.RelayId is null ? "" : ", queued for outside recipients")}");
        return 0;
    }

    public static int Discard(PreauRuntime runtime, CliArgs args, TextWriter output)
    {
        var held = runtime.Held.Discard(args.Required(0, "held message id"), CliApp.Actor);
        output.WriteLine($"discarded {held.Id} ({held.Subject})");
        return 0;
    }
}
