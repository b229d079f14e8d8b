namespace Preau.Imap.Protocol.Commands;

/// <summary><c>NAMESPACE</c> asks for the personal, other users' and shared namespaces (RFC 2342, RFC 9051 §6.3.10).</summary>
/// <param name="Tag">The client's tag.</param>
/// <remarks>
/// <code>
/// namespace-command = "NAMESPACE"
/// </code>
/// No arguments: anything after the name is a BAD.
/// </remarks>
public sealed record NamespaceCommand(string Tag) : ImapCommand(Tag)
{
    /// <inheritdoc />
    public override string Name => "NAMESPACE";

    internal static NamespaceCommand Parse(ArgumentReader args)
    {
        args.End();
        return new NamespaceCommand(args.Tag);
    }
}
