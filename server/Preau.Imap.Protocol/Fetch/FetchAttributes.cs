namespace Preau.Imap.Protocol.Fetch;

/// <summary>The fetch items that take no section (RFC 9051 §6.4.5).</summary>
[Flags]
public enum FetchAttributes
{
    /// <summary>None.</summary>
    None = 0,

    /// <summary><c>FLAGS</c>.</summary>
    Flags = 1,

    /// <summary><c>UID</c> (always answered to UID FETCH, asked or not).</summary>
    Uid = 2,

    /// <summary><c>INTERNALDATE</c>.</summary>
    InternalDate = 4,

    /// <summary><c>RFC822.SIZE</c>.</summary>
    Rfc822Size = 8,

    /// <summary><c>ENVELOPE</c>.</summary>
    Envelope = 16,

    /// <summary><c>BODY</c> without a section: the non-extensible body structure.</summary>
    Body = 32,

    /// <summary><c>BODYSTRUCTURE</c>.</summary>
    BodyStructure = 64,

    /// <summary><c>RFC822</c>: like BODY[] (sets \Seen), answered as RFC822 (IMAP4rev1 only).</summary>
    Rfc822 = 128,

    /// <summary><c>RFC822.HEADER</c>: like BODY.PEEK[HEADER], answered as RFC822.HEADER.</summary>
    Rfc822Header = 256,

    /// <summary><c>RFC822.TEXT</c>: like BODY[TEXT] (sets \Seen), answered as RFC822.TEXT.</summary>
    Rfc822Text = 512,

    /// <summary><c>MODSEQ</c> (RFC 7162).</summary>
    ModSeq = 1024,

    /// <summary>The <c>FAST</c> macro: FLAGS INTERNALDATE RFC822.SIZE.</summary>
    Fast = Flags | InternalDate | Rfc822Size,

    /// <summary>The <c>ALL</c> macro: FAST plus ENVELOPE.</summary>
    All = Fast | Envelope,

    /// <summary>The <c>FULL</c> macro: ALL plus BODY.</summary>
    Full = All | Body,
}
