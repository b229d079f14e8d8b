namespace Preau.Imap.Protocol.Writing;

/// <summary>The condition of a status response (RFC 9051 §7.1).</summary>
public enum ImapStatus
{
    /// <summary><c>OK</c>.</summary>
    Ok,

    /// <summary><c>NO</c>: the command failed.</summary>
    No,

    /// <summary><c>BAD</c>: the command was malformed.</summary>
    Bad,

    /// <summary><c>BYE</c>: the server closes the connection (always untagged).</summary>
    Bye,

    /// <summary><c>PREAUTH</c>: greeting of an already authenticated connection (always untagged).</summary>
    Preauth,
}
