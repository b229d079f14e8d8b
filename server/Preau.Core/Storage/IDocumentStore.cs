namespace Preau.Core.Storage;

/// <summary>Small JSON documents grouped by namespace (a plugin id, or the host's own) and collection:
/// the storage that plugins get without a schema of their own in the index.</summary>
public interface IDocumentStore
{
    /// <summary>The JSON of one document, or null.</summary>
    string? GetDocument(string space, string collection, string id);

    /// <summary>Every document of a collection, by id, in id order.</summary>
    IReadOnlyList<KeyValuePair<string, string>> GetDocuments(string space, string collection);

    /// <summary>Adds or replaces documents in one transaction (all or nothing).</summary>
    void PutDocuments(string space, string collection, IReadOnlyList<KeyValuePair<string, string>> documents);

    /// <summary>Deletes a document; false when there was none.</summary>
    bool DeleteDocument(string space, string collection, string id);

    /// <summary>How many documents a collection holds.</summary>
    int CountDocuments(string space, string collection);

    /// <summary>Deletes every document of a namespace; returns how many.</summary>
    int DeleteSpace(string space);
}
