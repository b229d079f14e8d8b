using System.Text;
using MimeKit;
using Preau.Imap.Content;

namespace Preau.Imap.Tests.Content;

/// <summary>Real MIME for the content tests, built by MimeKit or written by hand, always with CRLF line ends.</summary>
internal static class TestMessages
{
    public const string MixedBoundary = "=-mixed-7f3a";
    public const string AlternativeBoundary = "=-alt-19c2";

    public static readonly byte[] PdfBytes = Enumerable.Range(0, 700).Select(i => (byte)(i * 7 % 256)).ToArray();

    /// <summary>Text written with \n line ends, sent as the CRLF octets of a stored message (UTF-8).</summary>
    public static byte[] Crlf(string text) => Encoding.UTF8.GetBytes(text.ReplaceLineEndings("\r\n"));

    public static byte[] ToBytes(MimeMessage message)
    {
        var options = FormatOptions.Default.Clone();
        options.NewLineFormat = NewLineFormat.Dos;
        using var stream = new MemoryStream();
        message.WriteTo(options, stream);
        return stream.ToArray();
    }

    public static ParsedMessage Parse(byte[] raw) => ParsedMessage.Parse(raw);

    /// <summary>
    /// multipart/mixed: multipart/alternative (text/plain quoted-printable, text/html base64), a PDF in
    /// base64 with a French file name, a forwarded message/rfc822, and a text/plain part in 8bit.
    /// </summary>
    public static MimeMessage SchoolMessage()
    {
        var message = new MimeMessage();
        message.From.Add(new MailboxAddress("Élève Démo", "eleve.demo@college-preau.fr"));
        message.To.Add(new MailboxAddress("Professeur Principal", "prof@college-preau.fr"));
        message.Cc.Add(new MailboxAddress("Vie scolaire", "vie.scolaire@college-preau.fr"));
        message.Subject = "Devoir de français : élève absent";
        message.Date = new DateTimeOffset(2025, 9, 15, 8, 30, 0, TimeSpan.FromHours(2));
        message.MessageId = "devoir-1@college-preau.fr";

        var builder = new BodyBuilder
        {
            TextBody = "Bonjour,\nL'élève Démo sera absent jeudi.\nCordialement\n",
            HtmlBody = "<html><body><p>Bonjour,</p><p>L'<b>élève</b> Démo sera absent jeudi.</p>"
                + "<script>var cache = 'invisible';</script></body></html>",
        };
        builder.Attachments.Add("bulletin élève.pdf", PdfBytes, new ContentType("application", "pdf"));
        builder.Attachments.Add(new MessagePart { Message = ForwardedMessage() });
        message.Body = builder.ToMessageBody();

        var mixed = (Multipart)message.Body;
        mixed.Boundary = MixedBoundary;
        var alternative = (MultipartAlternative)mixed[0];
        alternative.Boundary = AlternativeBoundary;
        ((TextPart)alternative[0]).ContentTransferEncoding = ContentEncoding.QuotedPrintable;
        ((TextPart)alternative[1]).ContentTransferEncoding = ContentEncoding.Base64;
        mixed[1].ContentId = "bulletin@college-preau.fr";

        var note = new TextPart("plain") { Text = "Appréciation : très bien, élève sérieux.\n" };
        note.ContentTransferEncoding = ContentEncoding.EightBit;
        note.Headers.Add(HeaderId.ContentLanguage, "fr");
        mixed.Add(note);
        return message;
    }

    /// <summary>The message forwarded inside <see cref="SchoolMessage"/>: single-part, from the vie scolaire.</summary>
    public static MimeMessage ForwardedMessage()
    {
        var inner = new MimeMessage();
        inner.From.Add(new MailboxAddress("Vie scolaire", "vie.scolaire@college-preau.fr"));
        inner.To.Add(new MailboxAddress("Élève Démo", "eleve.demo@college-preau.fr"));
        inner.Subject = "Absence signalée";
        inner.Date = new DateTimeOffset(2025, 9, 14, 17, 5, 0, TimeSpan.FromHours(2));
        inner.MessageId = "absence-42@college-preau.fr";
        inner.Body = new TextPart("plain") { Text = "Votre absence du 12 septembre est notée.\nMerci.\n" };
        return inner;
    }

    /// <summary>
    /// Independent of MimeKit: the body of the part whose MIME header contains <paramref name="marker"/>,
    /// from the blank line after the marker to the CRLF before the next boundary line.
    /// </summary>
    public static string PartBody(string raw, string marker, string boundary)
    {
        var at = raw.IndexOf(marker, StringComparison.Ordinal);
        Assert.That(at, Is.GreaterThanOrEqualTo(0), marker);
        var start = raw.IndexOf("\r\n\r\n", at, StringComparison.Ordinal) + 4;
        var end = raw.IndexOf("\r\n--" + boundary, start, StringComparison.Ordinal);
        return raw[start..end];
    }

    /// <summary>Lines as IMAP counts them: one per CRLF, plus a last line without one.</summary>
    public static int Lines(string body) =>
        body.Length == 0 ? 0 : body.Split("\r\n").Length - (body.EndsWith("\r\n", StringComparison.Ordinal) ? 1 : 0);

    /// <summary>Octets of a body cut from the UTF-8 text of a raw message.</summary>
    public static int Octets(string body) => Encoding.UTF8.GetByteCount(body);
}
