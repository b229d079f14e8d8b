using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.Logging;
using Preau.PluginHost.Loading;

namespace Preau.PluginHost.Http;

/// <summary>The one HTTP entry for every plugin: <c>/api/plugins/{id}/{**path}</c> and
/// <c>/plugins/{id}/ui/{**path}</c> are mapped once by the web host; each request looks up the
/// active plugin and its route table now, so enabling, disabling or upgrading a plugin never
/// rebuilds ASP.NET Core's routes, and a plugin that is not active answers 404.</summary>
public sealed partial class PluginDispatcher
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private static readonly FileExtensionContentTypeProvider ContentTypes = new();

    private readonly PluginManager _plugins;
    private readonly PluginHttpSecurity _security;
    private readonly ILogger _log;

    /// <summary>Creates the dispatcher.</summary>
    public PluginDispatcher(PluginManager plugins, PluginHttpSecurity security, ILogger<PluginDispatcher> log)
    {
        _plugins = plugins;
        _security = security;
        _log = log;
    }

    /// <summary>Serves <c>/api/plugins/{pluginId}/{path}</c>.</summary>
    public async Task DispatchAsync(HttpContext http, string pluginId, string? path)
    {
        ArgumentNullException.ThrowIfNull(http);
        if (_plugins.FindActive(pluginId) is not { } plugin || !plugin.TryEnter())
        {
            await ErrorAsync(http, StatusCodes.Status404NotFound, $"Aucun module actif « {pluginId} ».");
            return;
        }

        try
        {
            var match = plugin.Routes.Match(http.Request.Method, path ?? "");
            if (match.Route is not { } route)
            {
                if (match.AllowedMethods.Count > 0)
                {
                    http.Response.Headers.Allow = string.Join(", ", match.AllowedMethods);
                    await ErrorAsync(http, StatusCodes.Status405MethodNotAllowed, "Méthode non permise pour cette adresse.");
                }
                else
                {
                    await ErrorAsync(http, StatusCodes.Status404NotFound, "Adresse inconnue pour ce module.");
                }

                return;
            }

            var caller = _security.Caller(http);
            if (!route.Anonymous && caller is null)
            {
                await ErrorAsync(http, StatusCodes.Status401Unauthorized, "Connexion requise.");
                return;
            }

            if (route.Right is { } right)
            {
                var decision = caller is null ? null : _security.Check(caller, right);
                if (decision is not { Allowed: true })
                {
                    await WriteAsync(http, caller is null ? StatusCodes.Status401Unauthorized : StatusCodes.Status403Forbidden, new Refusal(decision?.Reason ?? "Connexion requise.", right));
                    return;
                }
            }

            await route.Handler(new HostPluginRequest(http, caller, match.Values, plugin.Json, _security.Check));
        }
        catch (BadHttpRequestException ex)
        {
            if (!http.Response.HasStarted)
            {
                await ErrorAsync(http, ex.StatusCode, ex.Message);
            }
        }
        catch (OperationCanceledException) when (http.RequestAborted.IsCancellationRequested)
        {
            // The client went away.
        }
#pragma warning disable CA1031 // Plugin code: an error is the request's 500, never the server's.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            LogEndpointFailed(_log, plugin.Id, http.Request.Method, path ?? "", ex);
            if (!http.Response.HasStarted)
            {
                await ErrorAsync(http, StatusCodes.Status500InternalServerError, $"Le module {plugin.Id} a rencontré une erreur.");
            }
        }
        finally
        {
            plugin.Exit();
        }
    }

    /// <summary>Serves <c>/plugins/{pluginId}/ui/{path}</c> from the files embedded in the plugin.</summary>
    public async Task ServeUiAsync(HttpContext http, string pluginId, string? path)
    {
        ArgumentNullException.ThrowIfNull(http);
        if (!HttpMethods.IsGet(http.Request.Method) && !HttpMethods.IsHead(http.Request.Method))
        {
            http.Response.Headers.Allow = "GET, HEAD";
            await ErrorAsync(http, StatusCodes.Status405MethodNotAllowed, "Méthode non permise.");
            return;
        }

        var file = (path ?? "").Trim('/');
        if (_plugins.FindActive(pluginId) is not { } plugin || !plugin.TryEnter())
        {
            await ErrorAsync(http, StatusCodes.Status404NotFound, $"Aucun module actif « {pluginId} ».");
            return;
        }

        try
        {
            if (file.Length == 0 && plugin.Webmail is { } module)
            {
                file = module.Entry;
            }

            if (!plugin.UiFiles.TryGetValue(file, out var resource) || plugin.Assembly.GetManifestResourceStream(resource) is not { } stream)
            {
                await ErrorAsync(http, StatusCodes.Status404NotFound, "Fichier introuvable.");
                return;
            }

            await using (stream)
            {
                http.Response.ContentType = ContentTypes.TryGetContentType(file, out var type) ? type : "application/octet-stream";
                http.Response.ContentLength = stream.Length;
                http.Response.Headers.CacheControl = "no-cache";
                http.Response.Headers.XContentTypeOptions = "nosniff";
                if (HttpMethods.IsGet(http.Request.Method))
                {
                    await stream.CopyToAsync(http.Response.Body, http.RequestAborted);
                }
            }
        }
        finally
        {
            plugin.Exit();
        }
    }

    /// <summary>The webmail modules of the active plugins.</summary>
    public IReadOnlyList<WebmailModuleInfo> Modules() =>
        _plugins.ActivePlugins()
            .Where(p => p.Webmail is not null)
            .Select(p => new WebmailModuleInfo(p.Id, p.Webmail!.Label, $"/plugins/{p.Id}/ui/{p.Webmail.Entry}", p.Webmail.Right))
            .OrderBy(m => m.Label, StringComparer.CurrentCulture)
            .ToArray();

    private static Task ErrorAsync(HttpContext http, int status, string message) => WriteAsync(http, status, new ErrorBody(message));

    private static async Task WriteAsync<T>(HttpContext http, int status, T body)
    {
        http.Response.StatusCode = status;
        http.Response.ContentType = "application/json; charset=utf-8";
        await JsonSerializer.SerializeAsync(http.Response.Body, body, Json, http.RequestAborted);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Plugin {Plugin} failed on {Method} {Path}")]
    private static partial void LogEndpointFailed(ILogger logger, string plugin, string method, string path, Exception exception);

    private sealed record ErrorBody(string Error);

    private sealed record Refusal(string Error, string Right);
}

/// <summary>A webmail module of an active plugin.</summary>
/// <param name="PluginId">The plugin.</param>
/// <param name="Label">Its French label.</param>
/// <param name="Entry">The URL of its entry file.</param>
/// <param name="Right">The right a user needs to see it, or null.</param>
public sealed record WebmailModuleInfo(string PluginId, string Label, string Entry, string? Right = null);
