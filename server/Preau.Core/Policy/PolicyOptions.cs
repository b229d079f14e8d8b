using Preau.Core.Accounts;

namespace Preau.Core.Policy;

/// <summary>The <c>Policy</c> configuration section, as bound from preau.json, environment and command line.</summary>
/// <remarks>Lists left null keep the built-in MonBureauNumérique table (<c>default-policy.json</c>);
/// a list given in configuration replaces the built-in one whole.</remarks>
public sealed class PolicyOptions
{
    /// <summary>Maximum recipients of one message, counted after list expansion.</summary>
    public int? MaxRecipients { get; set; }

    /// <summary>The sending rules.</summary>
    public List<RuleOptions>? Rules { get; set; }

    /// <summary>Who may use which list addresses.</summary>
    public List<ListRuleOptions>? ListRules { get; set; }

    /// <summary>Send rate limits per profile name.</summary>
    public Dictionary<string, RateLimitOptions>? RateLimits { get; set; }
}

/// <summary>One side of a rule in configuration.</summary>
public sealed class SelectorOptions
{
    /// <summary>Profile names; empty means all.</summary>
    public List<Profile> Profiles { get; set; } = [];

    /// <summary>Function names; empty means all.</summary>
    public List<StaffFunction> Functions { get; set; } = [];

    internal ProfileSelector ToSelector() => new(Profiles.ToArray(), Functions.ToArray());
}

/// <summary>A sending rule in configuration.</summary>
public sealed class RuleOptions
{
    /// <summary>See <see cref="SendingRule.Id"/>.</summary>
    public string Id { get; set; } = "";

    /// <summary>Senders.</summary>
    public SelectorOptions From { get; set; } = new();

    /// <summary>Recipients.</summary>
    public SelectorOptions To { get; set; } = new();

    /// <summary>The relation required.</summary>
    public Relation Relation { get; set; }

    /// <summary>See <see cref="SendingRule.Description"/>.</summary>
    public string Description { get; set; } = "";
}

/// <summary>A list rule in configuration.</summary>
public sealed class ListRuleOptions
{
    /// <summary>See <see cref="ListRule.Id"/>.</summary>
    public string Id { get; set; } = "";

    /// <summary>Senders.</summary>
    public SelectorOptions From { get; set; } = new();

    /// <summary>List kinds.</summary>
    public List<ListKind> Lists { get; set; } = [];

    /// <summary>Which lists of those kinds.</summary>
    public ListScope Scope { get; set; }

    /// <summary>See <see cref="ListRule.Description"/>.</summary>
    public string Description { get; set; } = "";
}

/// <summary>A rate limit in configuration.</summary>
public sealed class RateLimitOptions
{
    /// <summary>See <see cref="RateLimit.Messages"/>.</summary>
    public int Messages { get; set; }

    /// <summary>See <see cref="RateLimit.MessageWindow"/>.</summary>
    public TimeSpan MessageWindow { get; set; }

    /// <summary>See <see cref="RateLimit.Recipients"/>.</summary>
    public int Recipients { get; set; }

    /// <summary>See <see cref="RateLimit.RecipientWindow"/>.</summary>
    public TimeSpan RecipientWindow { get; set; }
}
