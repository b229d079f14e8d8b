using System.Globalization;
using Preau.Core.Graph;
using Preau.Core.Policy;

namespace Preau.Core.Directory;

/// <summary>What a login may look like, and the <c>prenom.nom</c> logins derived from names (numbered
/// from 2 on collision, as the demo school and the imports do).</summary>
public static class LoginRules
{
    /// <summary>Longest login.</summary>
    public const int MaxLength = 64;

    /// <summary>Null when <paramref name="login"/> is a valid login; otherwise why not, in French.</summary>
    public static string? Problem(string login)
    {
        if (string.IsNullOrEmpty(login) || login.Length > MaxLength
            || !login.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c is '.' or '-' or '_')
            || login[0] == '.' || login[^1] == '.' || login.Contains("..", StringComparison.Ordinal))
        {
            return $"« {login} » n'est pas un identifiant valide : lettres minuscules sans accents, chiffres, « . », « - » et « _ », au plus {MaxLength} caractères.";
        }

        return ListAddress.TryParse(login, out _)
            ? $"« {login} » est réservé aux adresses de listes (eleves., parents., profs., rubrique.)."
            : null;
    }

    /// <summary><c>prenom.nom</c>, each part folded to lower-case ASCII ("Jean-Baptiste", "Le Bœuf" →
    /// "jean-baptiste.le-boeuf"); null when a part has no letter or digit.</summary>
    public static string? Stem(string firstName, string lastName)
    {
        var first = Slug.Fold(firstName ?? "", '-');
        var last = Slug.Fold(lastName ?? "", '-');
        return first.Length == 0 || last.Length == 0 ? null : $"{first}.{last}";
    }

    /// <summary>The first of <c>stem</c>, <c>stem2</c>, <c>stem3</c>… that <paramref name="isTaken"/> refuses.</summary>
    public static string FirstFree(string stem, Func<string, bool> isTaken)
    {
        ArgumentNullException.ThrowIfNull(stem);
        ArgumentNullException.ThrowIfNull(isTaken);
        var login = stem;
        for (var n = 2; isTaken(login); n++)
        {
            login = stem + n.ToString(CultureInfo.InvariantCulture);
        }

        return login;
    }
}
