namespace Preau.Imap.Protocol;

/// <summary>One command fails (tagged NO or BAD); the session carries on with the next command.</summary>
/// <remarks>Thrown by the command parsers, and usable by command handlers for their own refusals.</remarks>
public sealed class ImapCommandException : Exception
{
    /// <summary>Creates the exception from the error to answer with.</summary>
    /// <param name="error">A <see cref="ImapErrorKind.Bad"/> or <see cref="ImapErrorKind.No"/> error.</param>
    public ImapCommandException(ImapError error)
        : base(error?.Message)
    {
        ArgumentNullException.ThrowIfNull(error);
        Error = error;
    }

    /// <summary>The answer to send.</summary>
    public ImapError Error { get; }
}
