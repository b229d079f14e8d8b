using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Net.Http.Headers;
using MimeKit;
using Preau.Core.Accounts;
using Preau.Core.Mail;
using Preau.Core.Mail.Webmail;
using Preau.Core.Storage;

namespace Preau.Web.Mail;

/// <summary>The reading pane (<c>GET /api/mail/messages/{id}</c>), attachments
/// (<c>…/attachments/{part}</c>) and the raw message (<c>…/raw</c>).</summary>
internal static class MessageReadEndpoints
{
    public static void Map(RouteGroupBuilder mail, MailApiContext api)
    {
        mail.MapGet("/messages/{id}", async (HttpContext context, string id) =>
        {
            var account = MailApiContext.Caller(context);
            if (api.Find(account, id) is not { } entry)
            {
                return ApiResults.NotFound(MailErrors.MessageNotFound);
            }

            var query = context.Request.Query;
            await using var raw = api.Services.Mailboxes.Open(account, entry);
            var view = await MessageView.LoadAsync(raw, context.RequestAborted, persistent: true);
            var messageId = MessageIds.Of(entry.MailboxId, entry.Uid);
            var cleaned = view.Html is null
                ? null
                : MailHtml.ForReading(view.Html, query["images"] == "1", cid => view.InlineParts.TryGetValue(cid, out var part) ? AttachmentUrl(messageId, part) : null);
            var flags = entry.Flags;
            if (query["peek"] != "1" && !flags.HasFlag(MessageFlags.Seen))
            {
                // Read like an IMAP FETCH of the body: \Seen is set for every client of the account.
                var changed = api.Services.Mailboxes.UpdateFlags(account, entry.MailboxId, [entry.Uid], new FlagUpdate(FlagOperation.Add, MessageFlags.Seen, []));
                flags = changed.Changed.FirstOrDefault()?.Flags ?? flags | MessageFlags.Seen;
            }

            var m = view.Message;
            return Results.Json(new
            {
                Id = messageId,
                FolderId = entry.MailboxId,
                From = m.From.Mailboxes.Select(PersonAddress.Of).FirstOrDefault(),
                To = PersonAddress.Of(m.To),
                Cc = PersonAddress.Of(m.Cc),
                ReplyTo = PersonAddress.Of(m.ReplyTo),
                Subject = m.Subject ?? "",
                Date = m.Headers.Contains(HeaderId.Date) ? m.Date : MessageListing.DateOf(entry),
                Seen = flags.HasFlag(MessageFlags.Seen),
                Flagged = flags.HasFlag(MessageFlags.Flagged),
                Answered = flags.HasFlag(MessageFlags.Answered),
                Draft = flags.HasFlag(MessageFlags.Draft),
                m.MessageId,
                m.InReplyTo,
                References = m.References.ToArray(),
                Html = cleaned?.Html,
                view.Text,
                HasRemoteImages = cleaned?.HasRemoteImages ?? false,
                view.Attachments,
            });
        });

        mail.MapGet("/messages/{id}/attachments/{part}", async (HttpContext context, string id, string part) =>
        {
            var account = MailApiContext.Caller(context);
            if (api.Find(account, id) is not { } entry)
            {
                return ApiResults.NotFound(MailErrors.MessageNotFound);
            }

            await using var raw = api.Services.Mailboxes.Open(account, entry);
            var view = await MessageView.LoadAsync(raw, context.RequestAborted, persistent: true);
            if (MessageView.FindPart(view.Message, part) is not { } entity)
            {
                return ApiResults.NotFound("Pièce jointe introuvable.");
            }

            var contentType = entity is MessagePart ? "message/rfc822" : entity.ContentType.MimeType.ToLowerInvariant();
            Download(context.Response, MessageView.NameOf(entity, part));
            context.Response.ContentType = contentType;
            await MessageView.WriteContentAsync(entity, context.Response.Body, context.RequestAborted);
            return Results.Empty;
        });

        mail.MapGet("/messages/{id}/raw", async (HttpContext context, string id) =>
        {
            var account = MailApiContext.Caller(context);
            if (api.Find(account, id) is not { } entry)
            {
                return ApiResults.NotFound(MailErrors.MessageNotFound);
            }

            Download(context.Response, FileNames.Clean((string.IsNullOrWhiteSpace(entry.Summary.Subject) ? "message" : entry.Summary.Subject) + ".eml", "message.eml"));
            context.Response.ContentType = "message/rfc822";
            context.Response.ContentLength = entry.Size;
            await using var raw = api.Services.Mailboxes.Open(account, entry);
            await raw.CopyToAsync(context.Response.Body, context.RequestAborted);
            return Results.Empty;
        });
    }

    /// <summary>Where an attachment is served.</summary>
    public static string AttachmentUrl(string messageId, string part) => $"/api/mail/messages/{Uri.EscapeDataString(messageId)}/attachments/{Uri.EscapeDataString(part)}";

    /// <summary>Parses one of the caller's messages.</summary>
    public static async Task<MessageView> LoadAsync(MailApiContext api, Account account, MessageEntry entry, CancellationToken cancellationToken)
    {
        await using var raw = api.Services.Mailboxes.Open(account, entry);
        return await MessageView.LoadAsync(raw, cancellationToken);
    }

    /// <summary>A download the browser saves and never renders or sniffs: attachment disposition with the
    /// name (RFC 6266, UTF-8 form for non-ASCII), nosniff, and a sandbox should it be opened anyway.</summary>
    private static void Download(HttpResponse response, string fileName)
    {
        var disposition = new ContentDispositionHeaderValue("attachment");
        disposition.SetHttpFileName(fileName);
        response.Headers.ContentDisposition = disposition.ToString();
        response.Headers.XContentTypeOptions = "nosniff";
        response.Headers.ContentSecurityPolicy = "default-src 'none'; img-src 'self' data:; style-src 'unsafe-inline'; sandbox";
    }
}
