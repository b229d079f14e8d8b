using Preau.Core.Accounts;

namespace Preau.Core.Rights;

// What one account holds, for front ends that show only what the user may use.
public sealed partial class RightsService
{
    /// <summary>Every right <paramref name="account"/> holds now (installed services and school
    /// decisions alike), sorted; each is decided by <see cref="Check"/>, delegations included.</summary>
    public IReadOnlyList<string> RightsOf(Account account)
    {
        ArgumentNullException.ThrowIfNull(account);
        return _snapshot.Rights.Keys
            .Where(right => Check(account, right).Allowed)
            .Order(StringComparer.Ordinal)
            .ToArray();
    }
}
