using System.Text.Json;
using Preau.Core.Storage;

namespace Preau.PluginHost;

/// <summary>What survives a restart: for each plugin id, whether it is enabled and which version was
/// installed. Kept in the document store under the host's own namespace.</summary>
internal sealed class PluginStateStore(IDocumentStore documents)
{
    /// <summary>The host's namespace; plugin ids never start with '$'.</summary>
    private const string Space = "$plugin-host";
    private const string Collection = "plugins";

    public StoredPluginState? Get(string id) =>
        documents.GetDocument(Space, Collection, Key(id)) is { } json ? JsonSerializer.Deserialize<StoredPluginState>(json) : null;

    public void Save(string id, StoredPluginState state) =>
        documents.PutDocuments(Space, Collection, [new(Key(id), JsonSerializer.Serialize(state))]);

    public void Delete(string id) => documents.DeleteDocument(Space, Collection, Key(id));

    private static string Key(string id) => id.ToLowerInvariant();
}

/// <summary>A plugin's persisted state.</summary>
/// <param name="Enabled">Whether it should be active.</param>
/// <param name="Version">The version installed.</param>
internal sealed record StoredPluginState(bool Enabled, string Version);
