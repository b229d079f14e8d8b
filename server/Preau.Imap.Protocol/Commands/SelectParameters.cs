using Preau.Imap.Protocol.Syntax;

namespace Preau.Imap.Protocol.Commands;

/// <summary>The optional parameters of SELECT and EXAMINE (RFC 4466 select-params).</summary>
/// <param name="CondStore">True for <c>(CONDSTORE)</c> (RFC 7162 §3.1.8), and implied by QRESYNC.</param>
/// <param name="QResync">The QRESYNC data (RFC 7162 §3.2.5), or null.</param>
public sealed record SelectParameters(bool CondStore, QResyncParameters? QResync)
{
    /// <summary>No parameters.</summary>
    public static SelectParameters None { get; } = new(false, null);
}

/// <summary>What a client remembers of a mailbox, so that SELECT can send only what changed (RFC 7162 §3.2.5).</summary>
/// <param name="UidValidity">The UIDVALIDITY the client knows; if it differs, QRESYNC is ignored.</param>
/// <param name="ModSeq">The last mod-sequence the client knows.</param>
/// <param name="KnownUids">The UIDs the client knows (no <c>*</c>), or null for all.</param>
/// <param name="KnownSequenceNumbers">seq-match-data: sequence numbers the client knows, or null.</param>
/// <param name="KnownSequenceUids">seq-match-data: the UIDs of those sequence numbers, or null.</param>
public sealed record QResyncParameters(
    uint UidValidity,
    ulong ModSeq,
    SequenceSet? KnownUids,
    SequenceSet? KnownSequenceNumbers,
    SequenceSet? KnownSequenceUids);
