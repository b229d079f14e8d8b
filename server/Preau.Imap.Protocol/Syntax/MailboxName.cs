using System.Diagnostics.CodeAnalysis;
using System.Text;

namespace Preau.Imap.Protocol.Syntax;

/// <summary>Mailbox names on the wire: modified UTF-7 (RFC 3501 §5.1.3), or UTF-8 once the client has
/// enabled <c>UTF8=ACCEPT</c> (RFC 6855 §3, RFC 9051 §5.1).</summary>
/// <remarks>
/// Modified UTF-7: printable US-ASCII except "&amp;" stands for itself; "&amp;" is written "&amp;-";
/// every other run of characters is UTF-16BE in modified BASE64 (RFC 2152 alphabet with "," for "/",
/// no padding) between "&amp;" and "-". Example: "Envoyés" is <c>Envoy&amp;AOk-s</c>.
/// Decoding is strict, as the RFC asks: an encoded printable character, a null shift
/// (<c>-&amp;</c> between two encoded runs), bad padding bits or raw 8-bit bytes make the name invalid.
/// </remarks>
public static class MailboxName
{
    /// <summary>The one mailbox name that is case-insensitive (RFC 9051 §5.1).</summary>
    public const string Inbox = "INBOX";

    private static readonly Encoding Utf16 = new UnicodeEncoding(bigEndian: true, byteOrderMark: false, throwOnInvalidBytes: true);

    /// <summary>Encodes a name to modified UTF-7.</summary>
    /// <param name="name">The name as a .NET string, e.g. <c>Indésirables</c>.</param>
    /// <returns>The wire form, e.g. <c>Ind&amp;AOk-sirables</c>.</returns>
    public static string Encode(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var result = new StringBuilder(name.Length + 8);
        for (var i = 0; i < name.Length;)
        {
            var c = name[i];
            if (IsDirect(c))
            {
                result.Append(c == '&' ? "&-" : c);
                i++;
                continue;
            }

            var end = i;
            while (end < name.Length && !IsDirect(name[end]))
            {
                end++;
            }

            var base64 = Convert.ToBase64String(Utf16.GetBytes(name, i, end - i)).TrimEnd('=').Replace('/', ',');
            result.Append('&').Append(base64).Append('-');
            i = end;
        }

        return result.ToString();
    }

    /// <summary>Decodes a modified UTF-7 name.</summary>
    /// <param name="encoded">The wire form.</param>
    /// <exception cref="FormatException">The name is not valid modified UTF-7.</exception>
    public static string Decode(string encoded) =>
        TryDecode(encoded, out var name) ? name : throw new FormatException($"'{encoded}' is not valid modified UTF-7");

    /// <summary>Decodes a modified UTF-7 name.</summary>
    /// <param name="encoded">The wire form.</param>
    /// <param name="name">The decoded name.</param>
    /// <returns>False when <paramref name="encoded"/> is not valid modified UTF-7.</returns>
    public static bool TryDecode(string encoded, [NotNullWhen(true)] out string? name)
    {
        ArgumentNullException.ThrowIfNull(encoded);
        name = null;
        var result = new StringBuilder(encoded.Length);
        var afterEncodedRun = false;
        for (var i = 0; i < encoded.Length;)
        {
            var c = encoded[i];
            if (c != '&')
            {
                if (c is < ' ' or > '~')
                {
                    return false;
                }

                result.Append(c);
                afterEncodedRun = false;
                i++;
                continue;
            }

            var end = encoded.IndexOf('-', i + 1);
            if (end < 0)
            {
                return false;
            }

            if (end == i + 1)
            {
                result.Append('&');
                afterEncodedRun = false;
            }
            else if (afterEncodedRun || !TryDecodeRun(encoded.AsSpan(i + 1, end - i - 1), result))
            {
                // "-&" straight after an encoded run is a null shift, which RFC 3501 §5.1.3 forbids.
                return false;
            }
            else
            {
                afterEncodedRun = true;
            }

            i = end + 1;
        }

        name = result.ToString();
        return true;
    }

    /// <summary>Reads a name received from the client.</summary>
    /// <param name="wire">The astring as received.</param>
    /// <param name="utf8">True once <c>UTF8=ACCEPT</c> is enabled: the name is already UTF-8.</param>
    /// <param name="name">The name, with any case of <c>INBOX</c> made <c>INBOX</c>.</param>
    /// <returns>False when the name is not valid modified UTF-7.</returns>
    public static bool TryFromWire(string wire, bool utf8, [NotNullWhen(true)] out string? name)
    {
        name = null;
        if (utf8)
        {
            name = Normalize(wire);
            return true;
        }

        if (!TryDecode(wire, out var decoded))
        {
            return false;
        }

        name = Normalize(decoded);
        return true;
    }

    /// <summary>The wire form of a name: modified UTF-7, or the name itself once <c>UTF8=ACCEPT</c> is enabled.</summary>
    /// <param name="name">The .NET name.</param>
    /// <param name="utf8">True once <c>UTF8=ACCEPT</c> is enabled.</param>
    public static string ToWire(string name, bool utf8) => utf8 ? name : Encode(name);

    /// <summary>Makes any case of <c>INBOX</c> read <c>INBOX</c>; other names are case-sensitive.</summary>
    /// <param name="name">A decoded name.</param>
    public static string Normalize(string name) =>
        string.Equals(name, Inbox, StringComparison.OrdinalIgnoreCase) ? Inbox : name;

    // Printable US-ASCII stands for itself (RFC 3501 §5.1.3); "&" too, but escaped as "&-".
    private static bool IsDirect(char c) => c is >= ' ' and <= '~';

    private static bool TryDecodeRun(ReadOnlySpan<char> run, StringBuilder result)
    {
        // A run of n chars carries 6n bits; a remainder of one char cannot hold a whole byte.
        if (run.Length % 4 == 1)
        {
            return false;
        }

        // Heap, not stack: the run's length comes from the client.
        var padded = new char[run.Length + 3];
        var length = 0;
        foreach (var c in run)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c is not ('+' or ','))
            {
                return false;
            }

            padded[length++] = c == ',' ? '/' : c;
        }

        while (length % 4 != 0)
        {
            padded[length++] = '=';
        }

        var bytes = new byte[length];
        if (!Convert.TryFromBase64Chars(padded.AsSpan(0, length), bytes, out var count) || count == 0 || count % 2 != 0)
        {
            return false;
        }

        // Non-zero bits after the last whole UTF-16 unit make the encoding non-canonical: re-encode and compare.
        var canonical = Convert.ToBase64String(bytes, 0, count).TrimEnd('=').Replace('/', ',');
        if (!run.SequenceEqual(canonical))
        {
            return false;
        }

        string text;
        try
        {
            text = Utf16.GetString(bytes, 0, count);
        }
        catch (DecoderFallbackException)
        {
            return false;
        }

        foreach (var c in text)
        {
            if (IsDirect(c))
            {
                // Printable US-ASCII must not be encoded (RFC 3501 §5.1.3).
                return false;
            }
        }

        result.Append(text);
        return true;
    }
}
