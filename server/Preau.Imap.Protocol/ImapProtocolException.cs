namespace Preau.Imap.Protocol;

/// <summary>The connection cannot go on (the session sends <c>* BYE</c> and closes it).</summary>
public sealed class ImapProtocolException : Exception
{
    /// <summary>Creates the exception with the text for the BYE response.</summary>
    /// <param name="message">ASCII text without CR or LF.</param>
    public ImapProtocolException(string message)
        : base(message)
    {
    }

    /// <summary>The error to answer with (always fatal, untagged).</summary>
    public ImapError Error => new(ImapErrorKind.Fatal, null, Message);
}
