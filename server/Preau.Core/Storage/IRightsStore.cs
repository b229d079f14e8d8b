using Preau.Core.Rights;

namespace Preau.Core.Storage;

/// <summary>The administrator's rights decisions, kept across restarts: grant overrides (by right name),
/// delegations and ENT roles. Defaults are never stored: they come from the declarations.</summary>
public interface IRightsStore
{
    /// <summary>Every override, whatever service it belongs to (installed or not).</summary>
    IReadOnlyList<GrantOverride> LoadGrantOverrides();

    /// <summary>Adds or replaces the override of (<see cref="GrantOverride.Right"/>, <see cref="GrantOverride.Grantee"/>).</summary>
    void SaveGrantOverride(GrantOverride grant);

    /// <summary>Removes an override; nothing happens when there is none.</summary>
    void DeleteGrantOverride(string right, Grantee grantee);

    /// <summary>Every delegation, expired ones included.</summary>
    IReadOnlyList<Delegation> LoadDelegations();

    /// <summary>Adds or replaces the delegation of <see cref="Delegation.AccountId"/>.</summary>
    void SaveDelegation(Delegation delegation);

    /// <summary>Removes an account's delegation; nothing happens when there is none.</summary>
    void DeleteDelegation(string accountId);

    /// <summary>Every ENT role assignment.</summary>
    IReadOnlyList<EntRoleAssignment> LoadRoleAssignments();

    /// <summary>Adds or replaces an assignment.</summary>
    void SaveRoleAssignment(EntRoleAssignment assignment);

    /// <summary>Removes an assignment; nothing happens when there is none.</summary>
    void DeleteRoleAssignment(string uai, EntRole role, string accountId);
}
