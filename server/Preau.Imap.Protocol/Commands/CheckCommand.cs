namespace Preau.Imap.Protocol.Commands;

/// <summary><c>CHECK</c> asks for a checkpoint of the selected mailbox (RFC 3501 §6.4.1; gone from IMAP4rev2, answered like NOOP).</summary>
/// <param name="Tag">The client's tag.</param>
/// <remarks>
/// <code>
/// command-select = "CHECK" / ...
/// </code>
/// No arguments: anything after the name is a BAD.
/// </remarks>
public sealed record CheckCommand(string Tag) : ImapCommand(Tag)
{
    /// <inheritdoc />
    public override string Name => "CHECK";

    internal static CheckCommand Parse(ArgumentReader args)
    {
        args.End();
        return new CheckCommand(args.Tag);
    }
}
