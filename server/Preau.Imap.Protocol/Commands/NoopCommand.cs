namespace Preau.Imap.Protocol.Commands;

/// <summary><c>NOOP</c> does nothing; lets the server send pending untagged updates (RFC 9051 §6.1.2).</summary>
/// <param name="Tag">The client's tag.</param>
/// <remarks>
/// <code>
/// command-any = "CAPABILITY" / "LOGOUT" / "NOOP"
/// </code>
/// No arguments: anything after the name is a BAD.
/// </remarks>
public sealed record NoopCommand(string Tag) : ImapCommand(Tag)
{
    /// <inheritdoc />
    public override string Name => "NOOP";

    internal static NoopCommand Parse(ArgumentReader args)
    {
        args.End();
        return new NoopCommand(args.Tag);
    }
}
