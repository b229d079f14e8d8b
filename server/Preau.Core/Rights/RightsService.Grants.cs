using Preau.Core.Accounts;

namespace Preau.Core.Rights;

// The matrix and the administrator's changes to it.
public sealed partial class RightsService
{
    /// <summary>Every service (installed, then school decisions waiting for their plugin), each action with
    /// every profile and function and the accounts granted by name.</summary>
    /// <param name="serviceId">Only this service, when given.</param>
    public IReadOnlyList<MatrixService> Matrix(string? serviceId = null)
    {
        var snapshot = _snapshot;
        var result = new List<MatrixService>();
        foreach (var (service, installed) in snapshot.Services.Select(s => (s, true)).Concat(snapshot.Pending.Select(s => (s, false))))
        {
            if (serviceId is not null && service.Id != serviceId)
            {
                continue;
            }

            var actions = service.Actions.Select(a => MatrixActionOf(snapshot.Rights[$"{service.Id}.{a.Id}"])).ToArray();
            result.Add(new MatrixService(service.Id, service.Label, service.Owner, installed, actions));
        }

        return result;
    }

    /// <summary>Grants (<paramref name="granted"/> true) or withdraws a right from a grantee. A change back to
    /// the declared default removes the override. Returns whether anything changed (only changes are audited).</summary>
    /// <exception cref="RightsException">Unknown right or account, invalid grantee, or the change would lock
    /// the administrators out of the matrix.</exception>
    public bool SetGrant(string right, Grantee grantee, bool granted, string actor)
    {
        ArgumentNullException.ThrowIfNull(grantee);
        var checkedGrantee = ValidateGrantee(grantee);
        if (!granted && right == CoreRights.AdminServices && checkedGrantee == Grantee.ForProfile(Profile.AdministrateurEnt))
        {
            throw new RightsException($"le profil Administrateurs ENT garde toujours le droit {CoreRights.AdminServices} : sans lui, plus personne ne pourrait rendre les droits");
        }

        lock (_lock)
        {
            var entry = Entry(right);
            if (entry.Effective.Contains(checkedGrantee) == granted)
            {
                return false;
            }

            if (entry.Defaults.Contains(checkedGrantee) == granted)
            {
                _store.DeleteGrantOverride(right, checkedGrantee);
                OverridesOf(right).Remove(checkedGrantee);
            }
            else
            {
                var change = new GrantOverride(right, checkedGrantee, granted, actor, _time.GetUtcNow());
                _store.SaveGrantOverride(change);
                OverridesOf(right)[checkedGrantee] = change;
            }

            Rebuild();
        }

        Audit(actor, granted ? "rights.grant" : "rights.revoke", $"{right} : {checkedGrantee} ({checkedGrantee.Label}) {(granted ? "accordé" : "retiré")}");
        return true;
    }

    /// <summary>Brings a grantee back to the declared default for a right. Returns whether there was a change to undo.</summary>
    /// <exception cref="RightsException">Unknown right, or the reset would lock the administrators out.</exception>
    public bool ResetGrant(string right, Grantee grantee, string actor)
    {
        ArgumentNullException.ThrowIfNull(grantee);

        // Canonical form, without requiring the account to exist still: its override may outlive it.
        grantee = grantee.Kind == GranteeKind.Account ? Grantee.ForAccount(grantee.Value) : Grantee.Parse(grantee.ToString());
        bool restored;
        lock (_lock)
        {
            var entry = Entry(right);
            if (!_overrides.TryGetValue(right, out var changes) || !changes.Remove(grantee))
            {
                return false;
            }

            _store.DeleteGrantOverride(right, grantee);
            restored = entry.Defaults.Contains(grantee);
            Rebuild();
        }

        Audit(actor, "rights.reset", $"{right} : {grantee} ({grantee.Label}) revenu au défaut ({(restored ? "accordé" : "non accordé")})");
        return true;
    }

    private RightEntry Entry(string right) =>
        _snapshot.Rights.TryGetValue(right ?? "", out var entry)
            ? entry
            : throw new RightsException($"le droit {right} n'existe pas : aucun service installé ne le déclare") { NotFound = true };

    private Grantee ValidateGrantee(Grantee grantee) => grantee.Kind switch
    {
        GranteeKind.Account => Grantee.ForAccount(FindAccount(grantee.Value).Login),
        _ => Grantee.Parse(grantee.ToString()),
    };

    private static MatrixAction MatrixActionOf(RightEntry entry)
    {
        var candidates = Enum.GetValues<Profile>().Select(Grantee.ForProfile)
            .Concat(Enum.GetValues<StaffFunction>().Where(f => f != StaffFunction.None).Select(Grantee.ForFunction))
            .Concat(entry.Defaults.Concat(entry.Effective).Where(g => g.Kind == GranteeKind.Account).Distinct().OrderBy(g => g.Value, StringComparer.Ordinal));
        var cells = candidates
            .Select(g => new MatrixGrant(g, entry.Effective.Contains(g), entry.Defaults.Contains(g), entry.Effective.Contains(g) != entry.Defaults.Contains(g)))
            .ToArray();
        return new MatrixAction($"{entry.Service.Id}.{entry.Action.Id}", entry.Action, cells);
    }
}
