using System.Text.Json;
using System.Text.Json.Serialization;
using Preau.Server.Hosting;

namespace Preau.Server.Cli;

/// <summary><c>preau policy …</c>.</summary>
internal static class PolicyCommands
{
    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Converters = { new JsonStringEnumConverter() },
    };

    public static int Show(PreauRuntime runtime, CliArgs args, TextWriter output)
    {
        var settings = runtime.Policy.Settings;
        var state = runtime.Policy.State;
        if (args.Flag("json"))
        {
            output.WriteLine(JsonSerializer.Serialize(new { settings.MaxRecipients, settings.Rules, settings.ListRules, RateLimits = settings.RateLimits.ToDictionary(k => k.Key.ToString(), k => k.Value), State = state }, Json));
            return 0;
        }

        output.WriteLine($"Domain: {runtime.Mail.Domain}   Max recipients per message: {settings.MaxRecipients}");
        output.WriteLine($"Emergency stop of pupil sending: {(state.PupilSendingStopped ? "ON" : "off")}");
        var opened = new List<string>();
        if (state.ExternalOpenForAllPupils)
        {
            opened.Add("all pupils");
        }

        opened.AddRange(state.ExternalOpenLevels.Select(l => $"level {l}"));
        opened.AddRange(state.ExternalOpenClasses.Select(c => $"class {c}"));
        output.WriteLine($"External mail for pupils: {(opened.Count == 0 ? "closed" : "open for " + string.Join(", ", opened))}");
        output.WriteLine();
        output.WriteLine("Sending rules (a recipient is allowed when one rule matches):");
        output.WriteLine($"  {"ID",-24} {"FROM",-42} {"TO",-42} RELATION");
        foreach (var r in settings.Rules)
        {
            output.WriteLine($"  {r.Id,-24} {r.From,-42} {r.To,-42} {r.Relation}");
            output.WriteLine($"  {"",-24} {r.Description}");
        }

        output.WriteLine();
        output.WriteLine("List rules (eleves.<class>, parents.<class>, profs.<class>, rubrique.<id>):");
        foreach (var r in settings.ListRules)
        {
            output.WriteLine($"  {r.Id,-24} {r.From,-42} {string.Join(", ", r.Lists),-30} {r.Scope}");
        }

        output.WriteLine();
        output.WriteLine("Send rate limits:");
        foreach (var (profile, limit) in settings.RateLimits)
        {
            output.WriteLine($"  {profile,-18} {limit.Messages} messages / {limit.MessageWindow}, {limit.Recipients} recipients / {limit.RecipientWindow}");
        }

        return 0;
    }

    public static int PupilStop(PreauRuntime runtime, CliArgs args, TextWriter output)
    {
        var on = OnOff(args.Required(0, "on|off"));
        runtime.Policy.SetPupilSendingStopped(on, CliApp.Actor);
        output.WriteLine(on ? "emergency stop ON: no pupil can send" : "emergency stop off: pupils send again");
        return 0;
    }

    public static int External(PreauRuntime runtime, CliArgs args, TextWriter output)
    {
        var open = args.Required(0, "open|close") switch
        {
            "open" => true,
            "close" => false,
            var other => throw new CliException($"expected open or close, not '{other}'"),
        };
        if (args.Flag("all"))
        {
            runtime.Policy.SetExternalForAllPupils(open, CliApp.Actor);
        }
        else if (args.Option("level") is { } level)
        {
            runtime.Policy.SetExternalForLevel(level, open, CliApp.Actor);
        }
        else if (args.Option("class") is { } code)
        {
            runtime.Policy.SetExternalForClass(code, open, CliApp.Actor);
        }
        else
        {
            throw new CliException("name --all, --level L or --class C");
        }

        Show(runtime, new CliArgs([]), output);
        return 0;
    }

    private static bool OnOff(string word) => word.ToLowerInvariant() switch
    {
        "on" => true,
        "off" => false,
        _ => throw new CliException($"expected on or off, not '{word}'"),
    };
}
