using Preau.Core.Accounts;

namespace Preau.Core.Rights;

// Delegated administration: an académie support account holds the administrators' rights for a while.
public sealed partial class RightsService
{
    /// <summary>Every delegation, expired ones included (see <see cref="IsActive"/>), by login.</summary>
    public IReadOnlyList<Delegation> Delegations =>
        _snapshot.Delegations.Values.OrderBy(d => d.Login, StringComparer.Ordinal).ToArray();

    /// <summary>Whether a delegation works now.</summary>
    public bool IsActive(Delegation delegation)
    {
        ArgumentNullException.ThrowIfNull(delegation);
        return delegation.IsActiveAt(_time.GetUtcNow());
    }

    /// <summary>Gives an académie support account (function <see cref="StaffFunction.SupportAcademique"/>) the
    /// administrators' rights on the school, except delegating, until <paramref name="until"/> (null: no end).
    /// Granting again replaces the end.</summary>
    /// <exception cref="RightsException">Unknown account, not a support account, or an end already past.</exception>
    public Delegation GrantDelegation(string login, DateTimeOffset? until, string actor)
    {
        var account = FindAccount(login);
        if (account.Function != StaffFunction.SupportAcademique)
        {
            throw new RightsException($"{account.Login} n'est pas un compte de support académique (fonction SupportAcademique) : la délégation d'administration est réservée à l'académie (DANE)");
        }

        if (account.State != AccountState.Active)
        {
            throw new RightsException($"{account.Login} n'est pas un compte actif");
        }

        var now = _time.GetUtcNow();
        if (until is { } end && end <= now)
        {
            throw new RightsException($"la date de fin ({EndText(end)}) est déjà passée");
        }

        var delegation = new Delegation(account.Id, account.Login, actor, now, until);
        lock (_lock)
        {
            _store.SaveDelegation(delegation);
            _delegations[account.Id] = delegation;
            Rebuild();
        }

        Audit(actor, "delegation.grant", $"{account.Login} : droits d'administration {(until is { } u ? "jusqu'au " + EndText(u) : "sans date de fin")}");
        return delegation;
    }

    /// <summary>Ends an account's delegation at once.</summary>
    /// <exception cref="RightsException">The account holds no delegation (<see cref="RightsException.NotFound"/>).</exception>
    public void RevokeDelegation(string login, string actor)
    {
        var key = (login ?? "").Trim().ToLowerInvariant();
        Delegation delegation;
        lock (_lock)
        {
            var accountId = _graph().FindByLogin(key)?.Id;
            delegation = _delegations.Values.FirstOrDefault(d => d.AccountId == accountId || d.Login == key)
                ?? throw new RightsException($"{login} n'a pas de délégation d'administration") { NotFound = true };
            _store.DeleteDelegation(delegation.AccountId);
            _delegations.Remove(delegation.AccountId);
            Rebuild();
        }

        Audit(actor, "delegation.revoke", $"{delegation.Login} : délégation d'administration retirée");
    }
}
