using Preau.Core.Accounts;
using Preau.Core.Storage;

namespace Preau.Core.Policy;

// The administrator's runtime replacements of the rule table, the list rules and the rate limits:
// validated, saved in the policy state store, applied to the next decision, audited, and undone by a
// reset to the configured defaults.
public sealed partial class PolicyService
{
    /// <summary>Replaces the sending rules.</summary>
    /// <exception cref="PolicyException">The table is empty or an id is also a list rule's.</exception>
    public void SetRules(IReadOnlyList<SendingRule> rules, string actor)
    {
        ArgumentNullException.ThrowIfNull(rules);
        if (rules.Count == 0)
        {
            throw new PolicyException("La table doit garder au moins une règle ; pour revenir aux règles par défaut, remettez-les à zéro.");
        }

        string detail;
        lock (_lock)
        {
            CheckIdsDistinct(rules.Select(r => r.Id), _settings.ListRules.Select(r => r.Id));
            detail = Diff(_settings.Rules, rules, r => r.Id, Describe);
            SaveOverrides(_overrides with { Rules = rules.ToArray() });
        }

        Audit(actor, "policy.rules", $"règles d'envoi remplacées ({rules.Count}) : {detail}");
    }

    /// <summary>Replaces the list rules.</summary>
    /// <exception cref="PolicyException">An id is also a sending rule's.</exception>
    public void SetListRules(IReadOnlyList<ListRule> rules, string actor)
    {
        ArgumentNullException.ThrowIfNull(rules);
        string detail;
        lock (_lock)
        {
            CheckIdsDistinct(rules.Select(r => r.Id), _settings.Rules.Select(r => r.Id));
            detail = Diff(_settings.ListRules, rules, r => r.Id, Describe);
            SaveOverrides(_overrides with { ListRules = rules.ToArray() });
        }

        Audit(actor, "policy.list-rules", $"règles de listes remplacées ({rules.Count}) : {detail}");
    }

    /// <summary>Replaces the send rate limits (a profile left out has no limit).</summary>
    public void SetRateLimits(IReadOnlyDictionary<Profile, RateLimit> limits, string actor)
    {
        ArgumentNullException.ThrowIfNull(limits);
        lock (_lock)
        {
            SaveOverrides(_overrides with { RateLimits = new Dictionary<Profile, RateLimit>(limits) });
        }

        Audit(actor, "policy.rate-limits", $"limites d'envoi remplacées : {DescribeLimits(limits)}");
    }

    /// <summary>Goes back to the configured sending rules; false when they were not replaced.</summary>
    /// <exception cref="PolicyException">A list rule set by the administrator has an id of the configured rules.</exception>
    public bool ResetRules(string actor) => Reset(
        o => o.Rules is not null,
        o => o with { Rules = null },
        () => CheckIdsDistinct(Defaults.Rules.Select(r => r.Id), _settings.ListRules.Select(r => r.Id)),
        actor,
        "policy.rules.reset",
        "règles d'envoi revenues à la configuration");

    /// <summary>Goes back to the configured list rules; false when they were not replaced.</summary>
    /// <exception cref="PolicyException">A sending rule set by the administrator has an id of the configured list rules.</exception>
    public bool ResetListRules(string actor) => Reset(
        o => o.ListRules is not null,
        o => o with { ListRules = null },
        () => CheckIdsDistinct(Defaults.ListRules.Select(r => r.Id), _settings.Rules.Select(r => r.Id)),
        actor,
        "policy.list-rules.reset",
        "règles de listes revenues à la configuration");

    /// <summary>Goes back to the configured rate limits; false when they were not replaced.</summary>
    public bool ResetRateLimits(string actor) => Reset(
        o => o.RateLimits is not null,
        o => o with { RateLimits = null },
        () => { },
        actor,
        "policy.rate-limits.reset",
        $"limites d'envoi revenues à la configuration : {DescribeLimits(Defaults.RateLimits)}");

    /// <summary>A rate limit in French words ("40 messages / 15 min, 200 destinataires / 60 min").</summary>
    public static string Describe(RateLimit limit)
    {
        ArgumentNullException.ThrowIfNull(limit);
        var parts = new List<string>();
        if (limit.Messages > 0)
        {
            parts.Add($"{limit.Messages} messages / {limit.MessageWindow.TotalMinutes:0} min");
        }

        if (limit.Recipients > 0)
        {
            parts.Add($"{limit.Recipients} destinataires / {limit.RecipientWindow.TotalMinutes:0} min");
        }

        return parts.Count == 0 ? "sans limite" : string.Join(", ", parts);
    }

    private bool Reset(Func<PolicyOverrides, bool> isSet, Func<PolicyOverrides, PolicyOverrides> clear, Action check, string actor, string action, string detail)
    {
        lock (_lock)
        {
            if (!isSet(_overrides))
            {
                return false;
            }

            check();
            SaveOverrides(clear(_overrides));
        }

        Audit(actor, action, detail);
        return true;
    }

    /// <summary>Saves then publishes; the caller holds <see cref="_lock"/>.</summary>
    private void SaveOverrides(PolicyOverrides next)
    {
        _store.SaveOverrides(next);
        _overrides = next;
        _settings = next.ApplyTo(Defaults);
    }

    private static void CheckIdsDistinct(IEnumerable<string> ids, IEnumerable<string> others)
    {
        var taken = others.ToHashSet(StringComparer.OrdinalIgnoreCase);
        var clash = ids.FirstOrDefault(taken.Contains);
        if (clash is not null)
        {
            throw new PolicyException($"L'identifiant « {clash} » est déjà celui d'une autre règle (les règles d'envoi et les règles de listes partagent leurs identifiants).");
        }
    }

    private static string Diff<T>(IReadOnlyList<T> before, IReadOnlyList<T> after, Func<T, string> id, Func<T, string> describe)
    {
        var old = before.ToDictionary(id, describe, StringComparer.Ordinal);
        var now = after.ToDictionary(id, describe, StringComparer.Ordinal);
        var added = now.Keys.Where(k => !old.ContainsKey(k)).ToArray();
        var removed = old.Keys.Where(k => !now.ContainsKey(k)).ToArray();
        var changed = now.Keys.Where(k => old.TryGetValue(k, out var was) && was != now[k]).ToArray();
        var parts = new List<string>();
        if (added.Length > 0)
        {
            parts.Add("ajoutées " + string.Join(", ", added));
        }

        if (removed.Length > 0)
        {
            parts.Add("retirées " + string.Join(", ", removed));
        }

        if (changed.Length > 0)
        {
            parts.Add("modifiées " + string.Join(", ", changed));
        }

        return parts.Count == 0 ? "aucune différence" : string.Join(" ; ", parts);
    }

    private static string Describe(SendingRule r) => $"{r.From} -> {r.To} {r.Relation} : {r.Description}";

    private static string Describe(ListRule r) => $"{r.From} -> {string.Join(',', r.Lists)} {r.Scope} : {r.Description}";

    private static string DescribeLimits(IReadOnlyDictionary<Profile, RateLimit> limits) =>
        limits.Count == 0 ? "aucune" : string.Join(" ; ", limits.OrderBy(kv => kv.Key).Select(kv => $"{kv.Key} {Describe(kv.Value)}"));

    private void Audit(string actor, string action, string detail) =>
        _audit.Append(new AuditEntry(_time.GetUtcNow(), actor, action, detail));
}
