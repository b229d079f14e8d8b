namespace Preau.Imap.Protocol.Reading;

/// <summary>Reads a quoted string inside a line.</summary>
/// <remarks>
/// <code>
/// quoted      = DQUOTE *QUOTED-CHAR DQUOTE
/// QUOTED-CHAR = &lt;any TEXT-CHAR except quoted-specials&gt; / "\" quoted-specials / UTF8-2 / UTF8-3 / UTF8-4
/// </code>
/// 8-bit octets are accepted whatever they are (UTF-8 under UTF8=ACCEPT, a SEARCH CHARSET's
/// encoding otherwise): the parser that uses the string decides how to read them.
/// </remarks>
internal static class QuotedString
{
    /// <summary>Reads from the opening quote at <paramref name="pos"/>; on success <paramref name="pos"/>
    /// is just past the closing quote and the token holds the unescaped bytes.</summary>
    public static bool TryRead(ReadOnlyMemory<byte> memory, ref int pos, out ImapToken token, out string error)
    {
        var line = memory.Span;
        token = null!;
        error = "";
        var start = ++pos;
        byte[]? unescaped = null;
        var length = 0;
        for (; pos < line.Length; pos++)
        {
            var b = line[pos];
            if (b == '"')
            {
                token = ImapToken.Quoted(unescaped is null ? memory[start..pos] : unescaped.AsMemory(0, length));
                pos++;
                return true;
            }

            if (b is 0 or (byte)'\r')
            {
                error = "NUL and CR are not allowed in a quoted string";
                return false;
            }

            if (b == '\\')
            {
                // Only "\"" and "\\" are escapes (quoted-specials); anything else is a syntax error.
                if (pos + 1 >= line.Length || line[pos + 1] is not ((byte)'"' or (byte)'\\'))
                {
                    error = "Invalid escape in quoted string";
                    return false;
                }

                if (unescaped is null)
                {
                    unescaped = new byte[line.Length - start];
                    line[start..pos].CopyTo(unescaped);
                    length = pos - start;
                }

                unescaped[length++] = line[++pos];
                continue;
            }

            if (unescaped is not null)
            {
                unescaped[length++] = b;
            }
        }

        error = "Unterminated quoted string";
        return false;
    }
}
