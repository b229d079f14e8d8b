using Preau.Core.Announcements;
using Preau.Core.Policy;
using Preau.Core.Preferences;
using Preau.Core.Rights;
using Preau.Core.Storage;

namespace Preau.Core.Tests.Fakes;

/// <summary>The portal's storage ports in memory: announcements, preferences, policy switches and
/// replacements, rights decisions (none), and the audit log.</summary>
internal sealed class MemoryPortalStores : IAnnouncementStore, IPreferencesStore, IPolicyStateStore, IRightsStore, IAuditLog
{
    private readonly Dictionary<string, Announcement> _announcements = [];
    private readonly Dictionary<string, UserPreferences> _preferences = [];
    private readonly List<AuditEntry> _audit = [];
    private PolicyState _state = PolicyState.Default;
    private PolicyOverrides _overrides = PolicyOverrides.None;

    public IReadOnlyList<AuditEntry> AuditEntries => _audit;

    public IReadOnlyList<Announcement> LoadAnnouncements() => _announcements.Values.ToArray();

    public void SaveAnnouncement(Announcement announcement) => _announcements[announcement.Id] = announcement;

    public bool DeleteAnnouncement(string id) => _announcements.Remove(id);

    public UserPreferences? LoadPreferences(string accountId) => _preferences.GetValueOrDefault(accountId);

    public void SavePreferences(string accountId, UserPreferences preferences) => _preferences[accountId] = preferences;

    public PolicyState Load() => _state;

    public void Save(PolicyState state) => _state = state;

    public PolicyOverrides LoadOverrides() => _overrides;

    public void SaveOverrides(PolicyOverrides overrides) => _overrides = overrides;

    public IReadOnlyList<GrantOverride> LoadGrantOverrides() => [];

    public void SaveGrantOverride(GrantOverride grant)
    {
    }

    public void DeleteGrantOverride(string right, Grantee grantee)
    {
    }

    public IReadOnlyList<Delegation> LoadDelegations() => [];

    public void SaveDelegation(Delegation delegation)
    {
    }

    public void DeleteDelegation(string accountId)
    {
    }

    public IReadOnlyList<EntRoleAssignment> LoadRoleAssignments() => [];

    public void SaveRoleAssignment(EntRoleAssignment assignment)
    {
    }

    public void DeleteRoleAssignment(string uai, EntRole role, string accountId)
    {
    }

    public void Append(AuditEntry entry) => _audit.Add(entry with { Id = _audit.Count + 1 });

    public IReadOnlyList<AuditEntry> Recent(int max) => _audit.AsEnumerable().Reverse().Take(max).ToArray();

    public IReadOnlyList<AuditEntry> Query(AuditQuery query) => _audit.AsEnumerable().Reverse().Where(query.Matches).Take(query.Limit).ToArray();
}
