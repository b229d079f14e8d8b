using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;
using Preau.Core.Mail.Webmail;

namespace Preau.Web.Mail;

/// <summary><c>POST /api/mail/uploads</c> (multipart/form-data, field <c>file</c>): an attachment for a
/// message being written, streamed to disk (<see cref="UploadStore"/>); <c>DELETE /api/mail/uploads/{id}</c>.</summary>
internal static class UploadEndpoints
{
    public static void Map(RouteGroupBuilder mail, MailApiContext api)
    {
        mail.MapPost("/uploads", async (HttpContext context) =>
        {
            var request = context.Request;
            var session = MailApiContext.Session(context);
            var room = api.Uploads.Limit - api.Uploads.Used(session);
            if (request.ContentLength > room + (64 * 1024))
            {
                return TooLarge(api);
            }

            if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } bodySize)
            {
                bodySize.MaxRequestBodySize = api.Uploads.Limit + (1024 * 1024);
            }

            if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var mediaType)
                || !mediaType.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase)
                || HeaderUtilities.RemoveQuotes(mediaType.Boundary).Value is not { Length: > 0 and <= 200 } boundary)
            {
                return ApiResults.BadRequest("Envoyez le fichier en multipart/form-data, dans le champ « file ».");
            }

            var reader = new MultipartReader(boundary, request.Body) { HeadersCountLimit = 16, HeadersLengthLimit = 16 * 1024 };
            try
            {
                while (await reader.ReadNextSectionAsync(context.RequestAborted) is { } section)
                {
                    if (!ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition)
                        || !disposition.IsFileDisposition()
                        || HeaderUtilities.RemoveQuotes(disposition.Name).Value != "file")
                    {
                        continue;
                    }

                    var given = HeaderUtilities.RemoveQuotes(disposition.FileNameStar).Value ?? HeaderUtilities.RemoveQuotes(disposition.FileName).Value;
                    var name = FileNames.Clean(given, "piece-jointe");
                    var type = MediaTypeHeaderValue.TryParse(section.ContentType, out var sectionType) && sectionType.MediaType.Value is { } mime && mime.Contains('/', StringComparison.Ordinal)
                        ? mime.ToLowerInvariant()
                        : "application/octet-stream";
                    var upload = await api.Uploads.SaveAsync(session, name, type, section.Body, context.RequestAborted);
                    return Results.Json(new { upload.Id, upload.Name, upload.Size, upload.ContentType }, statusCode: StatusCodes.Status201Created);
                }
            }
            catch (UploadTooLargeException)
            {
                return TooLarge(api);
            }
            catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
            {
                return TooLarge(api);
            }
            catch (IOException)
            {
                // MultipartReader's answer to a malformed body (no boundary, headers too long…).
                return ApiResults.BadRequest("Corps multipart/form-data invalide.");
            }
            catch (InvalidDataException)
            {
                return ApiResults.BadRequest("Corps multipart/form-data invalide.");
            }

            return ApiResults.BadRequest("Aucun fichier reçu : envoyez-le dans le champ « file ».");
        });

        mail.MapDelete("/uploads/{id}", (HttpContext context, string id) =>
        {
            var session = MailApiContext.Session(context);
            if (api.Uploads.Find(session, id) is null)
            {
                return ApiResults.NotFound("Pièce jointe introuvable.");
            }

            api.Uploads.Remove(session, [id]);
            return Results.NoContent();
        });
    }

    private static IResult TooLarge(MailApiContext api) =>
        ApiResults.Error(StatusCodes.Status413PayloadTooLarge, $"Pièces jointes trop volumineuses : au plus {api.Uploads.Limit / (1024 * 1024)} Mo en tout par message.");
}
