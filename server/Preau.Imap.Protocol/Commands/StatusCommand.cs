namespace Preau.Imap.Protocol.Commands;

/// <summary><c>STATUS</c> asks for counters of a mailbox without selecting it (RFC 9051 §6.3.11).</summary>
/// <param name="Tag">The client's tag.</param>
/// <param name="Mailbox">The mailbox name, decoded.</param>
/// <param name="Items">What is asked, at least one item.</param>
/// <remarks>
/// <code>
/// status     = "STATUS" SP mailbox SP "(" status-att *(SP status-att) ")"
/// status-att = "MESSAGES" / "UIDNEXT" / "UIDVALIDITY" / "UNSEEN" / "DELETED" / "SIZE"
///            / "RECENT"                     ; RFC 3501
///            / "HIGHESTMODSEQ"              ; RFC 7162
///            / "APPENDLIMIT"                ; RFC 7889
/// </code>
/// </remarks>
public sealed record StatusCommand(string Tag, string Mailbox, StatusItems Items) : ImapCommand(Tag)
{
    /// <inheritdoc />
    public override string Name => "STATUS";

    internal static StatusCommand Parse(ArgumentReader args)
    {
        var mailbox = args.Mailbox();
        var items = ParseItems(args.List("status items"), args);
        args.End();
        return new StatusCommand(args.Tag, mailbox, items);
    }

    /// <summary>Reads a non-empty status-att list; shared with LIST-STATUS (RFC 5819).</summary>
    internal static StatusItems ParseItems(ArgumentReader list, ArgumentReader args)
    {
        var items = StatusItems.None;
        if (list.AtEnd)
        {
            throw args.Bad("empty status item list");
        }

        while (!list.AtEnd)
        {
            var name = list.Keyword("status item");
            items |= name switch
            {
                "MESSAGES" => StatusItems.Messages,
                "RECENT" => StatusItems.Recent,
                "UIDNEXT" => StatusItems.UidNext,
                "UIDVALIDITY" => StatusItems.UidValidity,
                "UNSEEN" => StatusItems.Unseen,
                "DELETED" => StatusItems.Deleted,
                "SIZE" => StatusItems.Size,
                "HIGHESTMODSEQ" => StatusItems.HighestModSeq,
                "APPENDLIMIT" => StatusItems.AppendLimit,
                _ => throw args.Bad($"unknown status item {name}"),
            };
        }

        return items;
    }
}
