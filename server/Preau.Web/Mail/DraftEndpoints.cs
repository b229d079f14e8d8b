using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Preau.Core.Mail;
using Preau.Core.Mail.Webmail;
using Preau.Core.Storage;

namespace Preau.Web.Mail;

/// <summary><c>PUT /api/mail/drafts</c>: saves the message being written in Brouillons (\Draft, \Seen), the
/// previous version removed; <c>DELETE /api/mail/drafts/{id}</c>. A draft keeps its Bcc: and its attachments
/// (the uploads stay available for sending; <c>&lt;draft id&gt;/&lt;part&gt;</c> names a saved one).</summary>
internal static class DraftEndpoints
{
    public static void Map(RouteGroupBuilder mail, MailApiContext api)
    {
        mail.MapPut("/drafts", async (HttpContext context) =>
        {
            var (body, error) = await JsonBody.ReadAsync<ComposeRequest>(context.Request, Composer.MaxBodyBytes);
            if (error is not null)
            {
                return error;
            }

            var (compose, refusal) = await Composer.ResolveAsync(api, context, body!, forDraft: true);
            if (refusal is not null)
            {
                return refusal;
            }

            var account = MailApiContext.Caller(context);
            var services = api.Services;
            var drafts = api.Special(account, SpecialUse.Drafts);
            byte[] raw;
            using (var message = WebmailComposer.Build(compose!.Composition, services.Directory.Domain, services.Time.GetUtcNow(), asDraft: true))
            {
                raw = await WebmailComposer.SerializeAsync(message, context.RequestAborted);
            }

            if (raw.Length > services.Mailboxes.MaxMessageSize)
            {
                return MailErrors.TooBig(services.Mailboxes.MaxMessageSize);
            }

            var saved = await services.Mailboxes.AppendAsync(account, drafts.Name, raw, MessageFlags.Draft | MessageFlags.Seen, [], null, CancellationToken.None);
            if (compose.Draft is { } previous)
            {
                try
                {
                    MessageActionEndpoints.Expunge(api, account, previous.MailboxId, [previous.Uid]);
                }
                catch (MailboxStoreException)
                {
                    // Already gone (saved from another tab): the new version stands.
                }
            }

            return Results.Json(new { DraftId = MessageIds.Of(saved.MailboxId, saved.Uid) });
        });

        mail.MapDelete("/drafts/{id}", (HttpContext context, string id) =>
        {
            var account = MailApiContext.Caller(context);
            if (api.Find(account, id) is not { } draft || draft.MailboxId != api.Special(account, SpecialUse.Drafts).Id)
            {
                return ApiResults.NotFound("Brouillon introuvable.");
            }

            return MailErrors.Run(() =>
            {
                MessageActionEndpoints.Expunge(api, account, draft.MailboxId, [draft.Uid]);
                return Results.NoContent();
            });
        });
    }
}
