namespace Preau.Imap.Protocol.Commands;

/// <summary>LIST selection options: which mailboxes are listed (RFC 5258 §3.1, RFC 6154 §5.3).</summary>
[Flags]
public enum ListSelectionOptions
{
    /// <summary>Plain LIST.</summary>
    None = 0,

    /// <summary><c>SUBSCRIBED</c>: subscribed mailboxes, existing or not.</summary>
    Subscribed = 1,

    /// <summary><c>REMOTE</c>: include remote mailboxes (none here).</summary>
    Remote = 2,

    /// <summary><c>RECURSIVEMATCH</c>: also parents of matching children, with CHILDINFO.</summary>
    RecursiveMatch = 4,

    /// <summary><c>SPECIAL-USE</c>: only mailboxes with a special-use attribute.</summary>
    SpecialUse = 8,
}

/// <summary>LIST return options: what each listed mailbox carries (RFC 5258 §3.2, RFC 5819, RFC 6154).</summary>
/// <param name="Subscribed">RETURN (SUBSCRIBED): mark subscribed mailboxes <c>\Subscribed</c>.</param>
/// <param name="Children">RETURN (CHILDREN): <c>\HasChildren</c> / <c>\HasNoChildren</c>.</param>
/// <param name="SpecialUse">RETURN (SPECIAL-USE): special-use attributes.</param>
/// <param name="Status">RETURN (STATUS (…)) (LIST-STATUS, RFC 5819): a STATUS response per
/// selectable mailbox; <see cref="StatusItems.None"/> when not asked.</param>
public sealed record ListReturnOptions(bool Subscribed, bool Children, bool SpecialUse, StatusItems Status)
{
    /// <summary>No return options.</summary>
    public static ListReturnOptions None { get; } = new(false, false, false, StatusItems.None);
}
