namespace Preau.Imap.Protocol.Commands;

/// <summary><c>GETQUOTA</c> asks for a quota root's usage and limits (RFC 9208 §4.1.1).</summary>
/// <param name="Tag">The client's tag.</param>
/// <param name="QuotaRoot">The quota root's name (may be empty).</param>
/// <remarks>
/// <code>
/// getquota        = "GETQUOTA" SP quota-root-name
/// quota-root-name = astring
/// </code>
/// </remarks>
public sealed record GetQuotaCommand(string Tag, string QuotaRoot) : ImapCommand(Tag)
{
    /// <inheritdoc />
    public override string Name => "GETQUOTA";

    internal static GetQuotaCommand Parse(ArgumentReader args)
    {
        var root = args.AString("quota root");
        args.End();
        return new GetQuotaCommand(args.Tag, root);
    }
}
