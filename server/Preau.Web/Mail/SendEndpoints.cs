using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Preau.Core.Mail;
using Preau.Core.Mail.Webmail;
using Preau.Core.Rights;
using Preau.Core.Storage;

namespace Preau.Web.Mail;

/// <summary><c>POST /api/mail/send</c>: an authenticated submission by the signed-in account through Core's
/// <see cref="SubmissionTransaction"/>, exactly as SMTP submits (sender state and rights, every recipient
/// decided by the rules, lists expanded, the 150 limit, rate limits, the From: check), with a copy in
/// Envoyés. A refused recipient refuses the whole message (422, nothing sent), with each rule's words.</summary>
internal static class SendEndpoints
{
    public static void Map(RouteGroupBuilder mail, MailApiContext api)
    {
        mail.MapPost("/send", async (HttpContext context) =>
        {
            var (body, error) = await JsonBody.ReadAsync<ComposeRequest>(context.Request, Composer.MaxBodyBytes);
            if (error is not null)
            {
                return error;
            }

            var (compose, refusal) = await Composer.ResolveAsync(api, context, body!, forDraft: false);
            if (refusal is not null)
            {
                return refusal;
            }

            return await SendAsync(api, context, compose!);
        }).RequireRight(CoreRights.MessagerieSend);
    }

    private static async Task<IResult> SendAsync(MailApiContext api, HttpContext context, ResolvedCompose compose)
    {
        var account = MailApiContext.Caller(context);
        var services = api.Services;
        var remote = context.Connection.RemoteIpAddress?.ToString() ?? "local";
        var transaction = services.Submission.Begin(account, new SubmissionContext("HTTP", remote, "webmail", SentCopy: true));
        var sender = transaction.SetMailFrom(services.Directory.AddressOf(account));
        if (!sender.Accepted)
        {
            return Refused(sender.Text, []);
        }

        var refused = new List<Refusal>();
        foreach (var address in compose.EnvelopeRecipients)
        {
            var decision = transaction.AddRecipient(address);
            if (!decision.Accepted)
            {
                refused.Add(new Refusal(address, decision.Text));
            }
        }

        if (refused.Count > 0)
        {
            return Refused(
                refused.Count == 1 ? "Un destinataire est refusé : rien n'a été envoyé." : $"{refused.Count} destinataires sont refusés : rien n'a été envoyé.",
                refused);
        }

        byte[] raw;
        using (var message = WebmailComposer.Build(compose.Composition, services.Directory.Domain, services.Time.GetUtcNow()))
        {
            raw = await WebmailComposer.SerializeAsync(message, context.RequestAborted);
        }

        if (raw.Length > services.Mail.MaxMessageSize)
        {
            return MailErrors.TooBig(services.Mail.MaxMessageSize);
        }

        var committed = await transaction.CommitAsync(raw, CancellationToken.None);
        if (!committed.Accepted)
        {
            return committed.Code == 552 ? MailErrors.TooBig(services.Mail.MaxMessageSize) : Refused(committed.Text, []);
        }

        // Sent: what follows tidies up around it and must not turn the answer into a failure.
        var sent = api.Special(account, SpecialUse.Sent);
        var copy = transaction.Delivered?.Entries.FirstOrDefault(e => e.AccountId == account.Id && e.MailboxId == sent.Id);
        TryMark(api, account, compose.Answered, MessageFlags.Answered, []);
        TryMark(api, account, compose.Forwarded, MessageFlags.None, ["$Forwarded"]);
        if (compose.Draft is { } draft)
        {
            try
            {
                MessageActionEndpoints.Expunge(api, account, draft.MailboxId, [draft.Uid]);
            }
            catch (MailboxStoreException)
            {
                // The draft went meanwhile (another client): nothing to remove.
            }
        }

        api.Uploads.Remove(MailApiContext.Session(context), compose.UploadIds);
        return Results.Json(new { Id = copy is null ? null : MessageIds.Of(copy.MailboxId, copy.Uid) });
    }

    private static void TryMark(MailApiContext api, Core.Accounts.Account account, MessageEntry? entry, MessageFlags flags, IReadOnlyList<string> keywords)
    {
        if (entry is null)
        {
            return;
        }

        try
        {
            api.Services.Mailboxes.UpdateFlags(account, entry.MailboxId, [entry.Uid], new FlagUpdate(FlagOperation.Add, flags, keywords));
        }
        catch (MailboxStoreException)
        {
            // The original was moved or deleted meanwhile.
        }
    }

    private static IResult Refused(string error, IReadOnlyList<Refusal> refused) =>
        Results.Json(new { Error = error, Refused = refused }, statusCode: StatusCodes.Status422UnprocessableEntity);

    /// <summary>A refused recipient and the rule's words.</summary>
    private sealed record Refusal(string Address, string Reason);
}
