namespace Preau.Imap.Protocol.Fetch;

/// <summary>What a FETCH asks for: simple attributes and sectioned items, in the client's order.</summary>
/// <param name="Attributes">The simple attributes (macros expanded).</param>
/// <param name="Sections">The sectioned items.</param>
public sealed record FetchItems(FetchAttributes Attributes, IReadOnlyList<FetchBodySection> Sections)
{
    /// <summary>True when answering sets \Seen on messages that lack it (RFC 9051 §6.4.5).</summary>
    public bool SetsSeen =>
        (Attributes & (FetchAttributes.Rfc822 | FetchAttributes.Rfc822Text)) != 0 || Sections.Any(s => s.SetsSeen);

    /// <summary>True when <paramref name="attribute"/> is asked.</summary>
    /// <param name="attribute">One attribute.</param>
    public bool Has(FetchAttributes attribute) => (Attributes & attribute) == attribute;
}
