namespace Preau.Imap.Protocol.Commands;

/// <summary><c>CLOSE</c> expunges \Deleted messages (unless read-only) and leaves the selected state silently (RFC 9051 §6.4.1).</summary>
/// <param name="Tag">The client's tag.</param>
/// <remarks>
/// <code>
/// command-select = "CLOSE" / ...
/// </code>
/// No arguments: anything after the name is a BAD.
/// </remarks>
public sealed record CloseCommand(string Tag) : ImapCommand(Tag)
{
    /// <inheritdoc />
    public override string Name => "CLOSE";

    internal static CloseCommand Parse(ArgumentReader args)
    {
        args.End();
        return new CloseCommand(args.Tag);
    }
}
