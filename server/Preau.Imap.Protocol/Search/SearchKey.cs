using Preau.Imap.Protocol.Syntax;

namespace Preau.Imap.Protocol.Search;

/// <summary>A node of a search program. The parser normalizes RFC 3501's many keys into these few
/// (UNSEEN is <c>Not(Flag(\Seen))</c>, FROM is <c>Header("From", …)</c>, NEW is
/// <c>And(Flag(\Recent), Not(Flag(\Seen)))</c>…), so a handler has fewer cases to evaluate.</summary>
public abstract record SearchKey;

/// <summary><c>ALL</c>: every message.</summary>
public sealed record AllKey : SearchKey
{
    /// <summary>The one instance.</summary>
    public static AllKey Instance { get; } = new();
}

/// <summary>All of the keys match: the top-level key list and parenthesized groups.</summary>
/// <param name="Keys">Two or more keys.</param>
public sealed record AndKey(IReadOnlyList<SearchKey> Keys) : SearchKey
{
    /// <inheritdoc />
    public bool Equals(AndKey? other) => other is not null && Keys.SequenceEqual(other.Keys);

    /// <inheritdoc />
    public override int GetHashCode() => Keys.Count;
}

/// <summary><c>OR key1 key2</c>.</summary>
/// <param name="Left">The first key.</param>
/// <param name="Right">The second key.</param>
public sealed record OrKey(SearchKey Left, SearchKey Right) : SearchKey;

/// <summary><c>NOT key</c>, and the UN… keys.</summary>
/// <param name="Key">The negated key.</param>
public sealed record NotKey(SearchKey Key) : SearchKey;

/// <summary>The message has a flag: ANSWERED, DELETED, DRAFT, FLAGGED, RECENT, SEEN, KEYWORD.</summary>
/// <param name="Flag">A system flag in canonical case (<see cref="ImapFlags"/>) or a keyword as sent.</param>
public sealed record FlagKey(string Flag) : SearchKey;

/// <summary>A header field contains a string: BCC, CC, FROM, SUBJECT, TO, HEADER.</summary>
/// <param name="Field">The field name: <c>Bcc</c>, <c>Cc</c>, <c>From</c>, <c>Subject</c>, <c>To</c>, or as sent for HEADER.</param>
/// <param name="Value">The substring, matched case-insensitively; empty means "the field exists" (RFC 9051 §6.4.4).</param>
public sealed record HeaderKey(string Field, string Value) : SearchKey;

/// <summary><c>BODY string</c>: the body (not the header) contains the string.</summary>
/// <param name="Value">The substring.</param>
public sealed record BodyKey(string Value) : SearchKey;

/// <summary><c>TEXT string</c>: the header or the body contains the string.</summary>
/// <param name="Value">The substring.</param>
public sealed record TextKey(string Value) : SearchKey;

/// <summary>Which date a date key compares.</summary>
public enum DateField
{
    /// <summary>The internal date (BEFORE, ON, SINCE), in the server's time zone.</summary>
    Internal,

    /// <summary>The Date: header (SENTBEFORE, SENTON, SENTSINCE), ignoring time and zone.</summary>
    Sent,
}

/// <summary>How a date key compares.</summary>
public enum DateComparison
{
    /// <summary>Strictly before the day.</summary>
    Before,

    /// <summary>On the day.</summary>
    On,

    /// <summary>On or after the day.</summary>
    Since,
}

/// <summary>BEFORE, ON, SINCE, SENTBEFORE, SENTON, SENTSINCE.</summary>
/// <param name="Field">Internal or sent date.</param>
/// <param name="Comparison">Before, on or since.</param>
/// <param name="Date">The day.</param>
public sealed record DateKey(DateField Field, DateComparison Comparison, DateOnly Date) : SearchKey;

/// <summary><c>LARGER n</c> (Larger true) or <c>SMALLER n</c>: RFC822.SIZE strictly above or below.</summary>
/// <param name="Larger">True for LARGER.</param>
/// <param name="Size">The size in octets.</param>
public sealed record SizeKey(bool Larger, ulong Size) : SearchKey;

/// <summary>A bare sequence set: messages by sequence number (or <c>$</c>, RFC 5182).</summary>
/// <param name="Set">The set.</param>
public sealed record SequenceKey(SequenceSet Set) : SearchKey;

/// <summary><c>UID set</c>: messages by UID (or <c>UID $</c>).</summary>
/// <param name="Set">The UID set.</param>
public sealed record UidKey(SequenceSet Set) : SearchKey;

/// <summary><c>MODSEQ ["entry" type] n</c>: mod-sequence at least n (RFC 7162 §3.1.5).</summary>
/// <param name="ModSeq">The mod-sequence.</param>
/// <param name="EntryName">The metadata item, e.g. <c>/flags/\draft</c>, or null.</param>
/// <param name="EntryType"><c>priv</c>, <c>shared</c> or <c>all</c>, or null.</param>
public sealed record ModSeqKey(ulong ModSeq, string? EntryName, string? EntryType) : SearchKey;

/// <summary><c>OLDER n</c> / <c>YOUNGER n</c>: internal date more / less than n seconds ago (WITHIN, RFC 5032).</summary>
/// <param name="Younger">True for YOUNGER.</param>
/// <param name="Seconds">The interval.</param>
public sealed record AgeKey(bool Younger, uint Seconds) : SearchKey;
