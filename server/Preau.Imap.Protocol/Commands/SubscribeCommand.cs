namespace Preau.Imap.Protocol.Commands;

/// <summary><c>SUBSCRIBE</c> adds a mailbox to the subscription list (RFC 9051 §6.3.7).</summary>
/// <param name="Tag">The client's tag.</param>
/// <param name="Mailbox">The mailbox name, decoded (it need not exist).</param>
/// <remarks><code>subscribe = "SUBSCRIBE" SP mailbox</code></remarks>
public sealed record SubscribeCommand(string Tag, string Mailbox) : ImapCommand(Tag)
{
    /// <inheritdoc />
    public override string Name => "SUBSCRIBE";

    internal static SubscribeCommand Parse(ArgumentReader args)
    {
        var mailbox = args.Mailbox();
        args.End();
        return new SubscribeCommand(args.Tag, mailbox);
    }
}
