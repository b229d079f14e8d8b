using System.Buffers.Binary;
using System.Text;
using MimeKit;

namespace Preau.Core.Search;

/// <summary>
/// The searchable text of one message, folded once (<see cref="SearchText.Fold"/>) and kept as UTF-8:
/// the header as one <c>field: value</c> line per field (names lower case, values decoded and unfolded)
/// and the body's text. A folded needle is then found by a plain byte search, which is exact: UTF-8 is
/// self-synchronising, so a byte match of a whole encoded needle is a match of its characters.
/// </summary>
public sealed class FoldedText
{
    private static readonly byte[] Magic = "PST1"u8.ToArray();
    private readonly byte[] _headers;
    private readonly byte[] _body;

    private FoldedText(byte[] headers, byte[] body)
    {
        _headers = headers;
        _body = body;
    }

    /// <summary>The folded header lines.</summary>
    public ReadOnlySpan<byte> Headers => _headers;

    /// <summary>The folded body text.</summary>
    public ReadOnlySpan<byte> Body => _body;

    /// <summary>A needle as the search compares it: folded, UTF-8.</summary>
    /// <param name="value">What the user searches for.</param>
    public static byte[] Needle(string value) => Encoding.UTF8.GetBytes(SearchText.Fold(value));

    /// <summary>Reads a message's text (see <see cref="SearchText"/> for what counts as text).</summary>
    /// <param name="message">The message.</param>
    public static FoldedText From(MimeMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var headers = new StringBuilder();
        foreach (var header in SearchText.AllHeaders(message))
        {
            headers.Append(header.Field).Append(": ").Append(OneLine(header.Value)).Append('\n');
        }

        return new FoldedText(
            Encoding.UTF8.GetBytes(SearchText.Fold(headers.ToString())),
            Encoding.UTF8.GetBytes(SearchText.Fold(SearchText.Body(message))));
    }

    /// <summary>TEXT: in the header or the body.</summary>
    /// <param name="needle">A folded needle (<see cref="Needle"/>).</param>
    public bool InText(ReadOnlySpan<byte> needle) => InHeaders(needle) || InBody(needle);

    /// <summary>BODY: in the body.</summary>
    /// <param name="needle">A folded needle.</param>
    public bool InBody(ReadOnlySpan<byte> needle) => Body.IndexOf(needle) >= 0;

    /// <summary>Anywhere in the header.</summary>
    /// <param name="needle">A folded needle.</param>
    public bool InHeaders(ReadOnlySpan<byte> needle) => Headers.IndexOf(needle) >= 0;

    /// <summary>HEADER field s: a field of that name whose value contains the needle; with an empty
    /// needle, any field of that name.</summary>
    /// <param name="field">The field name, any case.</param>
    /// <param name="needle">A folded needle.</param>
    public bool InField(string field, ReadOnlySpan<byte> needle)
    {
        ArgumentNullException.ThrowIfNull(field);
        Span<byte> prefix = stackalloc byte[Encoding.UTF8.GetMaxByteCount(field.Length) + 2];
        var length = Encoding.UTF8.GetBytes(SearchText.Fold(field), prefix);
        prefix[length++] = (byte)':';
        prefix[length++] = (byte)' ';
        prefix = prefix[..length];
        var rest = Headers;
        while (!rest.IsEmpty)
        {
            var end = rest.IndexOf((byte)'\n');
            var line = end < 0 ? rest : rest[..end];
            if (line.StartsWith(prefix) && (needle.IsEmpty || line[prefix.Length..].IndexOf(needle) >= 0))
            {
                return true;
            }

            rest = end < 0 ? [] : rest[(end + 1)..];
        }

        return false;
    }

    /// <summary>The stored form: a magic, the header length, the header then the body.</summary>
    public byte[] Serialize()
    {
        var bytes = new byte[Magic.Length + 4 + _headers.Length + _body.Length];
        Magic.CopyTo(bytes, 0);
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(Magic.Length), _headers.Length);
        _headers.CopyTo(bytes, Magic.Length + 4);
        _body.CopyTo(bytes, Magic.Length + 4 + _headers.Length);
        return bytes;
    }

    /// <summary>Reads the stored form; false when it is not one (torn write, other format).</summary>
    /// <param name="bytes">What the store returned.</param>
    /// <param name="text">The text.</param>
    public static bool TryDeserialize(ReadOnlySpan<byte> bytes, out FoldedText text)
    {
        text = null!;
        if (bytes.Length < Magic.Length + 4 || !bytes.StartsWith(Magic))
        {
            return false;
        }

        var headerLength = BinaryPrimitives.ReadInt32LittleEndian(bytes[Magic.Length..]);
        var rest = bytes[(Magic.Length + 4)..];
        if (headerLength < 0 || headerLength > rest.Length)
        {
            return false;
        }

        text = new FoldedText(rest[..headerLength].ToArray(), rest[headerLength..].ToArray());
        return true;
    }

    private static string OneLine(string value) =>
        value.Contains('\r') || value.Contains('\n') ? value.Replace("\r", "", StringComparison.Ordinal).Replace("\n", "", StringComparison.Ordinal) : value;
}
