namespace Preau.Imap.Protocol.Commands;

/// <summary><c>CAPABILITY</c> asks for the server's capabilities (RFC 9051 §6.1.1).</summary>
/// <param name="Tag">The client's tag.</param>
/// <remarks>
/// <code>
/// capability = "CAPABILITY"
/// </code>
/// No arguments: anything after the name is a BAD.
/// </remarks>
public sealed record CapabilityCommand(string Tag) : ImapCommand(Tag)
{
    /// <inheritdoc />
    public override string Name => "CAPABILITY";

    internal static CapabilityCommand Parse(ArgumentReader args)
    {
        args.End();
        return new CapabilityCommand(args.Tag);
    }
}
