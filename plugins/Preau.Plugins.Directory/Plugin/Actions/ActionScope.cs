using Microsoft.AspNetCore.Http;
using Preau.Plugins.Directory.Plugin.Search;
using Preau.Plugins.Graph;
using Preau.Plugins.Http;

namespace Preau.Plugins.Directory.Plugin.Actions;

/// <summary>Who acts on whom: the caller and the person of <c>people/{id}</c> in one index, with the
/// caller's visibility. Built only when the caller may see the person.</summary>
/// <param name="Index">The directory index.</param>
/// <param name="Caller">The caller's position.</param>
/// <param name="Target">The person's position.</param>
/// <param name="Visibility">What the caller may see.</param>
public sealed record ActionScope(DirectoryIndex Index, int Caller, int Target, DirectoryVisibility Visibility)
{
    /// <summary>The answer for a person one may not see, the same as for nobody.</summary>
    public const string NotFound = "Personne introuvable.";

    /// <summary>The caller's account.</summary>
    public AccountRecord CallerAccount => Index.People[Caller];

    /// <summary>The person acted on.</summary>
    public AccountRecord Person => Index.People[Target];

    /// <summary>Whether the caller acts on their own card.</summary>
    public bool IsSelf => Caller == Target;

    /// <summary>The scope of <c>people/{id}</c> for the caller on the current index; null when the
    /// person is unknown or hidden from the caller.</summary>
    public static ActionScope? Of(PluginRequest request, DirectoryIndexCache cache)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(cache);
        var index = cache.Current;
        var caller = request.Caller is { } account ? index.IndexOf(account.Id) : -1;
        var target = index.IndexOf(request.RouteValue("id") ?? "");
        if (caller < 0 || target < 0)
        {
            return null;
        }

        var visibility = new DirectoryVisibility(index, caller, request.CheckRight(AnnuaireService.FicheEleve).Allowed);
        return visibility.CanSee(target) ? new ActionScope(index, caller, target, visibility) : null;
    }

    /// <summary>The scope, or null after answering 404 « Personne introuvable. ».</summary>
    public static async Task<ActionScope?> ResolveAsync(PluginRequest request, DirectoryIndexCache cache)
    {
        var scope = Of(request, cache);
        if (scope is null)
        {
            await request.WriteErrorAsync(StatusCodes.Status404NotFound, NotFound);
        }

        return scope;
    }
}
