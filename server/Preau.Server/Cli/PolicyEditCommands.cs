using System.Globalization;
using System.Text.Json;
using Preau.Core.Accounts;
using Preau.Core.Policy;
using Preau.Server.Hosting;

namespace Preau.Server.Cli;

/// <summary><c>preau policy rules|list-rules|ratelimits …</c>: the administrator's replacements of the
/// configured rule table, in the words of preau.json and of the admin API.</summary>
internal static class PolicyEditCommands
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    /// <summary><c>policy rules show | set FILE | reset</c> (FILE: a JSON array of rules, "-" for standard input).</summary>
    public static int Rules(PreauRuntime runtime, CliArgs args, TextWriter output)
    {
        switch (args.Required(0, "show|set FILE|reset"))
        {
            case "show":
                output.WriteLine(JsonSerializer.Serialize(runtime.Policy.Settings.Rules.Select(PolicyInputParser.ToInput), Json));
                output.WriteLine(Origin(runtime.Policy.Overrides.Rules is not null));
                return 0;
            case "set":
                var rules = PolicyInputParser.Rules(Read<RuleInput?[]>(args.Required(1, "FILE (a JSON array of rules, or - for standard input)")));
                runtime.Policy.SetRules(rules, CliApp.Actor);
                output.WriteLine($"sending rules replaced: {rules.Count} rules in force");
                return 0;
            case "reset":
                output.WriteLine(runtime.Policy.ResetRules(CliApp.Actor) ? "sending rules back to the configuration" : "the sending rules were not replaced");
                return 0;
            case var other:
                throw new CliException($"expected show, set or reset, not '{other}'");
        }
    }

    /// <summary><c>policy list-rules show | set FILE | reset</c>.</summary>
    public static int ListRules(PreauRuntime runtime, CliArgs args, TextWriter output)
    {
        switch (args.Required(0, "show|set FILE|reset"))
        {
            case "show":
                output.WriteLine(JsonSerializer.Serialize(runtime.Policy.Settings.ListRules.Select(PolicyInputParser.ToInput), Json));
                output.WriteLine(Origin(runtime.Policy.Overrides.ListRules is not null));
                return 0;
            case "set":
                var rules = PolicyInputParser.ListRules(Read<ListRuleInput?[]>(args.Required(1, "FILE (a JSON array of list rules, or - for standard input)")));
                runtime.Policy.SetListRules(rules, CliApp.Actor);
                output.WriteLine($"list rules replaced: {rules.Count} rules in force");
                return 0;
            case "reset":
                output.WriteLine(runtime.Policy.ResetListRules(CliApp.Actor) ? "list rules back to the configuration" : "the list rules were not replaced");
                return 0;
            case var other:
                throw new CliException($"expected show, set or reset, not '{other}'");
        }
    }

    /// <summary><c>policy ratelimits show | set PROFILE --messages N --per MIN [--recipients N --recipients-per MIN]
    /// | clear PROFILE | reset</c>: set and clear change one profile and keep the others as in force.</summary>
    public static int RateLimits(PreauRuntime runtime, CliArgs args, TextWriter output)
    {
        var limits = new Dictionary<Profile, RateLimit>(runtime.Policy.Settings.RateLimits);
        switch (args.Required(0, "show|set PROFILE …|clear PROFILE|reset"))
        {
            case "show":
                foreach (var profile in Enum.GetValues<Profile>())
                {
                    output.WriteLine($"{profile,-18} {PolicyService.Describe(runtime.Policy.Settings.RateLimitFor(profile))}");
                }

                output.WriteLine(Origin(runtime.Policy.Overrides.RateLimits is not null));
                return 0;
            case "set":
                var setProfile = CliArgs.ParseEnum<Profile>(args.Required(1, "profile"), "profile");
                var row = new RateLimitInput(
                    setProfile.ToString(),
                    Number(args, "messages"),
                    Number(args, "per"),
                    Number(args, "recipients"),
                    Number(args, "recipients-per"));
                limits[setProfile] = PolicyInputParser.RateLimits([row])[setProfile];
                runtime.Policy.SetRateLimits(limits, CliApp.Actor);
                output.WriteLine($"{setProfile}: {PolicyService.Describe(limits[setProfile])}");
                return 0;
            case "clear":
                var clearProfile = CliArgs.ParseEnum<Profile>(args.Required(1, "profile"), "profile");
                limits.Remove(clearProfile);
                runtime.Policy.SetRateLimits(limits, CliApp.Actor);
                output.WriteLine($"{clearProfile}: no limit");
                return 0;
            case "reset":
                output.WriteLine(runtime.Policy.ResetRateLimits(CliApp.Actor) ? "rate limits back to the configuration" : "the rate limits were not replaced");
                return 0;
            case var other:
                throw new CliException($"expected show, set, clear or reset, not '{other}'");
        }
    }

    private static string Origin(bool replaced) =>
        replaced ? "(replaced by the administrator; 'reset' goes back to the configuration)" : "(from the configuration)";

    private static int Number(CliArgs args, string option)
    {
        var text = args.Option(option);
        if (text is null)
        {
            return 0;
        }

        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new CliException($"--{option} expects a whole number, not '{text}'");
    }

    private static T Read<T>(string file)
        where T : class
    {
        string text;
        try
        {
            text = file == "-" ? Console.In.ReadToEnd() : File.ReadAllText(file);
        }
        catch (IOException ex)
        {
            throw new CliException($"cannot read {file}: {ex.Message}");
        }
        catch (UnauthorizedAccessException ex)
        {
            throw new CliException($"cannot read {file}: {ex.Message}");
        }

        try
        {
            return JsonSerializer.Deserialize<T>(text, Json) ?? throw new CliException($"{file} holds no JSON array");
        }
        catch (JsonException ex)
        {
            throw new CliException($"{file} is not a JSON array of rules: {ex.Message}");
        }
    }
}
