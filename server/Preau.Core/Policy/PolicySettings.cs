using System.Text.Json;
using System.Text.Json.Serialization;
using Preau.Core.Accounts;

namespace Preau.Core.Policy;

/// <summary>The rule table in force: immutable, built from <see cref="PolicyOptions"/> over the built-in defaults.</summary>
public sealed record PolicySettings(
    int MaxRecipients,
    IReadOnlyList<SendingRule> Rules,
    IReadOnlyList<ListRule> ListRules,
    IReadOnlyDictionary<Profile, RateLimit> RateLimits)
{
    private static readonly Lazy<PolicyOptions> BuiltIn = new(LoadBuiltIn);

    /// <summary>The MonBureauNumérique defaults.</summary>
    public static PolicySettings Default { get; } = From(new PolicyOptions());

    /// <summary>The rate limit of a profile (none when not configured).</summary>
    public RateLimit RateLimitFor(Profile profile) =>
        RateLimits.TryGetValue(profile, out var limit) ? limit : RateLimit.None;

    /// <summary>Builds the settings: each part given in <paramref name="options"/> replaces the built-in one.</summary>
    public static PolicySettings From(PolicyOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var builtIn = BuiltIn.Value;
        var rules = (options.Rules ?? builtIn.Rules!)
            .Select(r => new SendingRule(r.Id, r.From.ToSelector(), r.To.ToSelector(), r.Relation, r.Description))
            .ToArray();
        var listRules = (options.ListRules ?? builtIn.ListRules!)
            .Select(r => new ListRule(r.Id, r.From.ToSelector(), r.Lists.ToArray(), r.Scope, r.Description))
            .ToArray();
        var limits = (options.RateLimits ?? builtIn.RateLimits!).ToDictionary(
            kv => Enum.Parse<Profile>(kv.Key, ignoreCase: true),
            kv => new RateLimit(kv.Value.Messages, kv.Value.MessageWindow, kv.Value.Recipients, kv.Value.RecipientWindow));
        var max = options.MaxRecipients ?? builtIn.MaxRecipients ?? 150;
        Validate(rules, listRules, max);
        return new PolicySettings(max, rules, listRules, limits);
    }

    private static void Validate(SendingRule[] rules, ListRule[] listRules, int max)
    {
        if (max < 1)
        {
            throw new InvalidOperationException("Policy:MaxRecipients must be at least 1.");
        }

        var duplicate = rules.Select(r => r.Id).Concat(listRules.Select(r => r.Id))
            .GroupBy(id => id, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new InvalidOperationException($"Policy rule id '{duplicate.Key}' is used twice.");
        }

        var unnamed = rules.Select(r => r.Id).Concat(listRules.Select(r => r.Id)).Any(string.IsNullOrWhiteSpace);
        if (unnamed)
        {
            throw new InvalidOperationException("Every policy rule needs an Id.");
        }
    }

    private static PolicyOptions LoadBuiltIn()
    {
        using var stream = typeof(PolicySettings).Assembly.GetManifestResourceStream("Preau.Core.default-policy.json")
            ?? throw new InvalidOperationException("default-policy.json is missing from Preau.Core.");
        var json = new JsonSerializerOptions
        {
            PropertyNameCaseInsensitive = true,
            ReadCommentHandling = JsonCommentHandling.Skip,
            Converters = { new JsonStringEnumConverter() },
        };
        return JsonSerializer.Deserialize<PolicyOptions>(stream, json)
            ?? throw new InvalidOperationException("default-policy.json is empty.");
    }
}
