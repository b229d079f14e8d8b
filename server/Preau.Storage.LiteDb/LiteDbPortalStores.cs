using System.Text.Json;
using LiteDB;
using Preau.Core.Announcements;
using Preau.Core.Policy;
using Preau.Core.Preferences;
using Preau.Core.Storage;
using Json = System.Text.Json.JsonSerializer;

namespace Preau.Storage.LiteDb;

// IAnnouncementStore, IPreferencesStore and the policy replacements of IPolicyStateStore: a few small
// documents each. The collections are opened on first use, so the store's shared initialisation stays
// untouched.
public sealed partial class LiteDbStore : IAnnouncementStore, IPreferencesStore
{
    private static readonly JsonSerializerOptions PolicyJson = new(JsonSerializerDefaults.Web);

    private ILiteCollection<AnnouncementDoc>? _announcements;
    private ILiteCollection<PreferencesDoc>? _preferences;
    private ILiteCollection<PolicyOverridesDoc>? _policyOverrides;

    private ILiteCollection<AnnouncementDoc> Announcements => _announcements ??= Collection<AnnouncementDoc>("announcements");

    private ILiteCollection<PreferencesDoc> PreferencesDocs => _preferences ??= Collection<PreferencesDoc>("preferences");

    private ILiteCollection<PolicyOverridesDoc> PolicyOverridesDocs => _policyOverrides ??= Collection<PolicyOverridesDoc>("policy_overrides");

    /// <inheritdoc />
    public IReadOnlyList<Announcement> LoadAnnouncements() => Read(() => Announcements.FindAll().Select(d => d.ToRecord()).ToList());

    /// <inheritdoc />
    public void SaveAnnouncement(Announcement announcement)
    {
        ArgumentNullException.ThrowIfNull(announcement);
        Write(() => Announcements.Upsert(AnnouncementDoc.Of(announcement)));
    }

    /// <inheritdoc />
    public bool DeleteAnnouncement(string id) => Write(() => Announcements.Delete(id));

    /// <inheritdoc />
    public UserPreferences? LoadPreferences(string accountId) => Read(() => PreferencesDocs.FindById(accountId)?.ToRecord());

    /// <inheritdoc />
    public void SavePreferences(string accountId, UserPreferences preferences)
    {
        ArgumentNullException.ThrowIfNull(preferences);
        Write(() => PreferencesDocs.Upsert(PreferencesDoc.Of(accountId, preferences)));
    }

    /// <inheritdoc />
    public PolicyOverrides LoadOverrides()
    {
        var doc = Read(() => PolicyOverridesDocs.FindById(PolicyOverridesDoc.SingleId));
        if (doc is null)
        {
            return PolicyOverrides.None;
        }

        // Stored in words and parsed again: what was valid when saved is checked against today's vocabulary.
        return new PolicyOverrides(
            doc.Rules is null ? null : PolicyInputParser.Rules(Json.Deserialize<RuleInput[]>(doc.Rules, PolicyJson)),
            doc.ListRules is null ? null : PolicyInputParser.ListRules(Json.Deserialize<ListRuleInput[]>(doc.ListRules, PolicyJson)),
            doc.RateLimits is null ? null : PolicyInputParser.RateLimits(Json.Deserialize<RateLimitInput[]>(doc.RateLimits, PolicyJson)));
    }

    /// <inheritdoc />
    public void SaveOverrides(PolicyOverrides overrides)
    {
        ArgumentNullException.ThrowIfNull(overrides);
        var doc = new PolicyOverridesDoc
        {
            Rules = overrides.Rules is null ? null : Json.Serialize(overrides.Rules.Select(PolicyInputParser.ToInput).ToArray(), PolicyJson),
            ListRules = overrides.ListRules is null ? null : Json.Serialize(overrides.ListRules.Select(PolicyInputParser.ToInput).ToArray(), PolicyJson),
            RateLimits = overrides.RateLimits is null ? null : Json.Serialize(PolicyInputParser.ToInput(overrides.RateLimits), PolicyJson),
        };
        Write(() => PolicyOverridesDocs.Upsert(doc));
    }
}
