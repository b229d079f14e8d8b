using System.Text;
using MimeKit;
using MimeKit.Text;

namespace Preau.Core.Mail;

/// <summary>Builds the delivery status notification (RFC 3464) returned to a sender whose mail
/// could not leave the school: a French explanation, the machine-readable report, and the headers
/// of the original.</summary>
public static class BounceBuilder
{
    /// <summary>The bounce for <paramref name="failed"/> recipients of a queued message.</summary>
    /// <param name="options">Domain and names.</param>
    /// <param name="senderAddress">Who is told.</param>
    /// <param name="failed">The recipients that did not get the message.</param>
    /// <param name="reason">Why, in words.</param>
    /// <param name="original">The original message (its headers are quoted).</param>
    /// <param name="now">The report's date.</param>
    /// <param name="status">The RFC 3463 status of each failure (5.2.2: mailbox full).</param>
    public static MimeMessage Build(MailOptions options, string senderAddress, IReadOnlyList<string> failed, string reason, Stream original, DateTimeOffset now, string status = "5.0.0")
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(failed);
        HeaderList? headers = null;
        try
        {
            headers = HeaderList.Load(ParserOptions.Default, original);
        }
        catch (FormatException)
        {
            // The original's headers are unreadable: the bounce says so without quoting them.
        }

        var message = new MimeMessage();
        message.From.Add(new MailboxAddress($"{options.SystemName} (service de messagerie)", $"mailer-daemon@{options.Domain}"));
        message.To.Add(MailboxAddress.Parse(senderAddress));
        message.Subject = "Message non distribué : " + (headers?[HeaderId.Subject] ?? "(sans objet)");
        message.Date = now;
        message.MessageId = MimeKit.Utils.MimeUtils.GenerateMessageId(options.Domain);
        message.Headers.Add("Auto-Submitted", "auto-replied");

        var explanation = new TextPart(TextFormat.Plain)
        {
            Text = "Votre message n'a pas pu être remis aux destinataires suivants :\n\n"
                + string.Join('\n', failed.Select(f => "  " + f))
                + $"\n\nRaison : {reason}\n\nYour message could not be delivered to the recipients above.\n",
        };

        var fields = new StringBuilder();
        fields.Append("Reporting-MTA: dns; ").Append(options.HostName).Append("\r\n\r\n");
        foreach (var recipient in failed)
        {
            fields.Append("Final-Recipient: rfc822; ").Append(recipient).Append("\r\n")
                .Append("Action: failed\r\nStatus: ").Append(status).Append("\r\n")
                .Append("Diagnostic-Code: smtp; ").Append(AsciiText.Fold(reason)).Append("\r\n\r\n");
        }

        var report = new MimePart("message", "delivery-status")
        {
            Content = new MimeContent(new MemoryStream(Encoding.ASCII.GetBytes(fields.ToString()))),
        };

        var report2 = new MultipartReport("delivery-status") { explanation, report };
        if (headers is not null)
        {
            var quoted = new StringBuilder();
            foreach (var header in headers)
            {
                quoted.Append(header.ToString()).Append("\r\n");
            }

            report2.Add(new MimePart("text", "rfc822-headers")
            {
                Content = new MimeContent(new MemoryStream(Encoding.UTF8.GetBytes(quoted.ToString()))),
            });
        }

        message.Body = report2;
        return message;
    }
}
