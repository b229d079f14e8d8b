using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;
using Preau.Plugins.Directory.Codes;
using Preau.Plugins.Http;

namespace Preau.Plugins.Directory.Plugin;

/// <summary>The activation CSVs of the newest import, for the administrator to hand out:
/// <c>GET codes</c> lists them (<c>[{file, classe, count, writtenAt}]</c>), <c>GET codes/{file}</c>
/// downloads one (<c>text/csv; charset=utf-8</c>, as an attachment, never cached). Right
/// <c>annuaire.import</c>. A name that is not one of the listed files is 404, whatever it holds
/// (<c>..</c>, slashes): no path is ever built from it.</summary>
public sealed class CodesEndpoints(DirectoryImporter importer) : IPluginEndpoints
{
    /// <inheritdoc />
    public void Map(IPluginRouteBuilder routes)
    {
        ArgumentNullException.ThrowIfNull(routes);
        routes.MapGet("codes", ListAsync).RequireRight(AnnuaireService.Import);
        routes.MapGet("codes/{file}", DownloadAsync).RequireRight(AnnuaireService.Import);
    }

    private async Task ListAsync(PluginRequest request)
    {
        request.HttpContext.Response.Headers.CacheControl = "no-store";
        var files = CodeFolder.List(importer.DefaultCodesDirectory);
        await request.WriteJsonAsync(files.Select(f => new { file = f.File, classe = f.Classe, count = f.Count, writtenAt = f.WrittenAt }));
    }

    private async Task DownloadAsync(PluginRequest request)
    {
        var name = request.RouteValue("file") ?? "";
        if (CodeFolder.Find(importer.DefaultCodesDirectory, name) is not { } path)
        {
            await request.WriteErrorAsync(StatusCodes.Status404NotFound, "Fichier de codes introuvable.");
            return;
        }

        var response = request.HttpContext.Response;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = "text/csv; charset=utf-8";
        response.Headers.CacheControl = "no-store";
        response.Headers.ContentDisposition = new ContentDispositionHeaderValue("attachment") { FileName = name, FileNameStar = name }.ToString();
        await using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 16 * 1024, FileOptions.Asynchronous | FileOptions.SequentialScan);
        response.ContentLength = file.Length;
        await file.CopyToAsync(response.Body, request.HttpContext.RequestAborted);
    }
}
