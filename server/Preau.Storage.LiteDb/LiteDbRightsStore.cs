using LiteDB;
using Preau.Core.Rights;
using Preau.Core.Storage;

namespace Preau.Storage.LiteDb;

// IRightsStore: grant overrides, delegations and ENT roles, a few documents each. The collections are
// opened on first use, so the store's shared initialisation stays untouched.
public sealed partial class LiteDbStore : IRightsStore
{
    private ILiteCollection<GrantOverrideDoc>? _grantOverrides;
    private ILiteCollection<DelegationDoc>? _delegations;
    private ILiteCollection<EntRoleDoc>? _entRoles;

    private ILiteCollection<GrantOverrideDoc> GrantOverrides => _grantOverrides ??= Collection<GrantOverrideDoc>("rights_grants");

    private ILiteCollection<DelegationDoc> DelegationDocs => _delegations ??= Collection<DelegationDoc>("rights_delegations");

    private ILiteCollection<EntRoleDoc> EntRoles => _entRoles ??= Collection<EntRoleDoc>("ent_roles");

    /// <inheritdoc />
    public IReadOnlyList<GrantOverride> LoadGrantOverrides() => Read(() => GrantOverrides.FindAll().Select(d => d.ToRecord()).ToList());

    /// <inheritdoc />
    public void SaveGrantOverride(GrantOverride grant)
    {
        ArgumentNullException.ThrowIfNull(grant);
        Write(() => GrantOverrides.Upsert(GrantOverrideDoc.Of(grant)));
    }

    /// <inheritdoc />
    public void DeleteGrantOverride(string right, Grantee grantee)
    {
        ArgumentNullException.ThrowIfNull(grantee);
        Write(() => GrantOverrides.Delete(GrantOverrideDoc.Key(right, grantee)));
    }

    /// <inheritdoc />
    public IReadOnlyList<Delegation> LoadDelegations() => Read(() => DelegationDocs.FindAll().Select(d => d.ToRecord()).ToList());

    /// <inheritdoc />
    public void SaveDelegation(Delegation delegation)
    {
        ArgumentNullException.ThrowIfNull(delegation);
        Write(() => DelegationDocs.Upsert(DelegationDoc.Of(delegation)));
    }

    /// <inheritdoc />
    public void DeleteDelegation(string accountId) => Write(() => DelegationDocs.Delete(accountId));

    /// <inheritdoc />
    public IReadOnlyList<EntRoleAssignment> LoadRoleAssignments() => Read(() => EntRoles.FindAll().Select(d => d.ToRecord()).ToList());

    /// <inheritdoc />
    public void SaveRoleAssignment(EntRoleAssignment assignment)
    {
        ArgumentNullException.ThrowIfNull(assignment);
        Write(() => EntRoles.Upsert(EntRoleDoc.Of(assignment)));
    }

    /// <inheritdoc />
    public void DeleteRoleAssignment(string uai, EntRole role, string accountId) =>
        Write(() => EntRoles.Delete(EntRoleDoc.Key(uai, role, accountId)));
}
