namespace Preau.Imap.Session;

/// <summary>The connection states of RFC 9051 §3.</summary>
public enum SessionState
{
    /// <summary>Before LOGIN/AUTHENTICATE.</summary>
    NotAuthenticated,

    /// <summary>Logged in, no mailbox selected.</summary>
    Authenticated,

    /// <summary>A mailbox is selected.</summary>
    Selected,

    /// <summary>LOGOUT answered or the connection is closing.</summary>
    Logout,
}
