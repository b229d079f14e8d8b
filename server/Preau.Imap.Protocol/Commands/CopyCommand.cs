using Preau.Imap.Protocol.Syntax;

namespace Preau.Imap.Protocol.Commands;

/// <summary><c>COPY</c> / <c>UID COPY</c> copies messages to another mailbox (RFC 9051 §6.4.7).</summary>
/// <param name="Tag">The client's tag.</param>
/// <param name="Set">Sequence numbers, or UIDs when <paramref name="ByUid"/>.</param>
/// <param name="ByUid">True for UID COPY.</param>
/// <param name="Mailbox">The target mailbox, decoded.</param>
/// <remarks>
/// <code>copy = "COPY" SP sequence-set SP mailbox</code>
/// The answer carries <c>[COPYUID …]</c> (UIDPLUS) or <c>[TRYCREATE]</c> when the target is missing.
/// </remarks>
public sealed record CopyCommand(string Tag, SequenceSet Set, bool ByUid, string Mailbox) : ImapCommand(Tag)
{
    /// <inheritdoc />
    public override string Name => ByUid ? "UID COPY" : "COPY";

    internal static CopyCommand Parse(ArgumentReader args, bool byUid)
    {
        var set = args.SequenceSet("message set");
        var mailbox = args.Mailbox("target mailbox");
        args.End();
        return new CopyCommand(args.Tag, set, byUid, mailbox);
    }
}
