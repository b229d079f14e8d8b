using System.Runtime.InteropServices;
using MimeKit;

namespace Preau.Imap.Content;

/// <summary>
/// A raw message parsed once by MimeKit, with the exact byte ranges of every header and body as they are
/// in the raw octets. FETCH BODYSTRUCTURE, BODY[section] and RFC822.SIZE-like figures come from these
/// ranges, never from a re-serialisation, so they match what the client downloads octet for octet.
/// </summary>
/// <remarks>
/// The ranges come from the parser's <see cref="MimeParser.MimeEntityBegin"/>/<see cref="MimeParser.MimeEntityEnd"/>
/// and message events over a persistent load. MimeKit follows RFC 2046 §5.1.1: the CRLF before a boundary
/// belongs to the boundary, so a part's body ends before it (IMAP sizes count the same way).
/// Not thread-safe: the content streams share one position over <see cref="Raw"/>; one session uses it.
/// </remarks>
public sealed class ParsedMessage
{
    private ParsedMessage(ReadOnlyMemory<byte> raw, MimeMessage message, MessageNode root)
    {
        Raw = raw;
        Message = message;
        Root = root;
    }

    /// <summary>The message as stored.</summary>
    public ReadOnlyMemory<byte> Raw { get; }

    /// <summary>The MimeKit view (content streams read from <see cref="Raw"/>).</summary>
    public MimeMessage Message { get; }

    /// <summary>The top-level message: its header, text and body tree.</summary>
    public MessageNode Root { get; }

    /// <summary>Parses <paramref name="raw"/>; an unparsable message becomes a header-less text body.</summary>
    /// <param name="raw">The raw message; it must not change while this object is in use.</param>
    public static ParsedMessage Parse(ReadOnlyMemory<byte> raw)
    {
        var segment = MemoryMarshal.TryGetArray(raw, out var array) ? array : new ArraySegment<byte>(raw.ToArray());
        var stream = new MemoryStream(segment.Array!, segment.Offset, segment.Count, writable: false);
        var entities = new Dictionary<MimeEntity, Offsets>(ReferenceEqualityComparer.Instance);
        var messages = new Dictionary<MimeMessage, Offsets>(ReferenceEqualityComparer.Instance);
        var begins = new Dictionary<object, int>(ReferenceEqualityComparer.Instance);

        // persistent: content streams are windows on the same array, nothing is copied.
        var parser = new MimeParser(stream, persistent: true);
        parser.MimeEntityBegin += (_, e) => begins[e.Entity] = (int)e.BeginOffset;
        parser.MimeMessageBegin += (_, e) => begins[e.Message] = (int)e.BeginOffset;
        parser.MimeEntityEnd += (_, e) =>
            entities[e.Entity] = new Offsets(begins.GetValueOrDefault(e.Entity), (int)e.HeadersEndOffset, (int)e.EndOffset);
        parser.MimeMessageEnd += (_, e) =>
            messages[e.Message] = new Offsets(begins.GetValueOrDefault(e.Message), (int)e.HeadersEndOffset, (int)e.EndOffset);

        MimeMessage message;
        try
        {
            message = parser.ParseMessage();
        }
        catch (FormatException)
        {
            return Unparsable(raw);
        }

        var builder = new TreeBuilder(entities, messages, raw.Length);
        return new ParsedMessage(raw, message, builder.Message(message, new Offsets(0, 0, raw.Length)));
    }

    /// <summary>
    /// No header could be read: the whole message is its text, a body without any Content-Type, so it
    /// gets RFC 2045's default and its octets are decoded (and searched) as MimeKit decodes unlabelled text.
    /// </summary>
    private static ParsedMessage Unparsable(ReadOnlyMemory<byte> raw)
    {
        var body = new TextPart("plain") { Content = new MimeContent(new MemoryStream(raw.ToArray(), writable: false)) };
        body.Headers.Clear();
        var message = new MimeMessage();
        message.Headers.Clear();
        message.Body = body;
        var all = new ByteRange(0, raw.Length);
        var node = new MimeNode(body, new ByteRange(0, 0), all, [], null);
        return new ParsedMessage(raw, message, new MessageNode(message, new ByteRange(0, 0), all, node));
    }

    private readonly record struct Offsets(int Begin, int HeadersEnd, int End);

    /// <summary>Turns the offsets recorded during the parse into the node tree.</summary>
    private sealed class TreeBuilder(
        Dictionary<MimeEntity, Offsets> entities,
        Dictionary<MimeMessage, Offsets> messages,
        int length)
    {
        public MessageNode Message(MimeMessage message, Offsets fallback)
        {
            var offsets = messages.GetValueOrDefault(message, fallback);
            // MimeKit always gives a parsed message a body; the stand-in only keeps the tree total.
            var body = Entity(message.Body ?? new TextPart("plain"), offsets);
            return new MessageNode(
                message,
                Range(offsets.Begin, offsets.HeadersEnd),
                Range(offsets.HeadersEnd, offsets.End),
                body);
        }

        private MimeNode Entity(MimeEntity entity, Offsets fallback)
        {
            var offsets = entities.GetValueOrDefault(entity, fallback);
            var children = entity is Multipart multipart
                ? multipart.Select(child => Entity(child, new Offsets(offsets.End, offsets.End, offsets.End))).ToList()
                : [];
            MessageNode? inner = null;
            if (entity is MessagePart { Message: { } message } && IsEncapsulatedMessage(entity.ContentType))
            {
                inner = Message(message, new Offsets(offsets.HeadersEnd, offsets.HeadersEnd, offsets.End));
            }

            return new MimeNode(
                entity,
                Range(offsets.Begin, offsets.HeadersEnd),
                Range(offsets.HeadersEnd, offsets.End),
                children,
                inner);
        }

        private ByteRange Range(int start, int end)
        {
            // Clamped so a parser surprise can shorten a section but never throw.
            start = Math.Clamp(start, 0, length);
            return new ByteRange(start, Math.Clamp(end, start, length));
        }
    }

    /// <summary>message/rfc822 and message/global (RFC 9051) carry an envelope and a nested body structure.</summary>
    internal static bool IsEncapsulatedMessage(ContentType type) =>
        type.MediaType.Equals("message", StringComparison.OrdinalIgnoreCase)
        && (type.MediaSubtype.Equals("rfc822", StringComparison.OrdinalIgnoreCase)
            || type.MediaSubtype.Equals("global", StringComparison.OrdinalIgnoreCase));
}

/// <summary>A message: the top-level one, or one inside a message/rfc822 part.</summary>
/// <param name="Message">The MimeKit message.</param>
/// <param name="Header">Its header, blank line included (BODY[HEADER]).</param>
/// <param name="Text">Its body (BODY[TEXT]).</param>
/// <param name="Body">Its top MIME entity (part 1 when not multipart, the parts' parent otherwise).</param>
public sealed record MessageNode(MimeMessage Message, ByteRange Header, ByteRange Text, MimeNode Body)
{
    /// <summary>The header, text and all: BODY[] for this message.</summary>
    public ByteRange Whole => new(Header.Start, Text.End);

    /// <summary>
    /// The entities numbered 1, 2… under this message (RFC 3501 §6.4.5): the parts of a multipart body,
    /// or the body itself when it is not multipart.
    /// </summary>
    public IReadOnlyList<MimeNode> NumberedParts => Body.Entity is Multipart ? Body.Children : [Body];
}

/// <summary>One MIME entity and its byte ranges.</summary>
/// <param name="Entity">The MimeKit entity.</param>
/// <param name="Header">Its MIME header, blank line included (BODY[n.MIME]).</param>
/// <param name="Body">Its body as encoded (BODY[n]); for a message/rfc822 part, the whole inner message.</param>
/// <param name="Children">The parts of a multipart, empty otherwise.</param>
/// <param name="Message">The encapsulated message of a message/rfc822 or message/global part.</param>
public sealed record MimeNode(
    MimeEntity Entity,
    ByteRange Header,
    ByteRange Body,
    IReadOnlyList<MimeNode> Children,
    MessageNode? Message);

/// <summary>A range of octets in the raw message, <c>[Start, End)</c>.</summary>
/// <param name="Start">First octet.</param>
/// <param name="End">One past the last octet.</param>
public readonly record struct ByteRange(int Start, int End)
{
    /// <summary>How many octets.</summary>
    public int Length => End - Start;

    /// <summary>The octets of this range in <paramref name="raw"/>.</summary>
    /// <param name="raw">The raw message.</param>
    public ReadOnlyMemory<byte> Slice(ReadOnlyMemory<byte> raw) => raw[Start..End];

    /// <summary>
    /// Text lines in the range: one per LF, plus a last line without one (a part's last line ends at the
    /// boundary, whose CRLF is not in the body).
    /// </summary>
    /// <param name="raw">The raw message.</param>
    public int CountLines(ReadOnlySpan<byte> raw)
    {
        var span = raw[Start..End];
        if (span.IsEmpty)
        {
            return 0;
        }

        var lines = span.Count((byte)'\n');
        return span[^1] == (byte)'\n' ? lines : lines + 1;
    }
}
