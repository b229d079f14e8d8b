using Preau.Imap.Protocol.Syntax;

namespace Preau.Imap.Protocol.Commands;

/// <summary><c>MOVE</c> / <c>UID MOVE</c> moves messages to another mailbox (RFC 6851, RFC 9051 §6.4.8).</summary>
/// <param name="Tag">The client's tag.</param>
/// <param name="Set">Sequence numbers, or UIDs when <paramref name="ByUid"/>.</param>
/// <param name="ByUid">True for UID MOVE.</param>
/// <param name="Mailbox">The target mailbox, decoded.</param>
/// <remarks>
/// <code>move = "MOVE" SP sequence-set SP mailbox</code>
/// The handler sends <c>* OK [COPYUID …]</c> before the EXPUNGE (or VANISHED) responses (RFC 6851 §4.3).
/// </remarks>
public sealed record MoveCommand(string Tag, SequenceSet Set, bool ByUid, string Mailbox) : ImapCommand(Tag)
{
    /// <inheritdoc />
    public override string Name => ByUid ? "UID MOVE" : "MOVE";

    internal static MoveCommand Parse(ArgumentReader args, bool byUid)
    {
        var set = args.SequenceSet("message set");
        var mailbox = args.Mailbox("target mailbox");
        args.End();
        return new MoveCommand(args.Tag, set, byUid, mailbox);
    }
}
