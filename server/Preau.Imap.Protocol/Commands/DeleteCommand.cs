namespace Preau.Imap.Protocol.Commands;

/// <summary><c>DELETE</c> removes a mailbox (RFC 9051 §6.3.5).</summary>
/// <param name="Tag">The client's tag.</param>
/// <param name="Mailbox">The mailbox name, decoded.</param>
/// <remarks><code>delete = "DELETE" SP mailbox</code></remarks>
public sealed record DeleteCommand(string Tag, string Mailbox) : ImapCommand(Tag)
{
    /// <inheritdoc />
    public override string Name => "DELETE";

    internal static DeleteCommand Parse(ArgumentReader args)
    {
        var mailbox = args.Mailbox();
        args.End();
        return new DeleteCommand(args.Tag, mailbox);
    }
}
