namespace Preau.Core.Policy;

/// <summary>A list address: <c>eleves.6a</c>, <c>parents.6a</c>, <c>profs.6a</c>, <c>rubrique.club-theatre</c>.</summary>
/// <param name="Kind">Which members.</param>
/// <param name="Key">The folded structure code or rubrique id.</param>
public sealed record ListAddress(ListKind Kind, string Key)
{
    private static readonly (string Prefix, ListKind Kind)[] Prefixes =
    [
        ("eleves.", ListKind.Pupils),
        ("parents.", ListKind.Parents),
        ("profs.", ListKind.Teachers),
        ("rubrique.", ListKind.Rubrique),
    ];

    /// <summary>The local part, as users type it.</summary>
    public string LocalPart => Prefixes.First(p => p.Kind == Kind).Prefix + Key;

    /// <summary>Whether a local part has the shape of a list address; logins never do.</summary>
    public static bool TryParse(string localPart, out ListAddress list)
    {
        ArgumentNullException.ThrowIfNull(localPart);
        foreach (var (prefix, kind) in Prefixes)
        {
            if (localPart.StartsWith(prefix, StringComparison.OrdinalIgnoreCase) && localPart.Length > prefix.Length)
            {
                list = new ListAddress(kind, localPart[prefix.Length..].ToLowerInvariant());
                return true;
            }
        }

        list = null!;
        return false;
    }

    /// <summary>The list address of a kind for a folded key.</summary>
    public static ListAddress Of(ListKind kind, string key) => new(kind, key.ToLowerInvariant());
}
