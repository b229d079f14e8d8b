namespace Preau.Imap.Protocol.Fetch;

/// <summary>FETCH modifiers (RFC 4466 fetch-modifiers).</summary>
/// <param name="ChangedSince">CHANGEDSINCE (RFC 7162 §3.1.4.1): only messages whose mod-sequence is
/// greater; the answer then includes MODSEQ. Null when absent.</param>
/// <param name="Vanished">VANISHED (RFC 7162 §3.2.6, UID FETCH only, with CHANGEDSINCE): also report
/// expunged UIDs with <c>* VANISHED (EARLIER)</c>.</param>
public sealed record FetchModifiers(ulong? ChangedSince, bool Vanished)
{
    /// <summary>No modifiers.</summary>
    public static FetchModifiers None { get; } = new(null, false);
}
