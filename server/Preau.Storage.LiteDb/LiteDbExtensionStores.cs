using LiteDB;
using Preau.Core.Mail;
using Preau.Core.Storage;

namespace Preau.Storage.LiteDb;

// IHeldMessageStore (the held queue) and IDocumentStore (plugins' namespaced JSON documents).
// Documents of every namespace share one collection: LiteDB collection names allow only letters,
// digits and '_', and every collection name lives in the file's single header page, so one
// collection per plugin and per plugin collection would not scale.
public sealed partial class LiteDbStore : IHeldMessageStore, IDocumentStore
{
    private ILiteCollection<HeldDoc> _held = null!;
    private ILiteCollection<JsonDoc> _documents = null!;

    /// <inheritdoc />
    public void Hold(HeldMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        Write(() => _held.Upsert(HeldDoc.Of(message)));
    }

    /// <inheritdoc />
    public IReadOnlyList<HeldMessage> GetHeld() =>
        Read(() => _held.Query().OrderBy(nameof(HeldDoc.HeldAt)).ToEnumerable().Select(d => d.ToRecord()).ToList());

    /// <inheritdoc />
    public bool TakeHeld(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        return Write(() => _held.Delete(id));
    }

    /// <inheritdoc />
    public string? GetDocument(string space, string collection, string id) =>
        Read(() => _documents.FindById(JsonDoc.IdOf(space, collection, id))?.Json);

    /// <inheritdoc />
    public IReadOnlyList<KeyValuePair<string, string>> GetDocuments(string space, string collection) => Read(() =>
        _documents.Query()
            .Where(Filters.Eq(nameof(JsonDoc.Scope), JsonDoc.ScopeOf(space, collection)))
            .OrderBy("_id")
            .ToEnumerable()
            .Select(d => new KeyValuePair<string, string>(d.Key, d.Json))
            .ToList());

    /// <inheritdoc />
    public void PutDocuments(string space, string collection, IReadOnlyList<KeyValuePair<string, string>> documents)
    {
        ArgumentNullException.ThrowIfNull(documents);
        var scope = JsonDoc.ScopeOf(space, collection);
        var docs = documents.Select(d => new JsonDoc
        {
            Id = JsonDoc.IdOf(space, collection, d.Key),
            Space = space,
            Scope = scope,
            Key = d.Key,
            Json = d.Value,
        }).ToList();
        Write(() => _documents.Upsert(docs));
    }

    /// <inheritdoc />
    public bool DeleteDocument(string space, string collection, string id) =>
        Write(() => _documents.Delete(JsonDoc.IdOf(space, collection, id)));

    /// <inheritdoc />
    public int CountDocuments(string space, string collection) =>
        Read(() => _documents.Count(Filters.Eq(nameof(JsonDoc.Scope), JsonDoc.ScopeOf(space, collection))));

    /// <inheritdoc />
    public int DeleteSpace(string space) =>
        Write(() => _documents.DeleteMany(Filters.Eq(nameof(JsonDoc.Space), space)));

    private void InitializeExtensionCollections()
    {
        _held = Collection<HeldDoc>("held_messages");
        _documents = Collection<JsonDoc>("documents");
        _ = _documents.EnsureIndex(d => d.Scope);
        _ = _documents.EnsureIndex(d => d.Space);
    }
}
