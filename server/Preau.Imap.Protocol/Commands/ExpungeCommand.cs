using Preau.Imap.Protocol.Syntax;

namespace Preau.Imap.Protocol.Commands;

/// <summary><c>EXPUNGE</c> removes messages marked \Deleted; <c>UID EXPUNGE</c> only those in a UID set
/// (RFC 9051 §6.4.3, UIDPLUS RFC 4315 §2.1).</summary>
/// <param name="Tag">The client's tag.</param>
/// <param name="Uids">For UID EXPUNGE, the UIDs that may be expunged; null for EXPUNGE.</param>
/// <remarks>
/// <code>
/// expunge     = "EXPUNGE"
/// uid-expunge = "UID" SP "EXPUNGE" SP sequence-set
/// </code>
/// </remarks>
public sealed record ExpungeCommand(string Tag, SequenceSet? Uids) : ImapCommand(Tag)
{
    /// <inheritdoc />
    public override string Name => Uids is null ? "EXPUNGE" : "UID EXPUNGE";

    internal static ExpungeCommand Parse(ArgumentReader args, bool byUid)
    {
        var uids = byUid ? args.SequenceSet("UID set") : null;
        args.End();
        return new ExpungeCommand(args.Tag, uids);
    }
}
