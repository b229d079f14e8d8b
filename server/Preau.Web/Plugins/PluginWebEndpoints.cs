using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;
using Preau.Core.Rights;
using Preau.PluginHost;
using Preau.PluginHost.Http;
using Preau.Web.Admin;

namespace Preau.Web.Plugins;

/// <summary>The plugins' HTTP surface, mapped once: the dispatcher's catch-all routes (each request finds
/// the active plugin at request time, so enabling or disabling never touches ASP.NET Core's routes), the
/// webmail's module list, and the administrator's <c>/api/admin/plugins</c>.</summary>
public static class PluginWebEndpoints
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    /// <summary>Maps the routes on <paramref name="routes"/> (the web host's <see cref="WebHost.Routes"/>).</summary>
    public static void Map(IEndpointRouteBuilder routes, PluginManager plugins, RightsService rights, ILoggerFactory loggers, long maxArchiveSize)
    {
        ArgumentNullException.ThrowIfNull(routes);
        ArgumentNullException.ThrowIfNull(rights);
        ArgumentNullException.ThrowIfNull(loggers);
        var security = new PluginHttpSecurity(
            http => http.GetCaller(),
            (account, right) => rights.Check(account, right) is var d ? new Preau.Plugins.Rights.RightCheck(d.Allowed, d.Right, d.Reason) : null!);
        var dispatcher = new PluginDispatcher(plugins, security, loggers.CreateLogger<PluginDispatcher>());

        routes.Map("/api/plugins/{id}/{**path}", (HttpContext http, string id, string? path) => dispatcher.DispatchAsync(http, id, path));
        routes.Map("/plugins/{id}/ui/{**path}", (HttpContext http, string id, string? path) => dispatcher.ServeUiAsync(http, id, path));
        // The webmail's sections: only the modules whose right the caller holds (RightsService, the one check).
        IEnumerable<WebmailModuleInfo> Visible(HttpContext http) =>
            dispatcher.Modules().Where(m => m.Right is null || rights.Check(http.GetCaller()!, m.Right).Allowed);
        routes.MapGet("/api/plugins", (HttpContext http) => Results.Json(Visible(http), Json)).RequireSession();
        routes.MapGet("/api/ui/modules", (HttpContext http) => Results.Json(Visible(http).Select(m => new { Id = m.PluginId, m.Label, m.Entry }), Json)).RequireSession();

        var admin = routes.MapGroup("/api/admin/plugins").RequireRight(CoreRights.AdminPlugins);
        admin.MapGet("", () => Results.Json(plugins.List(), Json));
        admin.MapGet("/{id}", (string id) => plugins.Find(id) is { } info ? Results.Json(info, Json) : ApiResults.NotFound($"Aucune extension « {id} » n'est installée."));
        admin.MapPost("/{id}/enable", (HttpContext http, string id) => Change(() => plugins.EnableAsync(id, AdminEndpoints.Actor(http))));
        admin.MapPost("/{id}/disable", (HttpContext http, string id) => Change(() => plugins.DisableAsync(id, AdminEndpoints.Actor(http))));
        admin.MapDelete("/{id}", (HttpContext http, string id, bool? purge) => Change(() => plugins.RemoveAsync(id, AdminEndpoints.Actor(http), purge == true)));
        admin.MapPost("", (HttpContext http, CancellationToken cancellationToken) => UploadAsync(http, plugins, maxArchiveSize, cancellationToken));
    }

    /// <summary>Installs or upgrades from a zip archive sent as the body (<c>application/zip</c>) or as
    /// the file of a multipart form.</summary>
    private static async Task<IResult> UploadAsync(HttpContext http, PluginManager plugins, long maxArchiveSize, CancellationToken cancellationToken)
    {
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = maxArchiveSize;
        }

        Stream archive;
        if (http.Request.HasFormContentType)
        {
            var form = await http.Request.ReadFormAsync(cancellationToken);
            if ((form.Files.GetFile("file") ?? form.Files.FirstOrDefault()) is not { } file)
            {
                return ApiResults.BadRequest("Envoyez l'archive .zip de l'extension dans le champ « file ».");
            }

            archive = file.OpenReadStream();
        }
        else if (http.Request.ContentLength is 0 or null && !http.Request.Headers.TransferEncoding.Any())
        {
            return ApiResults.BadRequest("Envoyez l'archive .zip de l'extension (corps application/zip ou formulaire).");
        }
        else
        {
            archive = http.Request.Body;
        }

        await using (archive)
        {
            return await Change(() => plugins.InstallArchiveAsync(archive, AdminEndpoints.Actor(http), cancellationToken), created: true);
        }
    }

    private static async Task<IResult> Change(Func<Task<PluginInfo>> change, bool created = false)
    {
        try
        {
            var info = await change();
            return Results.Json(info, Json, statusCode: created ? StatusCodes.Status201Created : StatusCodes.Status200OK);
        }
        catch (PluginException ex)
        {
            return ex.Message.StartsWith("no plugin", StringComparison.Ordinal)
                ? ApiResults.NotFound(ex.Message)
                : ApiResults.BadRequest(ex.Message);
        }
    }
}
