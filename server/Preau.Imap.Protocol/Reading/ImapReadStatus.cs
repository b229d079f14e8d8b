namespace Preau.Imap.Protocol.Reading;

/// <summary>What <see cref="ImapCommandReader.ReadCommandAsync"/> produced.</summary>
public enum ImapReadStatus
{
    /// <summary>A complete command: <see cref="ImapReadResult.Command"/>.</summary>
    Command,

    /// <summary>The client announced a synchronizing literal (<see cref="ImapReadResult.Literal"/>) and
    /// waits. Send <c>+ Ready for literal data</c> and read again, or call
    /// <see cref="ImapCommandReader.RejectLiteral"/> and answer the tag with NO or BAD.</summary>
    ContinuationRequired,

    /// <summary>The command failed to read: <see cref="ImapReadResult.Error"/> says whether to answer
    /// BAD/NO and go on, or BYE and close.</summary>
    Error,

    /// <summary>The client closed its side; any partial command is dropped.</summary>
    EndOfStream,
}
