namespace Preau.Imap.Protocol.Commands;

/// <summary><c>GETQUOTAROOT</c> asks for the quota roots of a mailbox and their quotas (RFC 9208 §4.1.2).</summary>
/// <param name="Tag">The client's tag.</param>
/// <param name="Mailbox">The mailbox name, decoded.</param>
/// <remarks><code>getquotaroot = "GETQUOTAROOT" SP mailbox</code></remarks>
public sealed record GetQuotaRootCommand(string Tag, string Mailbox) : ImapCommand(Tag)
{
    /// <inheritdoc />
    public override string Name => "GETQUOTAROOT";

    internal static GetQuotaRootCommand Parse(ArgumentReader args)
    {
        var mailbox = args.Mailbox();
        args.End();
        return new GetQuotaRootCommand(args.Tag, mailbox);
    }
}
