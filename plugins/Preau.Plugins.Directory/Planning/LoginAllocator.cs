using System.Globalization;
using Preau.Plugins.Directory.Model;

namespace Preau.Plugins.Directory.Planning;

/// <summary>Hands out readable logins: <c>prenom.nom</c> folded (« Jean-Noël D'Aubigné » →
/// <c>jean-noel.daubigne</c>), and on collision a number from 2 up (<c>marie.dupont2</c>). Every
/// login on the server is taken, departed accounts' too (their mail is kept under it). A login never
/// has the shape of a list address (<c>eleves.</c>, <c>parents.</c>, <c>profs.</c>, <c>rubrique.</c>).</summary>
public sealed class LoginAllocator
{
    /// <summary>Longest login (Core's limit).</summary>
    public const int MaxLength = 64;

    /// <summary>Longest folded first or last name in a login.</summary>
    public const int MaxPartLength = 28;

    /// <summary>Local-part prefixes of list addresses.</summary>
    public static readonly IReadOnlyList<string> ReservedPrefixes = ["eleves.", "parents.", "profs.", "rubrique."];

    private readonly HashSet<string> _taken;

    /// <summary>An allocator that will not hand out any of <paramref name="taken"/> (case-insensitive).</summary>
    public LoginAllocator(IEnumerable<string> taken)
    {
        ArgumentNullException.ThrowIfNull(taken);
        _taken = new HashSet<string>(taken.Select(t => t.ToLowerInvariant()), StringComparer.Ordinal);
    }

    /// <summary>The login for a new person, now taken.</summary>
    public string Allocate(string firstName, string lastName)
    {
        var stem = Stem(firstName, lastName);
        var login = stem;
        for (var n = 2; !_taken.Add(login); n++)
        {
            login = stem + n.ToString(CultureInfo.InvariantCulture);
        }

        return login;
    }

    /// <summary><c>prenom.nom</c>, each part folded (<see cref="Folding.LoginPart"/>) and cut to
    /// <see cref="MaxPartLength"/>; only the part there is when one is empty; <c>nom.prenom</c> when
    /// the usual order would look like a list address; <c>compte</c> when nothing is left.</summary>
    public static string Stem(string firstName, string lastName)
    {
        var first = Part(firstName);
        var last = Part(lastName);
        var stem = (first.Length, last.Length) switch
        {
            (0, 0) => "compte",
            (0, _) => last,
            (_, 0) => first,
            _ => first + "." + last,
        };
        if (IsReserved(stem))
        {
            stem = last.Length > 0 && first.Length > 0 ? last + "." + first : "compte-" + stem.Replace('.', '-');
        }

        return IsReserved(stem) ? "compte-" + stem.Replace('.', '-') : stem;
    }

    private static string Part(string name)
    {
        var folded = Folding.LoginPart(name ?? "");
        return folded.Length <= MaxPartLength ? folded : folded[..MaxPartLength].TrimEnd('-');
    }

    private static bool IsReserved(string login) =>
        ReservedPrefixes.Any(p => login.StartsWith(p, StringComparison.Ordinal));
}
