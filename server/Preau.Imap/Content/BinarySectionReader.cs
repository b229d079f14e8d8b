using MimeKit;
using MimeKit.Encodings;

namespace Preau.Imap.Content;

/// <summary>What FETCH BINARY[part] (RFC 3516 §4.2, RFC 9051 §6.4.5) answers for one section.</summary>
/// <param name="Data">The decoded octets; null when the message has no such part.</param>
/// <param name="UnknownCte">The part's Content-Transfer-Encoding cannot be decoded: the FETCH must fail
/// with <c>NO [UNKNOWN-CTE]</c>.</param>
/// <param name="HasNul">The octets hold NUL: they can only be sent as a literal8 (<c>~{n}</c>).</param>
public readonly record struct BinaryContent(ReadOnlyMemory<byte>? Data, bool UnknownCte, bool HasNul);

/// <summary>
/// BINARY[section]: a part's content with its Content-Transfer-Encoding removed (base64, quoted-printable,
/// uuencode through MimeKit's decoders; 7bit, 8bit and binary are already their content).
/// </summary>
/// <remarks>
/// <para>Only leaf parts are decoded. <c>BINARY[]</c> (the whole message), a multipart and a
/// message/rfc822 part have no encoding of their own to remove (RFC 2045 §6.4 allows them only the
/// identity ones), so they are their raw octets, as <c>BODY[…]</c> gives them; Dovecot answers the same.</para>
/// <para>Decoded text/* parts get CRLF line ends whatever the encoded octets held (RFC 3516 §4.3: "servers
/// MUST ensure that textual line-oriented sections are always transmitted using the IMAP4 CRLF").</para>
/// </remarks>
public static class BinarySectionReader
{
    /// <summary>The decoded content of the part at <paramref name="part"/> (empty: the whole message).</summary>
    /// <param name="message">The parsed message.</param>
    /// <param name="part">Part numbers, outermost first.</param>
    public static BinaryContent Read(ParsedMessage message, IReadOnlyList<int> part)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(part);
        if (part.Count == 0)
        {
            return Found(message.Raw);
        }

        var node = SectionReader.Resolve(message.Root, part);
        if (node is null)
        {
            return new BinaryContent(null, false, false);
        }

        var encoded = node.Body.Slice(message.Raw);
        if (node.Entity is Multipart || node.Message is not null)
        {
            return Found(encoded);
        }

        if (!TryDecoderFor(node.Entity, out var decoder))
        {
            return new BinaryContent(null, UnknownCte: true, false);
        }

        var decoded = decoder is null ? encoded : Decode(decoder, encoded);
        if (node.Entity.ContentType.MediaType.Equals("text", StringComparison.OrdinalIgnoreCase))
        {
            decoded = WithCrLf(decoded);
        }

        return Found(decoded);
    }

    /// <summary>The decoder for the entity's Content-Transfer-Encoding: null for the identity encodings
    /// (and when none is given, RFC 2045 §6.1's 7bit); false when the encoding is unknown.</summary>
    private static bool TryDecoderFor(MimeEntity entity, out IMimeDecoder? decoder)
    {
        decoder = null;
        var value = entity.Headers[HeaderId.ContentTransferEncoding];
        if (value is null)
        {
            return true;
        }

        // The mechanism is a token, case-insensitive (RFC 2045 §6.1); a trailing comment is tolerated.
        var token = value.Trim();
        var end = token.IndexOfAny([' ', '\t', '(', ';']);
        token = (end < 0 ? token : token[..end]).ToLowerInvariant();
        switch (token)
        {
            case "" or "7bit" or "8bit" or "binary":
                return true;
            case "base64":
                decoder = new Base64Decoder();
                return true;
            case "quoted-printable":
                decoder = new QuotedPrintableDecoder();
                return true;
            case "x-uuencode" or "uuencode" or "x-uue":
                decoder = new UUDecoder();
                return true;
            default:
                return false;
        }
    }

    private static ReadOnlyMemory<byte> Decode(IMimeDecoder decoder, ReadOnlyMemory<byte> encoded)
    {
        var input = encoded.ToArray();
        var output = new byte[decoder.EstimateOutputLength(input.Length)];
        var length = decoder.Decode(input, 0, input.Length, output);
        return output.AsMemory(0, length);
    }

    /// <summary>Bare LF becomes CRLF; a CR not followed by LF gets one.</summary>
    private static ReadOnlyMemory<byte> WithCrLf(ReadOnlyMemory<byte> data)
    {
        var span = data.Span;
        var extra = 0;
        for (var i = 0; i < span.Length; i++)
        {
            if ((span[i] == '\n' && (i == 0 || span[i - 1] != '\r')) || (span[i] == '\r' && (i + 1 == span.Length || span[i + 1] != '\n')))
            {
                extra++;
            }
        }

        if (extra == 0)
        {
            return data;
        }

        var output = new byte[span.Length + extra];
        var n = 0;
        for (var i = 0; i < span.Length; i++)
        {
            var b = span[i];
            if (b == '\n' && (i == 0 || span[i - 1] != '\r'))
            {
                output[n++] = (byte)'\r';
                output[n++] = (byte)'\n';
            }
            else if (b == '\r' && (i + 1 == span.Length || span[i + 1] != '\n'))
            {
                output[n++] = (byte)'\r';
                output[n++] = (byte)'\n';
            }
            else
            {
                output[n++] = b;
            }
        }

        return output;
    }

    private static BinaryContent Found(ReadOnlyMemory<byte> data) => new(data, false, data.Span.IndexOf((byte)0) >= 0);
}
