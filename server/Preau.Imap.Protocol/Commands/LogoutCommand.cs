namespace Preau.Imap.Protocol.Commands;

/// <summary><c>LOGOUT</c> ends the session: <c>* BYE</c>, tagged OK, close (RFC 9051 §6.1.3).</summary>
/// <param name="Tag">The client's tag.</param>
/// <remarks>
/// <code>
/// command-any = "CAPABILITY" / "LOGOUT" / "NOOP"
/// </code>
/// No arguments: anything after the name is a BAD.
/// </remarks>
public sealed record LogoutCommand(string Tag) : ImapCommand(Tag)
{
    /// <inheritdoc />
    public override string Name => "LOGOUT";

    internal static LogoutCommand Parse(ArgumentReader args)
    {
        args.End();
        return new LogoutCommand(args.Tag);
    }
}
