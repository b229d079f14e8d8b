namespace Preau.Imap.Protocol.Commands;

/// <summary><c>UNSUBSCRIBE</c> removes a mailbox from the subscription list (RFC 9051 §6.3.8).</summary>
/// <param name="Tag">The client's tag.</param>
/// <param name="Mailbox">The mailbox name, decoded.</param>
/// <remarks><code>unsubscribe = "UNSUBSCRIBE" SP mailbox</code></remarks>
public sealed record UnsubscribeCommand(string Tag, string Mailbox) : ImapCommand(Tag)
{
    /// <inheritdoc />
    public override string Name => "UNSUBSCRIBE";

    internal static UnsubscribeCommand Parse(ArgumentReader args)
    {
        var mailbox = args.Mailbox();
        args.End();
        return new UnsubscribeCommand(args.Tag, mailbox);
    }
}
