using Preau.Plugins.Directory.Plugin.Search;
using Preau.Plugins.Graph;
using Preau.Plugins.Http;

namespace Preau.Plugins.Directory.Plugin.Actions;

/// <summary>The card as one caller sees it: <see cref="DirectoryCard"/> plus the caller's actions, the
/// modifiable values, the outside identifiers and which values were set by hand.</summary>
public sealed class CardView(DirectoryIndexCache cache, IGraphReader graph, ExternalIdStore externals, ManualFieldStore manual)
{
    /// <summary>The card of <paramref name="scope"/>'s person for the request's caller.</summary>
    public object Build(PluginRequest request, ActionScope scope)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var actions = new ActionRules(request, scope).Available();
        var person = scope.Person;
        var modify = actions.Contains(ActionRules.Modify);
        IReadOnlyDictionary<string, string?>? externe = null;
        if (actions.Contains(ActionRules.External))
        {
            var values = externals.Get(person.Id);
            externe = ExternalServices.Catalogue.ToDictionary(s => s.Key, s => values.GetValueOrDefault(s.Key), StringComparer.Ordinal);
        }

        var manualFields = modify ? manual.Get(person.Id)?.Values : null;
        var extras = new CardExtras(
            actions,
            modify ? new { displayName = person.DisplayName, firstName = person.FirstName, lastName = person.LastName, function = person.Function.ToString() } : null,
            externe,
            modify ? [.. ManualFieldStore.Fields.Where(f => manualFields?.ContainsKey(f) == true)] : null);
        return DirectoryCard.Build(scope.Index, graph, scope.Visibility, scope.Target, extras);
    }

    /// <summary>Writes the card of <c>people/{id}</c> as the graph is now (after a change): 200, or 404
    /// when the caller may not, or no longer, see the person.</summary>
    public async Task WriteAsync(PluginRequest request)
    {
        if (await ActionScope.ResolveAsync(request, cache) is { } scope)
        {
            await request.WriteJsonAsync(Build(request, scope));
        }
    }
}
