using MailKit.Net.Smtp;
using MimeKit;

namespace Preau.Smtp.Relay;

/// <summary>MailKit's client, told not to give up on the whole message when the smart host refuses
/// one recipient: refused recipients are collected and the others still get the message.</summary>
internal sealed class CollectingSmtpClient : SmtpClient
{
    public List<(MailboxAddress Mailbox, SmtpResponse Response)> Refused { get; } = [];

    protected override void OnRecipientNotAccepted(MimeMessage message, MailboxAddress mailbox, SmtpResponse response) =>
        Refused.Add((mailbox, response));
}
