using System.Net;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Preau.Web.Mail;

/// <summary><c>GET /api/mail/messages/{id}/body?images=1</c>: a message's sanitised HTML as a document of its
/// own, for the reading pane's sandboxed iframe.</summary>
/// <remarks>
/// An iframe's <c>srcdoc</c> inherits the page's Content-Security-Policy (<c>style-src 'self'</c>,
/// <c>img-src 'self' data:</c>), which would strip every inline style of a received message and keep its
/// remote images blocked even after the reader asked for them. Served from its own URL, the document gets
/// its own policy instead: nothing runs (no script source at all, and a CSP sandbox without scripts),
/// inline styles are allowed, and images from outside only with <c>images=1</c>. The HTML is the same as
/// the JSON's (<see cref="MailHtml.ForReading"/>); reading it here does not set \Seen (the JSON read does).
/// </remarks>
internal static class MessageBodyEndpoint
{
    public static void Map(RouteGroupBuilder mail, MailApiContext api)
    {
        mail.MapGet("/messages/{id}/body", async (HttpContext context, string id) =>
        {
            var account = MailApiContext.Caller(context);
            if (api.Find(account, id) is not { } entry)
            {
                return ApiResults.NotFound(MailErrors.MessageNotFound);
            }

            var view = await MessageReadEndpoints.LoadAsync(api, account, entry, context.RequestAborted);
            if (view.Html is null)
            {
                return ApiResults.NotFound("Ce message n'a pas de version HTML.");
            }

            var images = context.Request.Query["images"] == "1";
            var messageId = MessageIds.Of(entry.MailboxId, entry.Uid);
            var cleaned = MailHtml.ForReading(view.Html, images, cid => view.InlineParts.TryGetValue(cid, out var part) ? MessageReadEndpoints.AttachmentUrl(messageId, part) : null);
            context.Response.Headers.ContentSecurityPolicy = Policy(images);
            context.Response.Headers.XContentTypeOptions = "nosniff";
            return Results.Text(Document(cleaned.Html, view.Message.Subject), "text/html; charset=utf-8", Encoding.UTF8);
        });
    }

    /// <summary>The frame's policy: no scripts, forms, plugins or frames; styles inline; images from this
    /// server and data, plus the web when the reader asked; framed only by the webmail.</summary>
    public static string Policy(bool remoteImages) =>
        "default-src 'none'; style-src 'self' 'unsafe-inline'; font-src 'self' data:; "
        + (remoteImages ? "img-src 'self' data: https: http:; " : "img-src 'self' data:; ")
        + "base-uri 'none'; form-action 'none'; frame-ancestors 'self'; sandbox allow-popups allow-popups-to-escape-sandbox";

    private static string Document(string body, string? subject) =>
        "<!doctype html><html><head><meta charset=\"utf-8\"><meta name=\"referrer\" content=\"no-referrer\">"
        + "<base target=\"_blank\"><title>" + WebUtility.HtmlEncode(subject ?? "") + "</title>"
        + "<link rel=\"stylesheet\" href=\"/css/message-frame.css\"></head><body>" + body + "</body></html>";
}
