using Preau.Plugins.Directory.Planning;
using Preau.Plugins.Storage;
using G = Preau.Plugins.Graph;

namespace Preau.Plugins.Directory.Plugin.Actions;

/// <summary>The fields of a card an administrator set by hand (collection <c>manual-fields</c> of the
/// plugin store, by account id). <paramref name="Values"/>: field (<c>firstName</c>, <c>lastName</c>,
/// <c>displayName</c>, <c>function</c>) → value kept over the feed's at each import;
/// <paramref name="Before"/>: the value each field had before it was first set by hand (what
/// clearing it brings back).</summary>
/// <param name="Values">The values kept.</param>
/// <param name="Before">The values they replaced.</param>
/// <param name="Updated">When last changed.</param>
/// <param name="UpdatedBy">By whom (login).</param>
public sealed record ManualFieldsDocument(Dictionary<string, string> Values, Dictionary<string, string> Before, DateTimeOffset Updated, string UpdatedBy);

/// <summary>Reads and writes <see cref="ManualFieldsDocument"/>s, and gives the planner its
/// <see cref="ManualValues"/>.</summary>
public sealed class ManualFieldStore(IPluginStore store)
{
    /// <summary>The fields that can be set by hand, in the order of the card's <c>modifiable</c>.</summary>
    public static readonly IReadOnlyList<string> Fields = ["displayName", "firstName", "lastName", "function"];

    private IPluginCollection<ManualFieldsDocument> Documents => store.Collection<ManualFieldsDocument>("manual-fields");

    /// <summary>The document of an account, or null when nothing was set by hand.</summary>
    public ManualFieldsDocument? Get(string accountId) => Documents.Get(accountId);

    /// <summary>Replaces the document of an account; an empty one is deleted.</summary>
    public void Put(string accountId, ManualFieldsDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        if (document.Values.Count == 0)
        {
            Documents.Delete(accountId);
        }
        else
        {
            Documents.Put(accountId, document);
        }
    }

    /// <summary>Every account's manual values, as the planner takes them.</summary>
    public IReadOnlyDictionary<string, ManualValues> All() =>
        Documents.All().ToDictionary(d => d.Id, d => ToPlanner(d.Value.Values), StringComparer.Ordinal);

    private static ManualValues ToPlanner(Dictionary<string, string> values) => new(
        values.GetValueOrDefault("firstName"),
        values.GetValueOrDefault("lastName"),
        values.GetValueOrDefault("displayName"),
        values.GetValueOrDefault("function") is { } function && Enum.TryParse<G.AccountFunction>(function, out var parsed)
            ? GraphState.Map<G.AccountFunction, Model.StaffRole>(parsed)
            : null);
}
