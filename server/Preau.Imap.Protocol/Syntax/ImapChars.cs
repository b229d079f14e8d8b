namespace Preau.Imap.Protocol.Syntax;

/// <summary>Character classes of the formal syntax (RFC 3501 §9, RFC 9051 §9).</summary>
internal static class ImapChars
{
    /// <summary>
    /// ATOM-CHAR: any CHAR except atom-specials, where
    /// atom-specials = "(" / ")" / "{" / SP / CTL / list-wildcards / quoted-specials / resp-specials.
    /// </summary>
    public static bool IsAtomChar(int c) =>
        c > 0x20 && c < 0x7F && c is not ('(' or ')' or '{' or '%' or '*' or '"' or '\\' or ']');

    /// <summary>ASTRING-CHAR = ATOM-CHAR / resp-specials.</summary>
    public static bool IsAStringChar(int c) => IsAtomChar(c) || c == ']';

    /// <summary>list-char = ATOM-CHAR / list-wildcards / resp-specials.</summary>
    public static bool IsListChar(int c) => IsAtomChar(c) || c is '%' or '*' or ']';

    /// <summary>tag = 1*&lt;any ASTRING-CHAR except "+"&gt;.</summary>
    public static bool IsTagChar(int c) => IsAStringChar(c) && c != '+';

    /// <summary>
    /// What the reader accepts inside an atom token. Wider than ATOM-CHAR on purpose: flags
    /// (<c>\Seen</c>), sequence sets (<c>1:*</c>), list patterns (<c>%</c>) and fetch sections
    /// (<c>BODY[1]&lt;0.10&gt;</c>) are all atom-like; each parser then checks its own grammar.
    /// </summary>
    public static bool IsTokenChar(int c) => c > 0x20 && c < 0x7F && c is not ('(' or ')' or '"' or '{');

    /// <summary>True when <paramref name="value"/> is a non-empty atom.</summary>
    public static bool IsAtom(ReadOnlySpan<char> value)
    {
        if (value.IsEmpty)
        {
            return false;
        }

        foreach (var c in value)
        {
            if (!IsAtomChar(c))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>True when <paramref name="value"/> can be sent as an atom in an astring position.</summary>
    public static bool IsAStringAtom(ReadOnlySpan<char> value)
    {
        if (value.IsEmpty)
        {
            return false;
        }

        foreach (var c in value)
        {
            if (!IsAStringChar(c))
            {
                return false;
            }
        }

        return true;
    }
}
