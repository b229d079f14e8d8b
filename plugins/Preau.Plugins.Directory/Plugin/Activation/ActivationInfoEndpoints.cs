using Preau.Plugins.Http;

namespace Preau.Plugins.Directory.Plugin.Activation;

/// <summary><c>GET activate</c>, anonymous: <c>{available: true}</c>, how the webmail's sign-in page
/// knows that accounts can be activated with a code here (it then links to its activation page).
/// When the plugin is disabled or absent the host's dispatcher answers 404, and the link stays
/// hidden. Says nothing about any account. The contract gives no text of Core's password policy
/// (only a verdict on a candidate), so none is sent: the page shows the policy's refusal when it
/// comes.</summary>
public sealed class ActivationInfoEndpoints : IPluginEndpoints
{
    /// <inheritdoc />
    public void Map(IPluginRouteBuilder routes)
    {
        ArgumentNullException.ThrowIfNull(routes);
        routes.MapGet("activate", InfoAsync).AllowAnonymous();
    }

    private static async Task InfoAsync(PluginRequest request)
    {
        request.HttpContext.Response.Headers.CacheControl = "no-store";
        await request.WriteJsonAsync(new { available = true });
    }
}
