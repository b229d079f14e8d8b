namespace Preau.Imap.Protocol.Commands;

/// <summary>Session state that changes how arguments read.</summary>
public sealed record CommandParserOptions
{
    /// <summary>Before any ENABLE.</summary>
    public static CommandParserOptions Default { get; } = new();

    /// <summary>True once the client has enabled <c>UTF8=ACCEPT</c> (RFC 6855, or IMAP4rev2): mailbox
    /// names are UTF-8, not modified UTF-7, and SEARCH strings are UTF-8.</summary>
    public bool Utf8Accept { get; init; }
}
