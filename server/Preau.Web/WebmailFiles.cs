using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.FileProviders;

namespace Preau.Web;

/// <summary>Serves the webmail (the static <c>webmail/</c> folder) at <c>/</c>: its files with their content
/// types, <c>index.html</c> for the client's routes (<c>/mail/…</c>, <c>/admin/…</c>), and the security
/// headers on every answer of the host.</summary>
/// <remarks>
/// No build step: the files are served as they are in the repository. HTML, scripts and styles are
/// revalidated on each load (<c>no-cache</c> with ETag, answered 304 when unchanged) so an upgrade never
/// mixes old and new modules; only <c>assets/</c> (icons, fonts: files that never change under one name)
/// are cached for a week. Unknown <c>/api/…</c> paths stay JSON 404s; paths that look like files
/// (<c>/x.js</c>) are not answered with the page.
/// </remarks>
internal static class WebmailFiles
{
    /// <summary>The policy of the contract: only the server's own scripts and styles; images from it or
    /// inline data; never framed by another site.</summary>
    public const string ContentSecurityPolicy = "default-src 'self'; img-src 'self' data:; style-src 'self'; frame-ancestors 'none'";

    /// <summary>Adds the security headers to every response, then the static files if <paramref name="root"/>
    /// exists. Call before routing.</summary>
    public static void UseWebmail(this WebApplication app, string root)
    {
        app.Use((context, next) =>
        {
            var headers = context.Response.Headers;
            headers.XContentTypeOptions = "nosniff";
            headers["Referrer-Policy"] = "no-referrer";
            headers.ContentSecurityPolicy = ContentSecurityPolicy;
            return next(context);
        });

        if (!Directory.Exists(root))
        {
            return;
        }

        var files = new PhysicalFileProvider(Path.GetFullPath(root));
        var types = new FileExtensionContentTypeProvider();
        types.Mappings[".js"] = "text/javascript; charset=utf-8";
        types.Mappings[".mjs"] = "text/javascript; charset=utf-8";
        types.Mappings[".css"] = "text/css; charset=utf-8";
        types.Mappings[".html"] = "text/html; charset=utf-8";
        types.Mappings[".svg"] = "image/svg+xml";
        types.Mappings[".webmanifest"] = "application/manifest+json";
        app.UseDefaultFiles(new DefaultFilesOptions { FileProvider = files });
        app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = files,
            ContentTypeProvider = types,
            OnPrepareResponse = file => file.Context.Response.Headers.CacheControl =
                file.Context.Request.Path.StartsWithSegments("/assets", StringComparison.Ordinal) ? "public, max-age=604800" : "no-cache",
        });
    }

    /// <summary>Answers the paths no endpoint took: <c>index.html</c> for a client route, JSON 404 under
    /// <c>/api</c>, plain 404 otherwise.</summary>
    public static void MapWebmailFallback(this WebApplication app, string root)
    {
        var index = Path.Combine(Path.GetFullPath(root), "index.html");
        RequestDelegate answer = async context =>
        {
            var request = context.Request;
            if (request.Path.StartsWithSegments("/api", StringComparison.Ordinal))
            {
                await ApiResults.NotFound("Adresse inconnue de l'API.").ExecuteAsync(context);
                return;
            }

            if (!(HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method)) || LooksLikeFile(request.Path) || !File.Exists(index))
            {
                context.Response.StatusCode = StatusCodes.Status404NotFound;
                context.Response.ContentType = "text/plain; charset=utf-8";
                await context.Response.WriteAsync("Page introuvable.", Encoding.UTF8, context.RequestAborted);
                return;
            }

            context.Response.ContentType = "text/html; charset=utf-8";
            context.Response.Headers.CacheControl = "no-cache";
            if (HttpMethods.IsGet(request.Method))
            {
                await context.Response.SendFileAsync(index, context.RequestAborted);
            }
        };
        app.MapFallback(answer);
        // The default fallback skips paths whose last segment has a dot; a plugin's section is named by
        // the plugin's id, which has dots (/modules/Preau.Plugins.Directory).
        app.MapFallback("/modules/{**path}", answer);
    }

    private static bool LooksLikeFile(PathString path)
    {
        if (path.StartsWithSegments("/modules", StringComparison.Ordinal))
        {
            return false;
        }

        var value = path.Value ?? "";
        var last = value[(value.LastIndexOf('/') + 1)..];
        return last.Contains('.', StringComparison.Ordinal);
    }
}
