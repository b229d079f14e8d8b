using System.Globalization;
using System.Text.Json;
using Preau.Core.Storage;
using Preau.Server.Hosting;

namespace Preau.Server.Cli;

/// <summary><c>preau audit [list] [--limit n] [--actor A] [--action X]</c>: the audit log, newest first.</summary>
internal static class AuditCommands
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    public static int List(PreauRuntime runtime, CliArgs args, TextWriter output)
    {
        var limit = 50;
        var given = args.Option("limit") ?? args.Option("max");
        if (given is not null && (!int.TryParse(given, NumberStyles.None, CultureInfo.InvariantCulture, out limit) || limit < 1))
        {
            throw new CliException($"--limit takes a positive number, not '{given}'");
        }

        var entries = runtime.Audit.Query(new AuditQuery(args.Option("actor"), args.Option("action"), Limit: limit));
        if (args.Flag("json"))
        {
            output.WriteLine(JsonSerializer.Serialize(entries, Json));
            return 0;
        }

        foreach (var entry in entries)
        {
            output.WriteLine($"{entry.At:u}  {entry.Actor,-20} {entry.Action,-22} {entry.Detail}");
        }

        return 0;
    }
}
