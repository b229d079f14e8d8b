using MimeKit;
using Preau.Core.Accounts;
using Preau.Core.Directory;
using Preau.Core.Mail;
using Preau.Plugins.Mail;

namespace Preau.PluginHost.Services;

/// <summary><see cref="IMailSender"/>: composes the message and submits it through
/// <see cref="SubmissionService"/>, recipient by recipient, like an SMTP client would.</summary>
internal sealed class MailSender(SubmissionService submission, DirectoryService directory, MailOptions options, TimeProvider time, string pluginId) : IMailSender
{
    public Task<SendResult> SendAsSystemAsync(OutgoingMail mail, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(mail);
        var from = new MailboxAddress(string.IsNullOrWhiteSpace(mail.SenderName) ? options.SystemName : mail.SenderName.Trim(), options.SystemAddress);
        var context = new SubmissionContext("PLUGIN", "local", pluginId, IgnoreRecipientLimit: mail.IgnoreRecipientLimit);
        return SendAsync(submission.BeginSystem(context), options.SystemAddress, from, mail, system: true, cancellationToken);
    }

    public Task<SendResult> SendOnBehalfOfAsync(string login, OutgoingMail mail, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(login);
        ArgumentNullException.ThrowIfNull(mail);
        if (directory.Find(login) is not Account account)
        {
            return Task.FromResult(new SendResult(SendStatus.Refused, $"no account '{login}'", []));
        }

        var address = directory.AddressOf(account);
        var context = new SubmissionContext("PLUGIN", "local", pluginId, SentCopy: mail.SaveCopy);
        return SendAsync(submission.Begin(account, context), address, new MailboxAddress(account.DisplayName, address), mail, system: false, cancellationToken);
    }

    private async Task<SendResult> SendAsync(SubmissionTransaction transaction, string mailFrom, MailboxAddress from, OutgoingMail mail, bool system, CancellationToken cancellationToken)
    {
        var sender = transaction.SetMailFrom(mailFrom);
        if (!sender.Accepted)
        {
            return new SendResult(SendStatus.Refused, sender.Text, []);
        }

        var refused = new List<RefusedRecipient>();
        var to = Addresses(mail.To);
        var cc = Addresses(mail.Cc);
        foreach (var address in to.Concat(cc).Distinct(StringComparer.OrdinalIgnoreCase))
        {
            var decision = transaction.AddRecipient(address);
            if (!decision.Accepted)
            {
                refused.Add(new RefusedRecipient(address, decision.Text));
            }
        }

        if (transaction.Recipients.Count == 0)
        {
            return new SendResult(SendStatus.Refused, refused.Count > 0 ? "no recipient accepted" : "no recipient given", refused);
        }

        var message = Compose(from, to, cc, mail, system);
        using var buffer = new MemoryStream();
        await message.WriteToAsync(FormatOptions.Default, buffer, cancellationToken);
        var result = await transaction.CommitAsync(buffer.ToArray(), cancellationToken);
        var status = !result.Accepted ? SendStatus.Refused : transaction.LastHeldId is not null ? SendStatus.Held : SendStatus.Sent;
        return new SendResult(status, result.Text, refused);
    }

    private MimeMessage Compose(MailboxAddress from, IReadOnlyList<string> to, IReadOnlyList<string> cc, OutgoingMail mail, bool system)
    {
        var message = new MimeMessage();
        message.From.Add(from);
        message.To.AddRange(to.Select(a => MailboxAddress.Parse(a)));
        message.Cc.AddRange(cc.Select(a => MailboxAddress.Parse(a)));
        message.Subject = mail.Subject ?? "";
        message.Date = time.GetUtcNow();
        message.MessageId = MimeKit.Utils.MimeUtils.GenerateMessageId(options.Domain);
        if (system)
        {
            message.Headers.Add("Auto-Submitted", "auto-generated");
        }

        var body = new BodyBuilder { TextBody = mail.TextBody ?? "", HtmlBody = mail.HtmlBody };
        foreach (var attachment in mail.Attachments)
        {
            body.Attachments.Add(attachment.FileName, attachment.Content.ToArray(), ContentType.Parse(attachment.ContentType));
        }

        message.Body = body.ToMessageBody();
        return message;
    }

    /// <summary>Logins become local addresses; addresses that do not parse are kept as given, so the
    /// policy refuses them by name.</summary>
    private string[] Addresses(IReadOnlyList<string>? given) =>
        (given ?? []).Where(a => !string.IsNullOrWhiteSpace(a))
            .Select(a => a.Trim())
            .Select(a => a.Contains('@', StringComparison.Ordinal) ? a : $"{a}@{options.Domain}")
            .Where(a => MailboxAddress.TryParse(a, out _))
            .ToArray();
}
