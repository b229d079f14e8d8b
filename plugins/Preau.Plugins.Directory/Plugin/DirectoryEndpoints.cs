using Microsoft.AspNetCore.Http;
using Preau.Plugins.Directory.Plugin.Actions;
using Preau.Plugins.Directory.Plugin.Search;
using Preau.Plugins.Graph;
using Preau.Plugins.Http;

namespace Preau.Plugins.Directory.Plugin;

/// <summary>The users' directory under <c>/api/plugins/Preau.Plugins.Directory/</c>: <c>GET search</c>
/// and <c>GET people/{id}</c> (the card, with the caller's actions: <see cref="CardView"/>), right
/// <c>annuaire.search</c>, within the visibility rules of <see cref="DirectoryVisibility"/>.</summary>
public sealed class DirectoryEndpoints(DirectoryIndexCache cache, IGraphReader graph, CardView card) : IPluginEndpoints
{
    /// <summary>Most results in one page.</summary>
    public const int MaxLimit = 200;

    /// <inheritdoc />
    public void Map(IPluginRouteBuilder routes)
    {
        ArgumentNullException.ThrowIfNull(routes);
        routes.MapGet("search", SearchAsync).RequireRight(AnnuaireService.Search);
        routes.MapGet("people/{id}", CardAsync).RequireRight(AnnuaireService.Search);
    }

    private async Task SearchAsync(PluginRequest request)
    {
        var index = cache.Current;
        var caller = index.IndexOf(request.Caller!.Id);
        if (caller < 0)
        {
            await request.WriteErrorAsync(StatusCodes.Status403Forbidden, "Compte inconnu de l'annuaire.");
            return;
        }

        var q = request.HttpContext.Request.Query;
        if (!TryParse(q, out var query, out var error))
        {
            await request.WriteErrorAsync(StatusCodes.Status400BadRequest, error);
            return;
        }

        var visibility = new DirectoryVisibility(index, caller, request.CheckRight(AnnuaireService.FicheEleve).Allowed);
        var results = DirectorySearch.Run(index, query, visibility);
        await request.WriteJsonAsync(new { total = results.Total, items = results.Items.Select(p => DirectoryCard.Summary(index, graph, p)) });
    }

    private Task CardAsync(PluginRequest request) => card.WriteAsync(request);

    private static bool TryParse(IQueryCollection q, out DirectoryQuery query, out string error)
    {
        query = new DirectoryQuery();
        error = "";
        if (!TryEnum<AccountProfile>(q, "profile", out var profile, ref error)
            || !TryEnum<AccountFunction>(q, "function", out var function, ref error)
            || !TryEnum<AccountStatus>(q, "state", out var state, ref error)
            || !TryInt(q, "offset", 0, 0, int.MaxValue, out var offset, ref error)
            || !TryInt(q, "limit", 50, 1, MaxLimit, out var limit, ref error))
        {
            return false;
        }

        query = new DirectoryQuery
        {
            Text = Value(q, "q"),
            Profile = profile,
            Function = function,
            State = state,
            Structure = Value(q, "class"),
            Level = Value(q, "level"),
            Subject = Value(q, "subject"),
            Offset = offset,
            Limit = limit,
        };
        return true;
    }

    private static string? Value(IQueryCollection q, string name) =>
        q.TryGetValue(name, out var value) && value.ToString().Trim() is { Length: > 0 and <= 200 } text ? text : null;

    private static bool TryEnum<T>(IQueryCollection q, string name, out T? value, ref string error)
        where T : struct, Enum
    {
        value = null;
        if (Value(q, name) is not { } text)
        {
            return true;
        }

        if (Enum.TryParse<T>(text, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) && !char.IsAsciiDigit(text[0]))
        {
            value = parsed;
            return true;
        }

        error = $"Valeur inconnue pour « {name} » : {text} (valeurs : {string.Join(", ", Enum.GetNames<T>())}).";
        return false;
    }

    private static bool TryInt(IQueryCollection q, string name, int fallback, int min, int max, out int value, ref string error)
    {
        value = fallback;
        if (Value(q, name) is not { } text)
        {
            return true;
        }

        if (int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out value) && value >= min && value <= max)
        {
            return true;
        }

        error = $"« {name} » doit être un entier entre {min} et {max}.";
        return false;
    }
}
