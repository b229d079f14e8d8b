namespace Preau.Imap.Protocol.Commands;

/// <summary><c>UNSELECT</c> leaves the selected state without expunging (RFC 3691, RFC 9051 §6.4.2).</summary>
/// <param name="Tag">The client's tag.</param>
/// <remarks>
/// <code>
/// unselect = "UNSELECT"
/// </code>
/// No arguments: anything after the name is a BAD.
/// </remarks>
public sealed record UnselectCommand(string Tag) : ImapCommand(Tag)
{
    /// <inheritdoc />
    public override string Name => "UNSELECT";

    internal static UnselectCommand Parse(ArgumentReader args)
    {
        args.End();
        return new UnselectCommand(args.Tag);
    }
}
