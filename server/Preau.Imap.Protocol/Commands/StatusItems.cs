namespace Preau.Imap.Protocol.Commands;

/// <summary>What STATUS (or LIST … RETURN (STATUS (…))) asks about a mailbox.</summary>
/// <remarks>The handler answers in this enum's order, which is the order of RFC 9051 §7.3.4.</remarks>
[Flags]
public enum StatusItems
{
    /// <summary>Nothing.</summary>
    None = 0,

    /// <summary><c>MESSAGES</c>: number of messages.</summary>
    Messages = 1,

    /// <summary><c>RECENT</c>: messages with \Recent (IMAP4rev1 only).</summary>
    Recent = 2,

    /// <summary><c>UIDNEXT</c>.</summary>
    UidNext = 4,

    /// <summary><c>UIDVALIDITY</c>.</summary>
    UidValidity = 8,

    /// <summary><c>UNSEEN</c>: messages without \Seen.</summary>
    Unseen = 16,

    /// <summary><c>DELETED</c>: messages with \Deleted (RFC 9051).</summary>
    Deleted = 32,

    /// <summary><c>SIZE</c>: total size in octets (RFC 9051).</summary>
    Size = 64,

    /// <summary><c>HIGHESTMODSEQ</c> (RFC 7162).</summary>
    HighestModSeq = 128,

    /// <summary><c>APPENDLIMIT</c> (RFC 7889).</summary>
    AppendLimit = 256,
}
