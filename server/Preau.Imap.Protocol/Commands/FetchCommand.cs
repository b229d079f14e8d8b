using Preau.Imap.Protocol.Fetch;
using Preau.Imap.Protocol.Syntax;

namespace Preau.Imap.Protocol.Commands;

/// <summary><c>FETCH</c> / <c>UID FETCH</c> retrieves message data (RFC 9051 §6.4.5), with CONDSTORE's
/// CHANGEDSINCE and QRESYNC's VANISHED modifiers (RFC 7162).</summary>
/// <param name="Tag">The client's tag.</param>
/// <param name="Set">Sequence numbers, or UIDs when <paramref name="ByUid"/>.</param>
/// <param name="ByUid">True for UID FETCH: every answer then carries UID.</param>
/// <param name="Items">What to fetch.</param>
/// <param name="Modifiers">CHANGEDSINCE / VANISHED.</param>
/// <remarks>
/// <code>
/// fetch              = "FETCH" SP sequence-set SP ("ALL" / "FULL" / "FAST" /
///                      fetch-att / "(" fetch-att *(SP fetch-att) ")") [fetch-modifiers]
/// fetch-modifiers    = SP "(" fetch-modifier *(SP fetch-modifier) ")"     ; RFC 4466
/// fetch-modifier     =/ chgsince-fetch-mod / "VANISHED"                    ; RFC 7162
/// chgsince-fetch-mod = "CHANGEDSINCE" SP mod-sequence-value
/// </code>
/// RFC 7162 §3.2.6: VANISHED without CHANGEDSINCE, or outside UID FETCH, is a BAD.
/// </remarks>
public sealed record FetchCommand(string Tag, SequenceSet Set, bool ByUid, FetchItems Items, FetchModifiers Modifiers) : ImapCommand(Tag)
{
    /// <inheritdoc />
    public override string Name => ByUid ? "UID FETCH" : "FETCH";

    internal static FetchCommand Parse(ArgumentReader args, bool byUid)
    {
        var set = args.SequenceSet("message set");
        var attributes = FetchAttributes.None;
        var sections = new List<FetchBodySection>();
        if (args.PeekIsList)
        {
            var list = args.List("fetch items");
            if (list.AtEnd)
            {
                throw args.Bad("empty fetch item list");
            }

            while (!list.AtEnd)
            {
                FetchItemsParser.ReadItem(list, args, ref attributes, sections, allowMacro: false);
            }
        }
        else
        {
            FetchItemsParser.ReadItem(args, args, ref attributes, sections, allowMacro: true);
        }

        var modifiers = args.AtEnd ? FetchModifiers.None : ParseModifiers(args.List("fetch modifiers"), args, byUid);
        args.End();
        return new FetchCommand(args.Tag, set, byUid, new FetchItems(attributes, sections), modifiers);
    }

    private static FetchModifiers ParseModifiers(ArgumentReader list, ArgumentReader args, bool byUid)
    {
        ulong? changedSince = null;
        var vanished = false;
        do
        {
            var name = list.Keyword("fetch modifier");
            switch (name)
            {
                case "CHANGEDSINCE" when changedSince is null:
                    // mod-sequence-value is non-zero, but "CHANGEDSINCE 0" (everything) is harmless and sent by clients.
                    changedSince = list.Number64("CHANGEDSINCE value");
                    break;
                case "VANISHED" when !vanished:
                    vanished = true;
                    break;
                default:
                    throw args.Bad($"unknown or repeated fetch modifier {name}");
            }
        }
        while (!list.AtEnd);

        if (vanished && (!byUid || changedSince is null))
        {
            throw args.Bad("VANISHED needs UID FETCH and CHANGEDSINCE (RFC 7162 §3.2.6)");
        }

        return new FetchModifiers(changedSince, vanished);
    }
}
