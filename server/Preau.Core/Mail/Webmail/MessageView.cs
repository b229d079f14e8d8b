using MimeKit;

namespace Preau.Core.Mail.Webmail;

/// <summary>One attachment of a message, as the reading pane lists it.</summary>
/// <param name="Part">Where it is: the IMAP-style part number ("2", "1.3").</param>
/// <param name="Name">Its file name (never empty: a name is made up when the part has none).</param>
/// <param name="ContentType">Its MIME type, lower case.</param>
/// <param name="Size">Its decoded size in octets.</param>
public sealed record AttachmentInfo(string Part, string Name, string ContentType, long Size);

/// <summary>
/// A message parsed for reading: its text and HTML bodies, its attachments with their part numbers, and
/// the inline images the HTML refers to by <c>cid:</c>. The HTML is as sent: the caller sanitises it.
/// </summary>
/// <remarks>
/// Part numbers follow IMAP (RFC 9051 §6.4.5): the parts of a multipart are numbered from 1, nested
/// ones with dots; a message that is not multipart has one part, "1". An attached message
/// (message/rfc822) is one attachment, not descended into.
/// </remarks>
public sealed class MessageView
{
    private static readonly ParserOptions Lenient = CreateLenient();

    private MessageView(MimeMessage message, string? text, string? html, IReadOnlyList<AttachmentInfo> attachments, IReadOnlyDictionary<string, string> inline)
    {
        Message = message;
        Text = text;
        Html = html;
        Attachments = attachments;
        InlineParts = inline;
    }

    /// <summary>The parsed message.</summary>
    public MimeMessage Message { get; }

    /// <summary>The plain-text body, or null.</summary>
    public string? Text { get; }

    /// <summary>The HTML body as sent (unsanitised), or null.</summary>
    public string? Html { get; }

    /// <summary>The attachments, inline images the HTML shows excluded.</summary>
    public IReadOnlyList<AttachmentInfo> Attachments { get; }

    /// <summary>Content-Id (without angle brackets) → part number, for the parts the HTML refers to as <c>cid:</c>.</summary>
    public IReadOnlyDictionary<string, string> InlineParts { get; }

    /// <summary>Parses a raw message; a message MimeKit cannot read at all becomes an empty one.</summary>
    /// <param name="raw">The raw message.</param>
    /// <param name="cancellationToken">Cancels the parse.</param>
    /// <param name="persistent">Leave part contents in <paramref name="raw"/> (seekable, kept open while the
    /// view's parts are read) instead of copying them: a 1 MB attachment is then never held in memory.</param>
    public static async Task<MessageView> LoadAsync(Stream raw, CancellationToken cancellationToken = default, bool persistent = false)
    {
        ArgumentNullException.ThrowIfNull(raw);
        MimeMessage message;
        try
        {
            message = await MimeMessage.LoadAsync(Lenient, raw, persistent && raw.CanSeek, cancellationToken);
        }
        catch (FormatException)
        {
            message = new MimeMessage();
        }

        return From(message);
    }

    /// <summary>The view of a parsed message.</summary>
    /// <param name="message">The message.</param>
    public static MessageView From(MimeMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var text = Safe(() => message.TextBody);
        var html = Safe(() => message.HtmlBody);
        var inline = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var attachments = new List<AttachmentInfo>();
        foreach (var (part, entity) in Parts(message))
        {
            var contentId = entity.ContentId;
            if (html is not null && !entity.IsAttachment && contentId is not null
                && html.Contains("cid:" + contentId, StringComparison.OrdinalIgnoreCase))
            {
                inline.TryAdd(contentId, part);
                continue;
            }

            if (entity is TextPart { IsAttachment: false } body && (body.IsPlain || body.IsHtml))
            {
                // A body text (shown above), not an attachment.
                continue;
            }

            attachments.Add(new AttachmentInfo(part, NameOf(entity, part), entity.ContentType.MimeType.ToLowerInvariant(), SizeOf(entity)));
        }

        return new MessageView(message, text, html, attachments, inline);
    }

    /// <summary>The leaf parts of a message with their part numbers (attached messages are leaves).</summary>
    /// <param name="message">The message.</param>
    public static IEnumerable<(string Part, MimeEntity Entity)> Parts(MimeMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        return message.Body is null ? [] : Walk(message.Body, null);
    }

    /// <summary>The leaf part with this number, or null.</summary>
    /// <param name="message">The message.</param>
    /// <param name="part">"1", "2.1"…</param>
    public static MimeEntity? FindPart(MimeMessage message, string? part)
    {
        ArgumentNullException.ThrowIfNull(message);
        return string.IsNullOrEmpty(part) || part.Length > 64 ? null : Parts(message).FirstOrDefault(p => p.Part == part).Entity;
    }

    /// <summary>The file name of a part: its own, else one made from its type ("piece-jointe-2.pdf").</summary>
    /// <param name="entity">The part.</param>
    /// <param name="part">Its number.</param>
    public static string NameOf(MimeEntity entity, string part)
    {
        ArgumentNullException.ThrowIfNull(entity);
        if (entity is MessagePart { Message: { } inner })
        {
            var subject = string.IsNullOrWhiteSpace(inner.Subject) ? "message" : inner.Subject.Trim();
            return FileNames.Clean(subject + ".eml", "message.eml");
        }

        var name = entity is MimePart mime ? mime.FileName : entity.ContentDisposition?.FileName ?? entity.ContentType.Name;
        var extension = MimeTypes.TryGetExtension(entity.ContentType.MimeType, out var ext) ? ext : ".bin";
        return FileNames.Clean(name, $"piece-jointe-{part.Replace('.', '-')}{extension}");
    }

    /// <summary>Writes a part's decoded content (an attached message: its raw form).</summary>
    /// <param name="entity">The part.</param>
    /// <param name="output">Where to write.</param>
    /// <param name="cancellationToken">Cancels the copy.</param>
    public static async Task WriteContentAsync(MimeEntity entity, Stream output, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entity);
        switch (entity)
        {
            case MimePart { Content: { } content }:
                await content.DecodeToAsync(output, cancellationToken);
                break;
            case MessagePart { Message: { } inner }:
                await inner.WriteToAsync(FormatOptions.Default, output, cancellationToken);
                break;
        }
    }

    private static IEnumerable<(string, MimeEntity)> Walk(MimeEntity entity, string? prefix)
    {
        if (entity is Multipart multipart)
        {
            for (var i = 0; i < multipart.Count; i++)
            {
                var number = prefix is null ? $"{i + 1}" : $"{prefix}.{i + 1}";
                foreach (var leaf in Walk(multipart[i], number))
                {
                    yield return leaf;
                }
            }
        }
        else
        {
            yield return (prefix ?? "1", entity);
        }
    }

    private static long SizeOf(MimeEntity entity)
    {
        using var counter = new CountingStream();
        try
        {
            WriteContentAsync(entity, counter).GetAwaiter().GetResult();
        }
        catch (Exception e) when (e is FormatException or InvalidOperationException or NotSupportedException)
        {
            // A part that cannot be decoded is still listed; it downloads as whatever decodes.
        }

        return counter.Length;
    }

    private static string? Safe(Func<string?> read)
    {
        try
        {
            return read();
        }
        catch (Exception e) when (e is System.Text.DecoderFallbackException or NotSupportedException or FormatException or IOException)
        {
            return null;
        }
    }

    private static ParserOptions CreateLenient()
    {
        var options = ParserOptions.Default.Clone();
        options.AddressParserComplianceMode = RfcComplianceMode.Looser;
        options.ParameterComplianceMode = RfcComplianceMode.Looser;
        options.Rfc2047ComplianceMode = RfcComplianceMode.Looser;
        return options;
    }

    /// <summary>Counts what is written, keeps nothing.</summary>
    private sealed class CountingStream : Stream
    {
        private long _length;

        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => _length;

        public override long Position
        {
            get => _length;
            set => throw new NotSupportedException();
        }

        public override void Flush()
        {
        }

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => _length += count;

        public override void Write(ReadOnlySpan<byte> buffer) => _length += buffer.Length;

        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
        {
            _length += count;
            return Task.CompletedTask;
        }

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            _length += buffer.Length;
            return ValueTask.CompletedTask;
        }
    }
}
