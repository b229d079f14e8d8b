namespace Preau.Imap.Protocol.Commands;

/// <summary><c>IDLE</c> waits for mailbox changes until the client sends <c>DONE</c> (RFC 2177, RFC 9051 §6.3.13); read DONE with <see cref="Reading.ImapCommandReader.ReadLineAsync"/>.</summary>
/// <param name="Tag">The client's tag.</param>
/// <remarks>
/// <code>
/// idle = "IDLE" CRLF "DONE"
/// </code>
/// No arguments: anything after the name is a BAD.
/// </remarks>
public sealed record IdleCommand(string Tag) : ImapCommand(Tag)
{
    /// <inheritdoc />
    public override string Name => "IDLE";

    internal static IdleCommand Parse(ArgumentReader args)
    {
        args.End();
        return new IdleCommand(args.Tag);
    }
}
