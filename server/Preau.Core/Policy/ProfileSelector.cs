using Preau.Core.Accounts;

namespace Preau.Core.Policy;

/// <summary>Which accounts a rule side applies to: a set of profiles, optionally narrowed to functions.</summary>
/// <param name="Profiles">Profiles matched; empty matches every profile.</param>
/// <param name="Functions">For staff, the functions matched; empty matches every function.</param>
public sealed record ProfileSelector(IReadOnlyList<Profile> Profiles, IReadOnlyList<StaffFunction> Functions)
{
    /// <summary>Whether the account is selected.</summary>
    public bool Matches(Account account) =>
        (Profiles.Count == 0 || Contains(Profiles, account.Profile))
        && (Functions.Count == 0 || Contains(Functions, account.Function));

    private static bool Contains<T>(IReadOnlyList<T> list, T value)
        where T : struct, Enum
    {
        for (var i = 0; i < list.Count; i++)
        {
            if (EqualityComparer<T>.Default.Equals(list[i], value))
            {
                return true;
            }
        }

        return false;
    }

    /// <inheritdoc/>
    public override string ToString()
    {
        var profiles = Profiles.Count == 0 ? "*" : string.Join('|', Profiles);
        return Functions.Count == 0 ? profiles : $"{profiles}({string.Join('|', Functions)})";
    }
}
