using Preau.Core.Accounts;

namespace Preau.Core.Policy;

/// <summary>The administrator's replacements for parts of the configured rule table, kept in the policy
/// state store; a null part means the configured one (see <see cref="PolicyService.Defaults"/>) is in force.</summary>
/// <param name="Rules">The sending rules, replacing the configured ones whole.</param>
/// <param name="ListRules">The list rules, replacing the configured ones whole.</param>
/// <param name="RateLimits">The rate limits by profile (a profile absent has none), replacing the configured ones whole.</param>
public sealed record PolicyOverrides(
    IReadOnlyList<SendingRule>? Rules,
    IReadOnlyList<ListRule>? ListRules,
    IReadOnlyDictionary<Profile, RateLimit>? RateLimits)
{
    /// <summary>Nothing overridden: the configuration is in force.</summary>
    public static PolicyOverrides None { get; } = new(null, null, null);

    /// <summary>The table in force: <paramref name="defaults"/> with these parts replaced.</summary>
    public PolicySettings ApplyTo(PolicySettings defaults)
    {
        ArgumentNullException.ThrowIfNull(defaults);
        return new PolicySettings(defaults.MaxRecipients, Rules ?? defaults.Rules, ListRules ?? defaults.ListRules, RateLimits ?? defaults.RateLimits);
    }
}
