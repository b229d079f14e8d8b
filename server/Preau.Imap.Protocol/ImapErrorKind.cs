namespace Preau.Imap.Protocol;

/// <summary>How bad a protocol error is: which answer it gets and whether the connection survives.</summary>
public enum ImapErrorKind
{
    /// <summary>The command is malformed: tagged <c>BAD</c>, the connection stays open.</summary>
    Bad,

    /// <summary>The command is well formed but refused (e.g. a literal over the limit): tagged <c>NO</c>, the connection stays open.</summary>
    No,

    /// <summary>The byte stream can no longer be trusted (e.g. an oversized non-synchronizing literal):
    /// untagged <c>BYE</c>, then the connection is closed.</summary>
    Fatal,
}
