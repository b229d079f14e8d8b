namespace Preau.Imap.Protocol.Reading;

/// <summary>The outcome of one read: a command, a literal to acknowledge, an error, or the end.</summary>
public sealed class ImapReadResult
{
    private ImapReadResult(ImapReadStatus status, RawCommand? command, LiteralRequest? literal, ImapError? error)
    {
        Status = status;
        Command = command;
        Literal = literal;
        Error = error;
    }

    /// <summary>The end of the stream.</summary>
    public static ImapReadResult EndOfStream { get; } = new(ImapReadStatus.EndOfStream, null, null, null);

    /// <summary>Which of the properties below is set.</summary>
    public ImapReadStatus Status { get; }

    /// <summary>The command, when <see cref="Status"/> is <see cref="ImapReadStatus.Command"/>.</summary>
    public RawCommand? Command { get; }

    /// <summary>The pending literal, when <see cref="Status"/> is <see cref="ImapReadStatus.ContinuationRequired"/>.</summary>
    public LiteralRequest? Literal { get; }

    /// <summary>The error, when <see cref="Status"/> is <see cref="ImapReadStatus.Error"/>.</summary>
    public ImapError? Error { get; }

    internal static ImapReadResult ForCommand(RawCommand command) => new(ImapReadStatus.Command, command, null, null);

    internal static ImapReadResult ForLiteral(LiteralRequest literal) => new(ImapReadStatus.ContinuationRequired, null, literal, null);

    internal static ImapReadResult ForError(ImapError error) => new(ImapReadStatus.Error, null, null, error);
}
