namespace Preau.Imap.Protocol.Commands;

/// <summary><c>LSUB</c> lists subscribed mailboxes (RFC 3501 §6.3.9; IMAP4rev2 uses LIST (SUBSCRIBED)).</summary>
/// <param name="Tag">The client's tag.</param>
/// <param name="Reference">The reference name, decoded.</param>
/// <param name="Pattern">The pattern with <c>*</c> and <c>%</c> wildcards, decoded.</param>
/// <remarks><code>lsub = "LSUB" SP mailbox SP list-mailbox</code></remarks>
public sealed record LsubCommand(string Tag, string Reference, string Pattern) : ImapCommand(Tag)
{
    /// <inheritdoc />
    public override string Name => "LSUB";

    internal static LsubCommand Parse(ArgumentReader args)
    {
        var reference = args.Mailbox("reference name");
        var pattern = args.ListMailbox();
        args.End();
        return new LsubCommand(args.Tag, reference, pattern);
    }
}
