using System.Globalization;
using Preau.Core.Graph;

namespace Preau.Demo;

/// <summary>Hands out unique logins of the form <c>prenom.nom</c>, numbered on collision
/// (<c>prenom.nom2</c>, <c>prenom.nom3</c>…), never shaped like a list address.</summary>
internal sealed class LoginAllocator
{
    /// <summary>Local-part prefixes of list addresses, which no login may start with.</summary>
    public static readonly IReadOnlyList<string> ReservedPrefixes = ["eleves.", "parents.", "profs.", "rubrique."];

    private readonly HashSet<string> _taken = new(StringComparer.Ordinal);

    /// <summary>Takes a fixed login; throws if it is already taken or reserved.</summary>
    public void Reserve(string login)
    {
        if (IsReserved(login) || !_taken.Add(login))
        {
            throw new InvalidOperationException($"login '{login}' is reserved or already taken");
        }
    }

    /// <summary>The login for a person: folded first name, a dot, folded last name, and a number
    /// from 2 up when that is taken already.</summary>
    public string Allocate(string firstName, string lastName)
    {
        var stem = Stem(firstName, lastName);
        if (IsReserved(stem))
        {
            throw new InvalidOperationException($"'{stem}' would look like a list address");
        }

        var login = stem;
        for (var n = 2; !_taken.Add(login); n++)
        {
            login = stem + n.ToString(CultureInfo.InvariantCulture);
        }

        return login;
    }

    /// <summary><c>prenom.nom</c>: each part folded to lower-case ASCII, inner spaces, hyphens and
    /// apostrophes becoming '-' ("Jean-Baptiste Le Bœuf" → "jean-baptiste.le-boeuf").</summary>
    public static string Stem(string firstName, string lastName) =>
        Slug.Fold(firstName, '-') + "." + Slug.Fold(lastName, '-');

    private static bool IsReserved(string login) =>
        ReservedPrefixes.Any(p => login.StartsWith(p, StringComparison.Ordinal));
}
