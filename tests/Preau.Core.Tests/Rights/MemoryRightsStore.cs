using Preau.Core.Rights;
using Preau.Core.Storage;

namespace Preau.Core.Tests.Rights;

/// <summary>The rights store and the audit log in memory, shared by successive services to act as a restart.</summary>
internal sealed class MemoryRightsStore : IRightsStore, IAuditLog
{
    private readonly Dictionary<(string, Grantee), GrantOverride> _grants = [];
    private readonly Dictionary<string, Delegation> _delegations = [];
    private readonly Dictionary<(string, EntRole, string), EntRoleAssignment> _roles = [];
    private readonly List<AuditEntry> _audit = [];

    public IReadOnlyCollection<GrantOverride> Grants => _grants.Values;

    public IReadOnlyList<AuditEntry> AuditEntries => _audit;

    public IReadOnlyList<GrantOverride> LoadGrantOverrides() => [.. _grants.Values];

    public void SaveGrantOverride(GrantOverride grant) => _grants[(grant.Right, grant.Grantee)] = grant;

    public void DeleteGrantOverride(string right, Grantee grantee) => _grants.Remove((right, grantee));

    public IReadOnlyList<Delegation> LoadDelegations() => [.. _delegations.Values];

    public void SaveDelegation(Delegation delegation) => _delegations[delegation.AccountId] = delegation;

    public void DeleteDelegation(string accountId) => _delegations.Remove(accountId);

    public IReadOnlyList<EntRoleAssignment> LoadRoleAssignments() => [.. _roles.Values];

    public void SaveRoleAssignment(EntRoleAssignment assignment) => _roles[(assignment.Uai, assignment.Role, assignment.AccountId)] = assignment;

    public void DeleteRoleAssignment(string uai, EntRole role, string accountId) => _roles.Remove((uai, role, accountId));

    public void Append(AuditEntry entry) => _audit.Add(entry with { Id = _audit.Count + 1 });

    public IReadOnlyList<AuditEntry> Recent(int max) => _audit.AsEnumerable().Reverse().Take(max).ToList();

    public IReadOnlyList<AuditEntry> Query(AuditQuery query) => _audit.AsEnumerable().Reverse().Where(query.Matches).Take(query.Limit).ToList();
}
