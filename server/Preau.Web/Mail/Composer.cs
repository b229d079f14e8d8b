using Microsoft.AspNetCore.Http;
using MimeKit;
using Preau.Core.Accounts;
using Preau.Core.Mail;
using Preau.Core.Mail.Webmail;

namespace Preau.Web.Mail;

/// <summary>A compose request checked and resolved: addresses parsed, attachments and the answered,
/// forwarded and draft messages found among the caller's own.</summary>
internal sealed record ResolvedCompose(
    Composition Composition,
    IReadOnlyList<string> EnvelopeRecipients,
    IReadOnlyList<string> UploadIds,
    MessageEntry? Answered,
    MessageEntry? Forwarded,
    MessageEntry? Draft);

/// <summary>Turns a <see cref="ComposeRequest"/> into a <see cref="Composition"/> (Core builds the MIME).</summary>
internal static class Composer
{
    /// <summary>The largest JSON body of a compose request.</summary>
    public const int MaxBodyBytes = 8 * 1024 * 1024;

    /// <summary>The most addresses one message may name before list expansion (the policy then counts members).</summary>
    public const int MaxAddresses = 500;

    /// <summary>The most attachments.</summary>
    public const int MaxAttachments = 100;

    /// <summary>The resolved request, or the answer to give (400 bad input, 404 an id that is not the caller's).</summary>
    public static async Task<(ResolvedCompose? Compose, IResult? Error)> ResolveAsync(MailApiContext api, HttpContext context, ComposeRequest request, bool forDraft)
    {
        var account = MailApiContext.Caller(context);
        var to = new List<PersonAddress>();
        var cc = new List<PersonAddress>();
        var bcc = new List<PersonAddress>();
        var count = (request.To?.Count ?? 0) + (request.Cc?.Count ?? 0) + (request.Bcc?.Count ?? 0);
        if (count > MaxAddresses)
        {
            return (null, ApiResults.BadRequest($"Trop d'adresses : au plus {MaxAddresses} (une liste compte pour une adresse)."));
        }

        foreach (var (given, into) in new[] { (request.To, to), (request.Cc, cc), (request.Bcc, bcc) })
        {
            foreach (var text in given ?? [])
            {
                if (Parse(text) is not { } address)
                {
                    return (null, ApiResults.BadRequest($"Adresse invalide : « {Shorten(text)} »."));
                }

                into.Add(address);
            }
        }

        if (!forDraft && count == 0)
        {
            return (null, ApiResults.BadRequest("Indiquez au moins un destinataire (« to », « cc » ou « bcc »)."));
        }

        var subject = OneLine(request.Subject ?? "");
        if (subject.Length > 900)
        {
            return (null, ApiResults.BadRequest("Objet trop long : 900 caractères au plus."));
        }

        if ((request.Attachments?.Count ?? 0) > MaxAttachments)
        {
            return (null, ApiResults.BadRequest($"Trop de pièces jointes : {MaxAttachments} au plus."));
        }

        MessageEntry? answered = null, forwarded = null, draft = null;
        if (request.ReplyTo is not null && (answered = api.Find(account, request.ReplyTo)) is null)
        {
            return (null, ApiResults.NotFound("Le message auquel vous répondez est introuvable."));
        }

        if (request.ForwardOf is not null && (forwarded = api.Find(account, request.ForwardOf)) is null)
        {
            return (null, ApiResults.NotFound("Le message à transférer est introuvable."));
        }

        if (request.DraftId is not null)
        {
            draft = api.Find(account, request.DraftId);
            if (draft is null || draft.MailboxId != api.Special(account, SpecialUse.Drafts).Id)
            {
                return (null, ApiResults.NotFound("Brouillon introuvable."));
            }
        }

        var session = MailApiContext.Session(context);
        var parts = new List<MimeEntity>();
        var uploads = new List<string>();
        foreach (var id in request.Attachments ?? [])
        {
            if (api.Uploads.Find(session, id ?? "") is { } upload)
            {
                parts.Add(WebmailComposer.FileAttachment(upload.Name, upload.ContentType, File.OpenRead(upload.Path)));
                uploads.Add(upload.Id);
                continue;
            }

            var slash = id?.IndexOf('/', StringComparison.Ordinal) ?? -1;
            if (slash > 0 && api.Find(account, id![..slash]) is { } source)
            {
                var view = await MessageReadEndpoints.LoadAsync(api, account, source, context.RequestAborted);
                if (MessageView.FindPart(view.Message, id[(slash + 1)..]) is { } part)
                {
                    parts.Add(part);
                    continue;
                }
            }

            foreach (var opened in parts)
            {
                opened.Dispose();
            }

            return (null, ApiResults.NotFound($"Pièce jointe introuvable : « {Shorten(id ?? "")} »."));
        }

        string? inReplyTo = null;
        IReadOnlyList<string> references = [];
        if (answered is not null)
        {
            var original = (await MessageReadEndpoints.LoadAsync(api, account, answered, context.RequestAborted)).Message;
            inReplyTo = original.MessageId;
            references = WebmailComposer.ReferencesOf(original);
        }

        if (forwarded is not null)
        {
            var original = (await MessageReadEndpoints.LoadAsync(api, account, forwarded, context.RequestAborted)).Message;
            parts.Add(WebmailComposer.ForwardedMessage(original));
        }

        var html = string.IsNullOrWhiteSpace(request.Html) ? null : MailHtml.ForSending(request.Html);
        var from = new PersonAddress(account.DisplayName, api.Services.Directory.AddressOf(account));
        var composition = new Composition(from, to, cc, bcc, subject, request.Text, html, parts, inReplyTo, references);
        var envelope = to.Concat(cc).Concat(bcc).Select(a => a.Address).Distinct(StringComparer.OrdinalIgnoreCase).ToArray();
        return (new ResolvedCompose(composition, envelope, uploads, answered, forwarded, draft), null);
    }

    /// <summary>"a@b" or "Nom &lt;a@b&gt;"; null when it is not one mailbox address.</summary>
    public static PersonAddress? Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text) || text.Length > 320 || text.Contains('\r', StringComparison.Ordinal) || text.Contains('\n', StringComparison.Ordinal))
        {
            return null;
        }

        return MailboxAddress.TryParse(text.Trim(), out var mailbox) && mailbox.Address.Contains('@', StringComparison.Ordinal)
            ? PersonAddress.Of(mailbox)
            : null;
    }

    private static string OneLine(string text) => text.Replace("\r", "", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal).Trim();

    private static string Shorten(string text) => text.Length <= 80 ? text : text[..80] + "…";
}
