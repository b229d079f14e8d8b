using System.Globalization;

namespace Preau.Imap.Protocol.Fetch;

/// <summary>Which family a sectioned fetch item belongs to.</summary>
public enum FetchSectionKind
{
    /// <summary><c>BODY[…]</c> / <c>BODY.PEEK[…]</c>: the raw octets.</summary>
    Body,

    /// <summary><c>BINARY[…]</c> / <c>BINARY.PEEK[…]</c>: decoded content (RFC 3516).</summary>
    Binary,

    /// <summary><c>BINARY.SIZE[…]</c>: the size of the decoded content (RFC 3516).</summary>
    BinarySize,
}

/// <summary>A partial fetch, <c>&lt;offset.length&gt;</c>.</summary>
/// <param name="Offset">The first octet.</param>
/// <param name="Length">How many octets at most (non-zero).</param>
public readonly record struct FetchPartial(uint Offset, uint Length);

/// <summary>One sectioned fetch item: <c>BODY.PEEK[1.2.MIME]&lt;0.100&gt;</c>, <c>BINARY[2]</c>, <c>BINARY.SIZE[3]</c>.</summary>
/// <param name="Kind">BODY, BINARY or BINARY.SIZE.</param>
/// <param name="Peek">True for the .PEEK forms, which leave \Seen alone.</param>
/// <param name="Section">The section.</param>
/// <param name="Partial">The partial range, or null for all of it.</param>
public sealed record FetchBodySection(FetchSectionKind Kind, bool Peek, BodySection Section, FetchPartial? Partial)
{
    private string? _label;

    /// <summary>True when answering sets \Seen (RFC 9051 §6.4.5): BODY[…] and BINARY[…] without .PEEK.</summary>
    public bool SetsSeen => !Peek && Kind != FetchSectionKind.BinarySize;

    /// <summary>The item's name in the FETCH response, computed once: <c>BODY[1.2]&lt;0&gt;</c> (only the
    /// origin of a partial is echoed), <c>BINARY[2]</c>, <c>BINARY.SIZE[3]</c>. PEEK is not echoed.</summary>
    public string ResponseLabel => _label ??= Kind switch
    {
        FetchSectionKind.Binary => "BINARY[",
        FetchSectionKind.BinarySize => "BINARY.SIZE[",
        _ => "BODY[",
    } + Section + "]" + (Partial is { } p ? "<" + p.Offset.ToString(CultureInfo.InvariantCulture) + ">" : "");
}
