using System.Text;
using MimeKit;

namespace Preau.Imap.Content;

/// <summary>Header values as the message has them: raw octets, unfolded, never re-encoded.</summary>
internal static class HeaderText
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>
    /// Parser options for address headers: mail from old school software has addresses without domains
    /// and stray commas; a best-effort reading beats NIL.
    /// </summary>
    public static readonly ParserOptions Lenient = CreateLenient();

    /// <summary>Octets as text: UTF-8 when valid (RFC 6532), Latin-1 otherwise (legacy raw 8-bit headers).</summary>
    public static string Decode(ReadOnlySpan<byte> bytes)
    {
        try
        {
            return StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            return Encoding.Latin1.GetString(bytes);
        }
    }

    /// <summary>
    /// Unfolds (RFC 5322 §2.2.3: CRLF before whitespace goes, the whitespace stays) and trims. Stray bare
    /// CR or LF go too, so the value can be sent quoted.
    /// </summary>
    public static string Unfold(string value)
    {
        if (value.Contains('\r') || value.Contains('\n'))
        {
            value = value.Replace("\r", "", StringComparison.Ordinal).Replace("\n", "", StringComparison.Ordinal);
        }

        return value.Trim(' ', '\t');
    }

    /// <summary>The raw value of the first <paramref name="field"/> header, unfolded; null when absent.</summary>
    public static string? Raw(HeaderList headers, string field)
    {
        var header = First(headers, field);
        return header is null ? null : Unfold(Decode(header.RawValue));
    }

    /// <summary>The first header named <paramref name="field"/> (case-insensitive), or null.</summary>
    public static Header? First(HeaderList headers, string field)
    {
        foreach (var header in headers)
        {
            if (header.Field.Equals(field, StringComparison.OrdinalIgnoreCase))
            {
                return header;
            }
        }

        return null;
    }

    /// <summary>The address list of the first <paramref name="field"/> header; null when absent or unreadable.</summary>
    public static InternetAddressList? Addresses(HeaderList headers, string field)
    {
        var header = First(headers, field);
        if (header is null)
        {
            return null;
        }

        return InternetAddressList.TryParse(Lenient, header.RawValue, out var list) ? list : null;
    }

    /// <summary>Whether the text is plain ASCII.</summary>
    public static bool IsAscii(string value) => Ascii.IsValid(value);

    private static ParserOptions CreateLenient()
    {
        var options = ParserOptions.Default.Clone();
        options.AddressParserComplianceMode = RfcComplianceMode.Looser;
        options.AllowAddressesWithoutDomain = true;
        options.AllowUnquotedCommasInAddresses = true;
        return options;
    }
}
