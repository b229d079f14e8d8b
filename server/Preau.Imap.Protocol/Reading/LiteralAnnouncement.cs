using Preau.Imap.Protocol.Syntax;

namespace Preau.Imap.Protocol.Reading;

/// <summary>A literal announced at the end of a line: <c>{n}</c>, <c>{n+}</c>, <c>~{n}</c> or <c>~{n+}</c>.</summary>
/// <remarks>
/// <code>
/// literal  = "{" number64 ["+"] "}" CRLF *CHAR8     ; RFC 9051 §9, RFC 7888 ("+": non-synchronizing)
/// literal8 = "~{" number64 ["+"] "}" CRLF *OCTET    ; RFC 3516, RFC 9051
/// </code>
/// There is no <c>{n-}</c>: LITERAL- uses <c>{n+}</c> and only lowers the size allowed (RFC 7888 §5).
/// </remarks>
internal readonly record struct LiteralAnnouncement(long Size, bool NonSynchronizing, bool Binary)
{
    /// <summary>What the end of a line says about a literal that follows it.</summary>
    public enum Shape
    {
        /// <summary>The line does not end with a literal announcement.</summary>
        None,

        /// <summary>A well-formed announcement.</summary>
        Valid,

        /// <summary>Ends like an announcement (<c>{…}</c>) but is not one: <c>{12x}</c>, <c>{5-}</c>,
        /// a size beyond number64. Whether data follows is unknowable, so the stream cannot be trusted.</summary>
        Malformed,
    }

    /// <summary>The longest announcement: "~{" + 19 digits + "+}".</summary>
    public const int MaxLength = 24;

    /// <summary>Looks at the end of a line (CRLF removed) for a literal announcement.</summary>
    public static Shape FindTrailing(ReadOnlySpan<byte> line, out LiteralAnnouncement literal, out int start)
    {
        literal = default;
        start = -1;
        if (line.IsEmpty || line[^1] != '}')
        {
            return Shape.None;
        }

        var open = line.LastIndexOf((byte)'{');
        if (open < 0)
        {
            return Shape.None;
        }

        var binary = open > 0 && line[open - 1] == '~';
        start = binary ? open - 1 : open;
        var inside = line[(open + 1)..^1];
        var nonSync = !inside.IsEmpty && inside[^1] == '+';
        if (nonSync)
        {
            inside = inside[..^1];
        }

        if (!ImapNumber.TryParse64(inside, out var size))
        {
            return Shape.Malformed;
        }

        literal = new LiteralAnnouncement((long)size, nonSync, binary);
        return Shape.Valid;
    }
}
