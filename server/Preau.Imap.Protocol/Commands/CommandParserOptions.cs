namespace Preau.Imap.Protocol.Commands;

/// <summary>Session state that changes how arguments read.</summary>
public sealed record CommandParserOptions
{
    /// <summary>Before any ENABLE.</summary>
    public static CommandParserOptions Default { get; } = new();

    /// <summary>True once the client has enabled <c>UTF8=ACCEPT</c> (RFC 6855): mailbox names are UTF-8,
    /// not modified UTF-7, strings are UTF-8, and SEARCH may not name a CHARSET (RFC 6855 §3, erratum
    /// 4029: BAD); SORT and THREAD, whose charset is mandatory, take only UTF-8 (or its subset US-ASCII).</summary>
    public bool Utf8Accept { get; init; }

    /// <summary>True once the client has enabled <c>IMAP4rev2</c> (RFC 9051 §5.1): mailbox names are
    /// UTF-8; SEARCH keeps its CHARSET (RFC 9051 §6.4.4).</summary>
    public bool Imap4Rev2 { get; init; }

    /// <summary>Mailbox names are read as UTF-8 (either of the above).</summary>
    public bool Utf8MailboxNames => Utf8Accept || Imap4Rev2;
}
