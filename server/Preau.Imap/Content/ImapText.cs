using System.Buffers;
using System.Globalization;
using System.Text;

namespace Preau.Imap.Content;

/// <summary>
/// Renders IMAP strings (RFC 3501 §4.3, RFC 9051 §4.3): NIL, quoted strings, literals, nstring and
/// astring. The content renderers (ENVELOPE, BODYSTRUCTURE) write through it; the protocol library's
/// writer may replace it in the session layer, the choice rules stay the same.
/// </summary>
/// <remarks>
/// <code>
/// string  = quoted / literal
/// quoted  = DQUOTE *QUOTED-CHAR DQUOTE     ; TEXT-CHAR: no CR, LF, NUL; UTF-8 only in IMAP4rev2
/// literal = "{" number "}" CRLF *CHAR8     ; the count is in octets, not characters
/// nstring = string / nil
/// astring = 1*ASTRING-CHAR / string
/// </code>
/// </remarks>
public static class ImapText
{
    /// <summary>Longest value sent quoted; longer ones go as literals, which clients read without unescaping.</summary>
    public const int MaxQuotedLength = 1024;

    /// <summary>How <paramref name="value"/> must be sent as an IMAP string.</summary>
    /// <param name="value">The value.</param>
    /// <param name="utf8">Whether UTF-8 may appear in quoted strings (IMAP4rev2 or UTF8=ACCEPT).</param>
    public static ImapStringForm Classify(string value, bool utf8 = false)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (value.Length > MaxQuotedLength)
        {
            return ImapStringForm.Literal;
        }

        foreach (var c in value)
        {
            // CR and LF cannot be quoted at all; NUL is not even a CHAR8, but a counted literal is the only
            // form a client can still read past it. 8-bit needs UTF8=ACCEPT or IMAP4rev2 to be quoted.
            if (c is '\r' or '\n' or '\0' || (c > 0x7f && !utf8))
            {
                return ImapStringForm.Literal;
            }
        }

        return ImapStringForm.Quoted;
    }

    /// <summary>Appends <c>NIL</c>.</summary>
    /// <param name="builder">The output.</param>
    public static void AppendNil(StringBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Append("NIL");
    }

    /// <summary>Appends a string, quoted when it can be, as a literal otherwise.</summary>
    /// <param name="builder">The output.</param>
    /// <param name="value">The value.</param>
    /// <param name="utf8">Whether UTF-8 may appear in quoted strings.</param>
    public static void AppendString(StringBuilder builder, string value, bool utf8 = false)
    {
        if (Classify(value, utf8) == ImapStringForm.Literal)
        {
            AppendLiteral(builder, value);
        }
        else
        {
            AppendQuoted(builder, value);
        }
    }

    /// <summary>Appends a string, or <c>NIL</c> when <paramref name="value"/> is null.</summary>
    /// <param name="builder">The output.</param>
    /// <param name="value">The value, null for NIL.</param>
    /// <param name="utf8">Whether UTF-8 may appear in quoted strings.</param>
    public static void AppendNString(StringBuilder builder, string? value, bool utf8 = false)
    {
        if (value is null)
        {
            AppendNil(builder);
        }
        else
        {
            AppendString(builder, value, utf8);
        }
    }

    /// <summary>Appends an astring: a bare atom when every character allows it, a string otherwise.</summary>
    /// <param name="builder">The output.</param>
    /// <param name="value">The value.</param>
    /// <param name="utf8">Whether UTF-8 may appear in quoted strings.</param>
    public static void AppendAString(StringBuilder builder, string value, bool utf8 = false)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(value);

        // "NIL" as an atom would read back as nil where a string is expected: quote it.
        if (value.Length > 0 && value.Length <= MaxQuotedLength && value.All(IsAStringChar)
            && !value.Equals("NIL", StringComparison.OrdinalIgnoreCase))
        {
            builder.Append(value);
        }
        else
        {
            AppendString(builder, value, utf8);
        }
    }

    /// <summary>Appends a quoted string, escaping <c>\</c> and <c>"</c>; the caller has checked <see cref="Classify"/>.</summary>
    /// <param name="builder">The output.</param>
    /// <param name="value">The value.</param>
    public static void AppendQuoted(StringBuilder builder, string value)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(value);
        builder.Append('"');
        foreach (var c in value)
        {
            if (c is '"' or '\\')
            {
                builder.Append('\\');
            }

            builder.Append(c);
        }

        builder.Append('"');
    }

    /// <summary>Appends <c>{n}CRLF</c> and the value, n being its length in UTF-8 octets.</summary>
    /// <param name="builder">The output, later sent as UTF-8.</param>
    /// <param name="value">The value.</param>
    public static void AppendLiteral(StringBuilder builder, string value)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(value);
        builder.Append('{').Append(Encoding.UTF8.GetByteCount(value).ToString(CultureInfo.InvariantCulture)).Append("}\r\n");
        builder.Append(value);
    }

    /// <summary>Writes text already rendered by the <c>Append…</c> methods as UTF-8, the encoding literal counts assume.</summary>
    /// <param name="writer">The output.</param>
    /// <param name="rendered">The rendered text.</param>
    public static void Write(IBufferWriter<byte> writer, string rendered)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(rendered);
        Encoding.UTF8.GetBytes(rendered, writer);
    }

    /// <summary>Writes an nstring as UTF-8.</summary>
    /// <param name="writer">The output.</param>
    /// <param name="value">The value, null for NIL.</param>
    /// <param name="utf8">Whether UTF-8 may appear in quoted strings.</param>
    public static void WriteNString(IBufferWriter<byte> writer, string? value, bool utf8 = false)
    {
        var builder = new StringBuilder();
        AppendNString(builder, value, utf8);
        Write(writer, builder.ToString());
    }

    /// <summary>Writes raw octets as a literal, as FETCH BODY[...] sends message sections.</summary>
    /// <param name="writer">The output.</param>
    /// <param name="data">The octets, sent unchanged.</param>
    public static void WriteLiteral(IBufferWriter<byte> writer, ReadOnlySpan<byte> data)
    {
        ArgumentNullException.ThrowIfNull(writer);
        Write(writer, "{" + data.Length.ToString(CultureInfo.InvariantCulture) + "}\r\n");
        writer.Write(data);
    }

    /// <summary>ASTRING-CHAR: ATOM-CHAR or "]" (RFC 9051 §9): no specials, controls, spaces or 8-bit.</summary>
    private static bool IsAStringChar(char c) =>
        c > 0x20 && c < 0x7f && c is not ('(' or ')' or '{' or '%' or '*' or '"' or '\\');
}

/// <summary>How a value is sent as an IMAP string.</summary>
public enum ImapStringForm
{
    /// <summary>Between double quotes, with <c>\</c> and <c>"</c> escaped.</summary>
    Quoted,

    /// <summary>As a counted literal, <c>{n}CRLF</c> then the octets.</summary>
    Literal,
}
