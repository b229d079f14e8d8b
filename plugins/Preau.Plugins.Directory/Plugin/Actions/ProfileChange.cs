using Microsoft.AspNetCore.Http;
using Preau.Plugins.Graph;
using PeoplePlanner = Preau.Plugins.Directory.Planning.PeoplePlanner;

namespace Preau.Plugins.Directory.Plugin.Actions;

/// <summary>What a <see cref="ProfileEdit"/> does to an account: the account after, the values kept by
/// hand after, and the changes in French (for the audit log).</summary>
/// <param name="After">The account to write.</param>
/// <param name="Manual">The manual values to store.</param>
/// <param name="Before">The values the manual ones replaced.</param>
/// <param name="Changes">« prénom « Marie » → « Marion » »…; empty when nothing changes.</param>
public sealed record ProfileChange(AccountRecord After, Dictionary<string, string> Manual, Dictionary<string, string> Before, IReadOnlyList<string> Changes)
{
    /// <summary>Applies <paramref name="edit"/> to <paramref name="account"/> (whose manual values are
    /// <paramref name="document"/>); a refusal (400, 409) when a value does not fit the account.</summary>
    public static ProfileChange Plan(AccountRecord account, ManualFieldsDocument? document, ProfileEdit edit, bool self, out ActionDecision? refused)
    {
        ArgumentNullException.ThrowIfNull(account);
        ArgumentNullException.ThrowIfNull(edit);
        refused = null;
        var manual = new Dictionary<string, string>(document?.Values ?? [], StringComparer.Ordinal);
        var before = new Dictionary<string, string>(document?.Before ?? [], StringComparer.Ordinal);
        var current = Values(account);
        var next = new Dictionary<string, string>(current, StringComparer.Ordinal);
        foreach (var (field, value) in edit.Fields)
        {
            if (value is null)
            {
                // Back to the feed: the value the field had before it was first set by hand.
                if (manual.Remove(field) && before.Remove(field, out var original) && field != "displayName")
                {
                    next[field] = original;
                }

                continue;
            }

            if (field == "function" && FunctionProblem(account, value, self) is { } problem)
            {
                refused = problem;
                return new ProfileChange(account, manual, before, []);
            }

            var normalized = field == "function" ? Enum.Parse<AccountFunction>(value, ignoreCase: true).ToString() : value;
            if (normalized == current[field] && !manual.ContainsKey(field))
            {
                continue;
            }

            before.TryAdd(field, current[field]);
            manual[field] = normalized;
            next[field] = normalized;
        }

        // The display name follows the names unless it was set by hand (as at an import).
        var automatic = account.DisplayName == PeoplePlanner.DisplayNameOf(account.FirstName, account.LastName);
        if (!manual.ContainsKey("displayName") && (automatic || (edit.Fields.TryGetValue("displayName", out var cleared) && cleared is null)))
        {
            next["displayName"] = PeoplePlanner.DisplayNameOf(next["firstName"], next["lastName"]);
        }

        var after = account with
        {
            DisplayName = next["displayName"],
            FirstName = next["firstName"],
            LastName = next["lastName"],
            Function = Enum.Parse<AccountFunction>(next["function"]),
        };
        var changes = ManualFieldStore.Fields
            .Where(f => current[f] != next[f])
            .Select(f => $"{Label(f)} « {current[f]} » → « {next[f]} »")
            .ToArray();
        return new ProfileChange(after, manual, before, changes);
    }

    private static Dictionary<string, string> Values(AccountRecord a) => new(StringComparer.Ordinal)
    {
        ["displayName"] = a.DisplayName,
        ["firstName"] = a.FirstName,
        ["lastName"] = a.LastName,
        ["function"] = a.Function.ToString(),
    };

    private static ActionDecision? FunctionProblem(AccountRecord account, string value, bool self)
    {
        if (!Enum.TryParse<AccountFunction>(value, ignoreCase: true, out var function) || !Enum.IsDefined(function) || char.IsAsciiDigit(value[0]))
        {
            return new ActionDecision(false, StatusCodes.Status400BadRequest,
                $"Fonction inconnue « {value} » (valeurs : {string.Join(", ", Enum.GetNames<AccountFunction>())}).");
        }

        if (function == account.Function)
        {
            return null;
        }

        if (self)
        {
            return new ActionDecision(false, StatusCodes.Status409Conflict, "Vous ne pouvez pas changer votre propre fonction : elle décide de vos droits.");
        }

        if (function != AccountFunction.None && account.Profile is AccountProfile.Eleve or AccountProfile.Responsable)
        {
            return new ActionDecision(false, StatusCodes.Status400BadRequest, "Une fonction ne s'applique qu'aux personnels (enseignants, personnels, administrateurs).");
        }

        return function == AccountFunction.SupportAcademique || account.Function == AccountFunction.SupportAcademique
            ? new ActionDecision(false, StatusCodes.Status400BadRequest, "La fonction SupportAcademique est réservée aux comptes de l'académie (DANE) : elle ne se donne ni ne se retire depuis l'annuaire.")
            : null;
    }

    private static string Label(string field) => field switch
    {
        "displayName" => "nom affiché",
        "firstName" => "prénom",
        "lastName" => "nom",
        _ => "fonction",
    };
}
