namespace Preau.Plugins.Storage;

/// <summary>The plugin's own storage in the server's embedded store: named collections of JSON
/// documents, kept apart from every other plugin's. Data stays when the plugin is disabled,
/// upgraded or removed (<c>preau plugin remove --purge</c> deletes it).</summary>
public interface IPluginStore
{
    /// <summary>A collection of documents of type <typeparamref name="T"/>, serialised with
    /// System.Text.Json (camelCase). <paramref name="name"/>: 1 to 64 letters, digits, '-', '_' or '.'.</summary>
    IPluginCollection<T> Collection<T>(string name)
        where T : class;
}

/// <summary>Documents by id. Each write is durable on return.</summary>
/// <typeparam name="T">The document type.</typeparam>
public interface IPluginCollection<T>
    where T : class
{
    /// <summary>The collection's name.</summary>
    string Name { get; }

    /// <summary>The document with this id, or null.</summary>
    T? Get(string id);

    /// <summary>Every document, in id order (ordinal).</summary>
    IReadOnlyList<StoredDocument<T>> All();

    /// <summary>Adds or replaces one document (id: 1 to 256 characters; at most 1 MiB of JSON).</summary>
    void Put(string id, T document);

    /// <summary>Adds or replaces several documents in one transaction: all or nothing.</summary>
    void PutMany(IEnumerable<StoredDocument<T>> documents);

    /// <summary>Deletes a document; false when there was none.</summary>
    bool Delete(string id);

    /// <summary>How many documents the collection holds.</summary>
    int Count();
}

/// <summary>A document with its id.</summary>
/// <typeparam name="T">The document type.</typeparam>
/// <param name="Id">Its id.</param>
/// <param name="Value">The document.</param>
public sealed record StoredDocument<T>(string Id, T Value)
    where T : class;
