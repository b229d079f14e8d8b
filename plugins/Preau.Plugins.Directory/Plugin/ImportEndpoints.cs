using Microsoft.AspNetCore.Http;
using Preau.Plugins.Directory.Reading;
using Preau.Plugins.Http;

namespace Preau.Plugins.Directory.Plugin;

/// <summary>The admin import API under <c>/api/plugins/Preau.Plugins.Directory/</c>:
/// <c>POST import</c> (multipart: the files, and <c>dryRun</c>, <c>confirm</c> fields) starts a job
/// and answers 202 with its id; <c>GET import/{id}</c> gives its progress, then its report.</summary>
public sealed class ImportEndpoints(DirectoryImporter importer, ImportJobs jobs, TimeProvider time) : IPluginEndpoints
{
    /// <summary>Largest upload accepted, all files together.</summary>
    public const long MaxUpload = 512L * 1024 * 1024;

    /// <inheritdoc />
    public void Map(IPluginRouteBuilder routes)
    {
        ArgumentNullException.ThrowIfNull(routes);
        routes.MapPost("import", StartAsync).RequireRight(AnnuaireService.Import);
        routes.MapGet("import/{id}", ProgressAsync).RequireRight(AnnuaireService.Import);
    }

    private async Task StartAsync(PluginRequest request)
    {
        var http = request.HttpContext.Request;
        if (!http.HasFormContentType)
        {
            await request.WriteErrorAsync(StatusCodes.Status415UnsupportedMediaType, "Envoyez les fichiers en multipart/form-data.");
            return;
        }

        if (http.ContentLength > MaxUpload)
        {
            await request.WriteErrorAsync(StatusCodes.Status413PayloadTooLarge, "Fichiers trop volumineux.");
            return;
        }

        var form = await http.ReadFormAsync(request.HttpContext.RequestAborted);
        if (form.Files.Count == 0)
        {
            await request.WriteErrorAsync(StatusCodes.Status400BadRequest, "Aucun fichier : joignez les exports SIECLE et/ou STSweb.");
            return;
        }

        var inputs = new List<ImportInput>();
        foreach (var file in form.Files)
        {
            using var buffer = new MemoryStream();
            await file.CopyToAsync(buffer, request.HttpContext.RequestAborted);
            inputs.Add(ImportInput.FromBytes(Path.GetFileName(file.FileName is { Length: > 0 } n ? n : file.Name), buffer.ToArray()));
        }

        if (importer.Busy)
        {
            await request.WriteErrorAsync(StatusCodes.Status409Conflict, "Un autre import est en cours : réessayez quand il sera terminé.");
            return;
        }

        var dryRun = Flag(form, "dryRun");
        var job = jobs.Start(request.Caller!.Login, dryRun, time.GetUtcNow());
        var importRequest = new ImportRequest(inputs, dryRun, Flag(form, "confirm"), null, $"web:{request.Caller.Login}");
        _ = Task.Run(async () =>
        {
            try
            {
                job.Result = await importer.RunAsync(importRequest, job, CancellationToken.None);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidOperationException)
            {
                job.Result = ImportReport.Refused([new ImportError("", "", null, $"erreur du serveur : {ex.Message}")], []);
            }
        });
        await request.WriteJsonAsync(new { jobId = job.Id, state = job.State }, StatusCodes.Status202Accepted);
    }

    private async Task ProgressAsync(PluginRequest request)
    {
        var job = jobs.Find(request.RouteValue("id") ?? "");
        if (job is null || job.Owner != request.Caller!.Login)
        {
            await request.WriteErrorAsync(StatusCodes.Status404NotFound, "Import introuvable.");
            return;
        }

        var p = job.Progress;
        await request.WriteJsonAsync(new
        {
            jobId = job.Id,
            state = job.State,
            dryRun = job.DryRun,
            progress = p is null ? null : new { stage = p.Stage.ToString(), item = p.Item, done = p.Done, total = p.Total, fraction = p.Fraction, message = p.Message },
            // The sheets by file name only (GET codes/{file} serves them): the server's folders are no one's business.
            report = job.Result is { } result ? result with { CodeFiles = [.. result.CodeFiles.Select(Path.GetFileName).OfType<string>()] } : null,
        });
    }

    private static bool Flag(IFormCollection form, string name) =>
        form.TryGetValue(name, out var value) && value.ToString() is "true" or "1" or "on" or "True";
}
