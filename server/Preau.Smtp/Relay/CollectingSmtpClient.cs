using MailKit.Net.Smtp;
using MimeKit;

namespace Preau.Smtp.Relay;

/// <summary>MailKit's client, told not to give up on the whole message when the smart host refuses
/// one recipient: refused recipients are collected with the smart host's own reply, and the others
/// still get the message.</summary>
internal sealed class CollectingSmtpClient : SmtpClient
{
    public List<(MailboxAddress Mailbox, SmtpResponse Response)> Refused { get; } = [];

    protected override void OnRecipientNotAccepted(MimeMessage message, MailboxAddress mailbox, SmtpResponse response) =>
        Refused.Add((mailbox, response));

    /// <summary>MailKit would throw its own "554 No recipients were accepted", hiding whether the
    /// refusals were temporary (451: retry) or permanent (550: bounce) and what the host said.</summary>
    protected override void OnNoRecipientsAccepted(MimeMessage message) => throw new NoRecipientAcceptedException();
}

/// <summary>Every recipient was refused; <see cref="CollectingSmtpClient.Refused"/> says how.</summary>
internal sealed class NoRecipientAcceptedException : Exception
{
    public NoRecipientAcceptedException()
        : base("no recipient was accepted")
    {
    }

    public NoRecipientAcceptedException(string message)
        : base(message)
    {
    }

    public NoRecipientAcceptedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
