using System.Buffers;
using System.Runtime.InteropServices;
using MimeKit;

namespace Preau.Imap.Content;

/// <summary>
/// FETCH BODY[section]&lt;origin.length&gt; (RFC 3501 §6.4.5, RFC 9051 §6.4.5): slices of the raw message,
/// never re-serialised, so a client that fetches a part by pieces gets the very octets the sizes count.
/// Only HEADER.FIELDS and HEADER.FIELDS.NOT build new octets: the chosen raw header lines and a CRLF.
/// </summary>
/// <remarks>
/// Part numbering: the parts of a multipart are 1, 2…; a message that is not multipart has one part,
/// its body; the parts of a message/rfc822 part are those of the message inside it (3.1, 3.2…), and
/// HEADER, TEXT and the field lists apply to that message (3.HEADER). A section the message does not have
/// gives null: the session answers it as the RFC asks (an empty string is what most servers send).
/// </remarks>
public static class SectionReader
{
    /// <summary>The octets of <paramref name="section"/>, or null when the message has no such section.</summary>
    /// <param name="message">The parsed message.</param>
    /// <param name="section">The section.</param>
    public static ReadOnlyMemory<byte>? Read(ParsedMessage message, BodySection section)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(section);
        var raw = message.Raw;
        if (section.Part.Count == 0)
        {
            return section.Text == SectionText.None ? raw : FromMessage(raw, message.Root, section);
        }

        var node = Resolve(message.Root, section.Part);
        if (node is null)
        {
            return null;
        }

        return section.Text switch
        {
            SectionText.None => node.Body.Slice(raw),
            SectionText.Mime => node.Header.Slice(raw),
            _ => node.Message is { } inner ? FromMessage(raw, inner, section) : null,
        };
    }

    /// <summary>A partial fetch: <c>BODY[section]&lt;origin.length&gt;</c>.</summary>
    /// <param name="message">The parsed message.</param>
    /// <param name="section">The section.</param>
    /// <param name="origin">First octet wanted.</param>
    /// <param name="length">How many octets at most; null for the rest.</param>
    public static ReadOnlyMemory<byte>? Read(ParsedMessage message, BodySection section, long origin, long? length)
    {
        var data = Read(message, section);
        return data is { } octets ? Partial(octets, origin, length) : null;
    }

    /// <summary>
    /// Octets <paramref name="origin"/> to origin+length of <paramref name="data"/>, clamped: an origin past the
    /// end gives an empty string, as RFC 9051 §6.4.5 asks.
    /// </summary>
    /// <param name="data">The whole section.</param>
    /// <param name="origin">First octet wanted.</param>
    /// <param name="length">How many octets at most; null for the rest.</param>
    public static ReadOnlyMemory<byte> Partial(ReadOnlyMemory<byte> data, long origin, long? length)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(origin);
        if (origin >= data.Length)
        {
            return ReadOnlyMemory<byte>.Empty;
        }

        var available = data.Length - origin;
        var count = length is { } wanted ? Math.Clamp(wanted, 0, available) : available;
        return data.Slice((int)origin, (int)count);
    }

    /// <summary>Follows the part numbers down the tree; null when a number points nowhere.</summary>
    /// <param name="root">The top-level message.</param>
    /// <param name="path">Part numbers, outermost first.</param>
    public static MimeNode? Resolve(MessageNode root, IReadOnlyList<int> path)
    {
        ArgumentNullException.ThrowIfNull(root);
        ArgumentNullException.ThrowIfNull(path);
        MimeNode? node = null;
        foreach (var number in path)
        {
            IReadOnlyList<MimeNode>? candidates = node switch
            {
                null => root.NumberedParts,
                { Entity: Multipart } => node.Children,
                { Message: { } inner } => inner.NumberedParts,
                _ => null,
            };
            if (candidates is null || number < 1 || number > candidates.Count)
            {
                return null;
            }

            node = candidates[number - 1];
        }

        return node;
    }

    private static ReadOnlyMemory<byte>? FromMessage(ReadOnlyMemory<byte> raw, MessageNode message, BodySection section) =>
        section.Text switch
        {
            SectionText.None => message.Whole.Slice(raw),
            SectionText.Header => message.Header.Slice(raw),
            SectionText.Text => message.Text.Slice(raw),
            SectionText.HeaderFields => SelectFields(message.Header.Slice(raw), section.Fields, exclude: false),
            SectionText.HeaderFieldsNot => SelectFields(message.Header.Slice(raw), section.Fields, exclude: true),
            _ => null,
        };

    /// <summary>
    /// The header lines whose names are (or, with <paramref name="exclude"/>, are not) in
    /// <paramref name="names"/>, raw and in message order, then the blank line that ends a header.
    /// </summary>
    private static ReadOnlyMemory<byte> SelectFields(ReadOnlyMemory<byte> header, IReadOnlyList<string> names, bool exclude)
    {
        // The header block is read again on its own because MimeMessage.Headers leaves out the
        // Content-* fields, which MimeKit files under the body entity.
        var segment = MemoryMarshal.TryGetArray(header, out var array) ? array : new ArraySegment<byte>(header.ToArray());
        HeaderList headers;
        try
        {
            using var stream = new MemoryStream(segment.Array!, segment.Offset, segment.Count, writable: false);
            headers = HeaderList.Load(ParserOptions.Default, stream);
        }
        catch (FormatException)
        {
            headers = new HeaderList();
        }

        var output = new ArrayBufferWriter<byte>(header.Length + 2);
        foreach (var field in headers)
        {
            var named = names.Any(name => name.Equals(field.Field, StringComparison.OrdinalIgnoreCase));
            if (named == exclude)
            {
                continue;
            }

            // RawField keeps any space before the colon; RawValue keeps the folding and the line end.
            output.Write(field.RawField);
            output.Write(":"u8);
            output.Write(field.RawValue);
            if (field.RawValue.Length == 0 || field.RawValue[^1] != (byte)'\n')
            {
                output.Write("\r\n"u8);
            }
        }

        output.Write("\r\n"u8);
        return output.WrittenMemory;
    }
}
