namespace Preau.Imap.Protocol.Commands;

/// <summary><c>RENAME</c> renames a mailbox and its children (RFC 9051 §6.3.6).</summary>
/// <param name="Tag">The client's tag.</param>
/// <param name="Mailbox">The existing name, decoded.</param>
/// <param name="NewName">The new name, decoded.</param>
/// <remarks>
/// <code>rename = "RENAME" SP mailbox SP mailbox</code>
/// Renaming INBOX moves its messages into a new mailbox and leaves INBOX empty: the handler's business.
/// </remarks>
public sealed record RenameCommand(string Tag, string Mailbox, string NewName) : ImapCommand(Tag)
{
    /// <inheritdoc />
    public override string Name => "RENAME";

    internal static RenameCommand Parse(ArgumentReader args)
    {
        var from = args.Mailbox("existing mailbox name");
        var to = args.Mailbox("new mailbox name");
        args.End();
        return new RenameCommand(args.Tag, from, to);
    }
}
