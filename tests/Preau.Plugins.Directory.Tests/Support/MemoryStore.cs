using System.Collections.Concurrent;
using System.Text.Json;
using Preau.Plugins.Storage;

namespace Preau.Plugins.Directory.Tests.Support;

/// <summary>An <see cref="IPluginStore"/> in memory that keeps documents as JSON text, as the host does
/// (so a document that would not survive serialisation fails here too).</summary>
internal sealed class MemoryStore : IPluginStore
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly ConcurrentDictionary<string, SortedDictionary<string, string>> _collections = new(StringComparer.Ordinal);

    public IPluginCollection<T> Collection<T>(string name)
        where T : class => new MemoryCollection<T>(name, _collections.GetOrAdd(name, _ => new SortedDictionary<string, string>(StringComparer.Ordinal)));

    private sealed class MemoryCollection<T>(string name, SortedDictionary<string, string> documents) : IPluginCollection<T>
        where T : class
    {
        public string Name => name;

        public T? Get(string id)
        {
            lock (documents)
            {
                return documents.TryGetValue(id, out var text) ? JsonSerializer.Deserialize<T>(text, Json) : null;
            }
        }

        public IReadOnlyList<StoredDocument<T>> All()
        {
            lock (documents)
            {
                return [.. documents.Select(d => new StoredDocument<T>(d.Key, JsonSerializer.Deserialize<T>(d.Value, Json)!))];
            }
        }

        public void Put(string id, T document) => PutMany([new StoredDocument<T>(id, document)]);

        public void PutMany(IEnumerable<StoredDocument<T>> items)
        {
            lock (documents)
            {
                foreach (var item in items)
                {
                    documents[item.Id] = JsonSerializer.Serialize(item.Value, Json);
                }
            }
        }

        public bool Delete(string id)
        {
            lock (documents)
            {
                return documents.Remove(id);
            }
        }

        public int Count()
        {
            lock (documents)
            {
                return documents.Count;
            }
        }
    }
}
