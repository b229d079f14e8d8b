namespace Preau.Imap.Protocol.Reading;

/// <summary>What an argument token is, as the reader saw it on the wire.</summary>
public enum ImapTokenKind
{
    /// <summary>A bare word: keywords, numbers, sequence sets, flags, NIL, unquoted mailbox names,
    /// fetch sections like <c>BODY[1]&lt;0.10&gt;</c>.</summary>
    Atom,

    /// <summary>A quoted string, escapes removed.</summary>
    Quoted,

    /// <summary>A literal, <c>{n}</c>, <c>{n+}</c> or <c>~{n}</c> (literal8), with its bytes.</summary>
    Literal,

    /// <summary>A parenthesized list of tokens.</summary>
    List,
}
