using Preau.Plugins.Storage;

namespace Preau.Plugins.Directory.Plugin.Actions;

/// <summary>An account's identifiers in outside services (collection <c>external-ids</c>, by account id).</summary>
/// <param name="Values">Service key → identifier.</param>
/// <param name="Updated">When last changed.</param>
/// <param name="UpdatedBy">By whom (login).</param>
public sealed record ExternalIdsDocument(Dictionary<string, string> Values, DateTimeOffset Updated, string UpdatedBy);

/// <summary>Reads and writes <see cref="ExternalIdsDocument"/>s. An identifier belongs to one account
/// per service: single sign-on and rostering match on it.</summary>
public sealed class ExternalIdStore(IPluginStore store)
{
    private IPluginCollection<ExternalIdsDocument> Documents => store.Collection<ExternalIdsDocument>("external-ids");

    /// <summary>The identifiers of an account (empty when none).</summary>
    public IReadOnlyDictionary<string, string> Get(string accountId) =>
        Documents.Get(accountId)?.Values ?? new Dictionary<string, string>();

    /// <summary>Replaces the identifiers of an account; none deletes its document.</summary>
    public void Put(string accountId, Dictionary<string, string> values, DateTimeOffset now, string by)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.Count == 0)
        {
            Documents.Delete(accountId);
        }
        else
        {
            Documents.Put(accountId, new ExternalIdsDocument(values, now, by));
        }
    }

    /// <summary>The account other than <paramref name="accountId"/> holding <paramref name="value"/> for
    /// <paramref name="key"/> (case ignored), or null.</summary>
    public string? HolderOf(string key, string value, string accountId) =>
        Documents.All()
            .Where(d => d.Id != accountId && d.Value.Values.TryGetValue(key, out var held) && string.Equals(held, value, StringComparison.OrdinalIgnoreCase))
            .Select(d => d.Id)
            .FirstOrDefault();
}
