using MimeKit;
using MimeKit.Utils;
using Preau.Core.Search;

namespace Preau.Core.Mail.Webmail;

/// <summary>Builds the MIME of a webmail message with MimeKit: headers, text and HTML alternatives,
/// attachments, reply threading. Nothing here decides who may receive it: the message then goes through
/// <see cref="SubmissionTransaction"/> like any other.</summary>
public static class WebmailComposer
{
    /// <summary>The longest References: header kept, in Message-Ids (the oldest and the newest are kept).</summary>
    public const int MaxReferences = 20;

    /// <summary>The message. <paramref name="asDraft"/> keeps the Bcc: header (a draft must remember it;
    /// a sent message never shows it).</summary>
    /// <param name="composition">What was written.</param>
    /// <param name="domain">The school's domain, for the Message-Id.</param>
    /// <param name="now">The Date: header.</param>
    /// <param name="asDraft">Whether the message is a draft.</param>
    public static MimeMessage Build(Composition composition, string domain, DateTimeOffset now, bool asDraft = false)
    {
        ArgumentNullException.ThrowIfNull(composition);
        var message = new MimeMessage();
        message.From.Add(Mailbox(composition.From));
        message.To.AddRange(composition.To.Select(Mailbox));
        message.Cc.AddRange(composition.Cc.Select(Mailbox));
        if (asDraft)
        {
            message.Bcc.AddRange(composition.Bcc.Select(Mailbox));
        }

        message.Subject = composition.Subject;
        message.Date = now;
        message.MessageId = MimeUtils.GenerateMessageId(domain);
        message.Headers.Add(HeaderId.UserAgent, "Preau webmail");
        if (composition.InReplyTo is { Length: > 0 } inReplyTo)
        {
            message.InReplyTo = inReplyTo;
        }

        foreach (var reference in Trim(composition.References ?? []))
        {
            message.References.Add(reference);
        }

        var text = composition.Text;
        if (string.IsNullOrEmpty(text) && composition.Html is { } html)
        {
            text = SearchText.HtmlToText(html).Trim() + "\n";
        }

        var builder = new BodyBuilder { TextBody = text ?? "", HtmlBody = composition.Html };
        foreach (var attachment in composition.Attachments)
        {
            builder.Attachments.Add(attachment);
        }

        message.Body = builder.ToMessageBody();
        return message;
    }

    /// <summary>The raw bytes, CRLF line ends.</summary>
    /// <param name="message">The message.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    public static async Task<byte[]> SerializeAsync(MimeMessage message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        using var buffer = new MemoryStream();
        var options = FormatOptions.Default.Clone();
        options.NewLineFormat = NewLineFormat.Dos;
        await message.WriteToAsync(options, buffer, cancellationToken);
        return buffer.ToArray();
    }

    /// <summary>A file to attach, base64, read from <paramref name="content"/> when the message is written.</summary>
    /// <param name="name">The file name (already cleaned).</param>
    /// <param name="contentType">Its MIME type ("application/pdf"); an invalid one becomes application/octet-stream.</param>
    /// <param name="content">The bytes; owned by the part from now on.</param>
    public static MimePart FileAttachment(string name, string contentType, Stream content)
    {
        var type = ContentType.TryParse(contentType ?? "", out var parsed) ? parsed : new ContentType("application", "octet-stream");
        return new MimePart(type.MediaType, type.MediaSubtype)
        {
            Content = new MimeContent(content),
            ContentDisposition = new ContentDisposition(ContentDisposition.Attachment),
            ContentTransferEncoding = ContentEncoding.Base64,
            FileName = name,
        };
    }

    /// <summary>A message forwarded as an attachment (message/rfc822).</summary>
    /// <param name="original">The message.</param>
    public static MessagePart ForwardedMessage(MimeMessage original)
    {
        ArgumentNullException.ThrowIfNull(original);
        var name = FileNames.Clean((string.IsNullOrWhiteSpace(original.Subject) ? "message" : original.Subject.Trim()) + ".eml", "message.eml");
        return new MessagePart
        {
            Message = original,
            ContentDisposition = new ContentDisposition(ContentDisposition.Attachment) { FileName = name },
        };
    }

    /// <summary>The References: of a reply: the original's references, then its Message-Id.</summary>
    /// <param name="original">The message answered.</param>
    public static IReadOnlyList<string> ReferencesOf(MimeMessage original)
    {
        ArgumentNullException.ThrowIfNull(original);
        var references = original.References.ToList();
        if (original.References.Count == 0 && original.InReplyTo is { Length: > 0 } parent)
        {
            references.Add(parent);
        }

        if (original.MessageId is { Length: > 0 } id)
        {
            references.Add(id);
        }

        return Trim(references);
    }

    private static IReadOnlyList<string> Trim(IReadOnlyList<string> references) =>
        references.Count <= MaxReferences ? references : [references[0], .. references.Skip(references.Count - (MaxReferences - 1))];

    private static MailboxAddress Mailbox(PersonAddress address) => new(address.Name ?? "", address.Address);
}
