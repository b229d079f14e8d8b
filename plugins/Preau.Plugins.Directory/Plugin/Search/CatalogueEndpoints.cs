using Preau.Plugins.Graph;
using Preau.Plugins.Http;

namespace Preau.Plugins.Directory.Plugin.Search;

/// <summary><c>GET catalogue</c> (right <c>annuaire.search</c>): the school's classes, groups, levels
/// and subjects, for the search form's suggestions. Nothing personal: the same for every caller.</summary>
public sealed class CatalogueEndpoints(DirectoryIndexCache cache) : IPluginEndpoints
{
    /// <inheritdoc />
    public void Map(IPluginRouteBuilder routes)
    {
        ArgumentNullException.ThrowIfNull(routes);
        routes.MapGet("catalogue", CatalogueAsync).RequireRight(AnnuaireService.Search);
    }

    private async Task CatalogueAsync(PluginRequest request)
    {
        var index = cache.Current;
        var structures = index.Structures.OrderBy(s => s.Code, StringComparer.OrdinalIgnoreCase).ToArray();
        await request.WriteJsonAsync(new
        {
            classes = structures.Where(s => s.Type == StructureType.Class).Select(s => new { code = s.Code, nom = s.Name, niveau = s.LevelCode }),
            groupes = structures.Where(s => s.Type == StructureType.Group).Select(s => new { code = s.Code, nom = s.Name, niveau = s.LevelCode }),
            niveaux = index.Levels.Values.OrderBy(l => l.Order).ThenBy(l => l.Code, StringComparer.Ordinal).Select(l => new { code = l.Code, nom = l.Name }),
            matieres = index.Subjects.Values.OrderBy(s => s.Name, StringComparer.OrdinalIgnoreCase).Select(s => new { code = s.Code, nom = s.Name }),
        });
    }
}
