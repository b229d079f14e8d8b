using System.Text.Json;
using System.Text.RegularExpressions;
using Preau.Core.Storage;
using Preau.Plugins.Storage;

namespace Preau.PluginHost.Services;

/// <summary><see cref="IPluginStore"/> over the document store, in the plugin's own namespace (its id,
/// lower-cased). Documents are JSON text, serialised with the plugin's own options, so the host's
/// serializer caches never hold the plugin's types after it is unloaded.</summary>
internal sealed partial class PluginStore(IDocumentStore documents, string space, JsonSerializerOptions json) : IPluginStore
{
    public IPluginCollection<T> Collection<T>(string name)
        where T : class =>
        name is not null && NamePattern().IsMatch(name)
            ? new PluginCollection<T>(documents, space, name, json)
            : throw new ArgumentException($"'{name}' is not a collection name (1 to 64 letters, digits, '-', '_', '.')", nameof(name));

    [GeneratedRegex("^[A-Za-z0-9_.-]{1,64}$")]
    private static partial Regex NamePattern();
}

/// <summary>One collection of a plugin's documents.</summary>
internal sealed class PluginCollection<T>(IDocumentStore store, string space, string name, JsonSerializerOptions json) : IPluginCollection<T>
    where T : class
{
    private const int MaxIdLength = 256;
    private const int MaxDocumentLength = 1024 * 1024;

    public string Name => name;

    public T? Get(string id) => store.GetDocument(space, name, CheckId(id)) is { } text ? JsonSerializer.Deserialize<T>(text, json) : null;

    public IReadOnlyList<StoredDocument<T>> All() =>
        store.GetDocuments(space, name)
            .Select(d => JsonSerializer.Deserialize<T>(d.Value, json) is { } value ? new StoredDocument<T>(d.Key, value) : null)
            .OfType<StoredDocument<T>>()
            .ToArray();

    public void Put(string id, T document) => PutMany([new StoredDocument<T>(id, document)]);

    public void PutMany(IEnumerable<StoredDocument<T>> documents)
    {
        ArgumentNullException.ThrowIfNull(documents);
        var batch = documents.Select(d =>
        {
            ArgumentNullException.ThrowIfNull(d);
            ArgumentNullException.ThrowIfNull(d.Value);
            var text = JsonSerializer.Serialize(d.Value, json);
            return text.Length <= MaxDocumentLength
                ? new KeyValuePair<string, string>(CheckId(d.Id), text)
                : throw new ArgumentException($"document '{d.Id}' is larger than 1 MiB of JSON");
        }).ToArray();
        if (batch.Length > 0)
        {
            store.PutDocuments(space, name, batch);
        }
    }

    public bool Delete(string id) => store.DeleteDocument(space, name, CheckId(id));

    public int Count() => store.CountDocuments(space, name);

    private static string CheckId(string id) =>
        !string.IsNullOrEmpty(id) && id.Length <= MaxIdLength && !id.Contains('\u001f', StringComparison.Ordinal)
            ? id
            : throw new ArgumentException($"a document id has 1 to {MaxIdLength} characters (got '{id}')", nameof(id));
}
