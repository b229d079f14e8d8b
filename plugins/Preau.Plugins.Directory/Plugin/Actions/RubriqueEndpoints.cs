using Preau.Plugins.Graph;
using Preau.Plugins.Http;

namespace Preau.Plugins.Directory.Plugin.Actions;

/// <summary><c>GET people/{id}/rubriques</c>: the rubriques a person belongs to, by name, for oneself or
/// with the right <c>annuaire.rubriques</c>, within the visibility rules (a hidden person is 404).</summary>
public sealed class RubriqueEndpoints(Search.DirectoryIndexCache cache, IGraphReader graph) : IPluginEndpoints
{
    /// <inheritdoc />
    public void Map(IPluginRouteBuilder routes)
    {
        ArgumentNullException.ThrowIfNull(routes);
        routes.MapGet("people/{id}/rubriques", ListAsync);
    }

    private async Task ListAsync(PluginRequest request)
    {
        if (await ActionScope.ResolveAsync(request, cache) is not { } scope)
        {
            return;
        }

        if (new ActionRules(request, scope).CanSeeRubriques() is { Allowed: false } refused)
        {
            await refused.WriteAsync(request);
            return;
        }

        await request.WriteJsonAsync(graph.RubriquesOf(scope.Person.Id)
            .OrderBy(r => Model.Folding.Slug(r.Name, ' '), StringComparer.Ordinal)
            .Select(r => new { id = r.Id, nom = r.Name, listeDeDiffusion = r.DiffusionList }));
    }
}
