using System.Text.RegularExpressions;
using Preau.Core.Accounts;

namespace Preau.Core.Policy;

/// <summary>Turns the rule table in words (<see cref="RuleInput"/>…) into the typed table and back.
/// Parsing refuses, with a French reason naming the row, anything the policy could not apply: an
/// unknown profile, function, relation, list kind or scope, a missing or duplicate id, a missing
/// description, an impossible rate limit.</summary>
public static partial class PolicyInputParser
{
    /// <summary>Most sending rules a table may hold.</summary>
    public const int MaxRules = 200;

    /// <summary>Most list rules a table may hold.</summary>
    public const int MaxListRules = 100;

    /// <summary>Longest description.</summary>
    public const int MaxDescriptionLength = 300;

    /// <summary>Longest rate-limit window: a week, in minutes.</summary>
    public const int MaxWindowMinutes = 7 * 24 * 60;

    /// <summary>Largest rate-limit count.</summary>
    public const int MaxCount = 1_000_000;

    /// <summary>The typed sending rules.</summary>
    /// <exception cref="PolicyException">A row is invalid, or the table is empty or too long.</exception>
    public static IReadOnlyList<SendingRule> Rules(IReadOnlyList<RuleInput?>? rows)
    {
        if (rows is null || rows.Count == 0)
        {
            throw new PolicyException("La table doit garder au moins une règle ; pour revenir aux règles par défaut, remettez-les à zéro.");
        }

        if (rows.Count > MaxRules)
        {
            throw new PolicyException($"Trop de règles : au plus {MaxRules}.");
        }

        var rules = new List<SendingRule>(rows.Count);
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i] ?? throw new PolicyException($"Règle n° {i + 1} : vide.");
            var where = Where("Règle", i, row.Id);
            rules.Add(new SendingRule(
                Id(row.Id, where),
                Selector(row.From, where, "from"),
                Selector(row.To, where, "to"),
                Parse<Relation>(row.Relation, where, "relation"),
                Description(row.Description, where)));
        }

        Unique(rules.Select(r => r.Id), "règle");
        return rules;
    }

    /// <summary>The typed list rules (an empty table is allowed: no list may then be used).</summary>
    /// <exception cref="PolicyException">A row is invalid, or the table is too long.</exception>
    public static IReadOnlyList<ListRule> ListRules(IReadOnlyList<ListRuleInput?>? rows)
    {
        rows ??= [];
        if (rows.Count > MaxListRules)
        {
            throw new PolicyException($"Trop de règles de listes : au plus {MaxListRules}.");
        }

        var rules = new List<ListRule>(rows.Count);
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i] ?? throw new PolicyException($"Règle de listes n° {i + 1} : vide.");
            var where = Where("Règle de listes", i, row.Id);
            var lists = (row.Lists ?? []).Select(l => Parse<ListKind>(l, where, "lists")).Distinct().ToArray();
            if (lists.Length == 0)
            {
                throw new PolicyException($"{where} : indiquez au moins une sorte de liste dans « lists » ({Names<ListKind>()}).");
            }

            rules.Add(new ListRule(Id(row.Id, where), Selector(row.From, where, "from"), lists, Parse<ListScope>(row.Scope, where, "scope"), Description(row.Description, where)));
        }

        Unique(rules.Select(r => r.Id), "règle de listes");
        return rules;
    }

    /// <summary>The typed rate limits by profile (an empty list is allowed: no limit for anyone).</summary>
    /// <exception cref="PolicyException">A row is invalid, or a profile appears twice.</exception>
    public static IReadOnlyDictionary<Profile, RateLimit> RateLimits(IReadOnlyList<RateLimitInput?>? rows)
    {
        var limits = new Dictionary<Profile, RateLimit>();
        rows ??= [];
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i] ?? throw new PolicyException($"Limite n° {i + 1} : vide.");
            var where = $"Limite n° {i + 1}" + (string.IsNullOrWhiteSpace(row.Profile) ? "" : $" ({row.Profile})");
            var profile = Parse<Profile>(row.Profile, where, "profile");
            if (limits.ContainsKey(profile))
            {
                throw new PolicyException($"{where} : le profil {profile} a déjà une limite.");
            }

            limits[profile] = new RateLimit(
                Count(row.Messages, where, "messages"),
                Window(row.Messages, row.MessageWindowMinutes, where, "messageWindowMinutes"),
                Count(row.Recipients, where, "recipients"),
                Window(row.Recipients, row.RecipientWindowMinutes, where, "recipientWindowMinutes"));
        }

        return limits;
    }

    /// <summary>A sending rule in words.</summary>
    public static RuleInput ToInput(SendingRule rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        return new RuleInput(rule.Id, ToInput(rule.From), ToInput(rule.To), rule.Relation.ToString(), rule.Description);
    }

    /// <summary>A list rule in words.</summary>
    public static ListRuleInput ToInput(ListRule rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        return new ListRuleInput(rule.Id, ToInput(rule.From), rule.Lists.Select(l => l.ToString()).ToArray(), rule.Scope.ToString(), rule.Description);
    }

    /// <summary>Rate limits in words, by profile order.</summary>
    public static IReadOnlyList<RateLimitInput> ToInput(IReadOnlyDictionary<Profile, RateLimit> limits)
    {
        ArgumentNullException.ThrowIfNull(limits);
        return limits.OrderBy(kv => kv.Key).Select(kv => new RateLimitInput(
            kv.Key.ToString(),
            kv.Value.Messages,
            (int)kv.Value.MessageWindow.TotalMinutes,
            kv.Value.Recipients,
            (int)kv.Value.RecipientWindow.TotalMinutes)).ToArray();
    }

    /// <summary>A selector in words.</summary>
    public static SelectorInput ToInput(ProfileSelector selector)
    {
        ArgumentNullException.ThrowIfNull(selector);
        return new SelectorInput(selector.Profiles.Select(p => p.ToString()).ToArray(), selector.Functions.Select(f => f.ToString()).ToArray());
    }

    /// <summary>The names of an enum's values, for messages and for front ends building their choices.</summary>
    public static IReadOnlyList<string> NamesOf<T>()
        where T : struct, Enum => Enum.GetNames<T>();

    private static string Where(string what, int index, string? id) =>
        string.IsNullOrWhiteSpace(id) ? $"{what} n° {index + 1}" : $"{what} n° {index + 1} (« {id.Trim()} »)";

    private static string Id(string? id, string where)
    {
        var trimmed = (id ?? "").Trim();
        if (!IdShape().IsMatch(trimmed))
        {
            throw new PolicyException($"{where} : « id » est obligatoire, en lettres minuscules, chiffres et tirets (exemple : eleve-classe), au plus 64 caractères.");
        }

        return trimmed;
    }

    private static string Description(string? description, string where)
    {
        var trimmed = (description ?? "").Trim();
        if (trimmed.Length == 0 || trimmed.Length > MaxDescriptionLength || trimmed.Any(char.IsControl))
        {
            throw new PolicyException($"{where} : « description » est obligatoire (une ligne d'au plus {MaxDescriptionLength} caractères) : elle est citée dans les refus.");
        }

        return trimmed;
    }

    private static ProfileSelector Selector(SelectorInput? input, string where, string side)
    {
        var profiles = (input?.Profiles ?? []).Select(p => Parse<Profile>(p, where, $"{side}.profiles")).Distinct().ToArray();
        var functions = (input?.Functions ?? []).Select(f => Parse<StaffFunction>(f, where, $"{side}.functions")).Distinct().ToArray();
        return new ProfileSelector(profiles, functions);
    }

    private static T Parse<T>(string? name, string where, string field)
        where T : struct, Enum
    {
        var trimmed = (name ?? "").Trim();
        if (trimmed.Length == 0 || !char.IsAsciiLetter(trimmed[0]) || !Enum.TryParse<T>(trimmed, ignoreCase: true, out var value) || !Enum.IsDefined(value))
        {
            var shown = trimmed.Length == 0 ? "vide" : $"inconnu « {trimmed} »";
            throw new PolicyException($"{where} : « {field} » {shown} ; valeurs possibles : {Names<T>()}.");
        }

        return value;
    }

    private static int Count(int value, string where, string field) =>
        value is >= 0 and <= MaxCount
            ? value
            : throw new PolicyException($"{where} : « {field} » doit être un nombre de 0 (sans limite) à 1 000 000.");

    private static TimeSpan Window(int count, int minutes, string where, string field)
    {
        if (count == 0)
        {
            return TimeSpan.Zero;
        }

        return minutes is >= 1 and <= MaxWindowMinutes
            ? TimeSpan.FromMinutes(minutes)
            : throw new PolicyException($"{where} : « {field} » doit être une durée de 1 à {MaxWindowMinutes} minutes (une semaine).");
    }

    private static void Unique(IEnumerable<string> ids, string what)
    {
        var duplicate = ids.GroupBy(id => id, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new PolicyException($"L'identifiant de {what} « {duplicate.Key} » est utilisé deux fois.");
        }
    }

    private static string Names<T>()
        where T : struct, Enum => string.Join(", ", Enum.GetNames<T>());

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,63}$")]
    private static partial Regex IdShape();
}
