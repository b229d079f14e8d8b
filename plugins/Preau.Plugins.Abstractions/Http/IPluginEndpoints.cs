namespace Preau.Plugins.Http;

/// <summary>The plugin's HTTP endpoints, served under <c>/api/plugins/&lt;plugin id&gt;/</c> by the
/// host's single dispatcher: enabling or disabling the plugin never rebuilds the server's routes,
/// and a disabled plugin's endpoints answer 404.</summary>
public interface IPluginEndpoints
{
    /// <summary>Declares the routes, once per activation.</summary>
    void Map(IPluginRouteBuilder routes);
}

/// <summary>Declares routes relative to <c>/api/plugins/&lt;plugin id&gt;/</c>.</summary>
/// <remarks>Patterns are '/'-separated segments: literals (matched ignoring case), <c>{name}</c> (one
/// segment) and a last <c>{*name}</c> (the rest of the path). By default a route needs a signed-in
/// session (401 otherwise); state-changing methods also need the session's CSRF header, like the
/// rest of the API.</remarks>
public interface IPluginRouteBuilder
{
    /// <summary>Adds a route for an HTTP method ("GET", "POST", "PUT", "PATCH", "DELETE").</summary>
    IPluginRouteConventions Map(string method, string pattern, PluginRequestHandler handler);

    /// <summary>Adds a GET route.</summary>
    IPluginRouteConventions MapGet(string pattern, PluginRequestHandler handler);

    /// <summary>Adds a POST route.</summary>
    IPluginRouteConventions MapPost(string pattern, PluginRequestHandler handler);

    /// <summary>Adds a PUT route.</summary>
    IPluginRouteConventions MapPut(string pattern, PluginRequestHandler handler);

    /// <summary>Adds a DELETE route.</summary>
    IPluginRouteConventions MapDelete(string pattern, PluginRequestHandler handler);
}

/// <summary>Who may call a route.</summary>
public interface IPluginRouteConventions
{
    /// <summary>Only callers holding <paramref name="right"/> (<c>"&lt;service&gt;.&lt;action&gt;"</c>);
    /// others get 403 with the French reason.</summary>
    IPluginRouteConventions RequireRight(string right);

    /// <summary>No session needed (a public page or feed). The handler sees no caller.</summary>
    IPluginRouteConventions AllowAnonymous();
}

/// <summary>Handles one request.</summary>
public delegate Task PluginRequestHandler(PluginRequest request);
