using Preau.Imap.Protocol.Reading;
using Preau.Imap.Protocol.Syntax;

namespace Preau.Imap.Protocol.Commands;

/// <summary>How STORE changes flags.</summary>
public enum StoreAction
{
    /// <summary><c>FLAGS</c>: replace the flags.</summary>
    Replace,

    /// <summary><c>+FLAGS</c>: add flags.</summary>
    Add,

    /// <summary><c>-FLAGS</c>: remove flags.</summary>
    Remove,
}

/// <summary><c>STORE</c> / <c>UID STORE</c> changes flags (RFC 9051 §6.4.6), conditionally with
/// UNCHANGEDSINCE (CONDSTORE, RFC 7162 §3.1.3).</summary>
/// <param name="Tag">The client's tag.</param>
/// <param name="Set">Sequence numbers, or UIDs when <paramref name="ByUid"/>.</param>
/// <param name="ByUid">True for UID STORE.</param>
/// <param name="Action">Replace, add or remove.</param>
/// <param name="Silent">True for <c>.SILENT</c>: no untagged FETCH back (except for CONDSTORE, RFC 7162 §3.1.4).</param>
/// <param name="Flags">The flags, system flags in canonical case; may be empty.</param>
/// <param name="UnchangedSince">The UNCHANGEDSINCE mod-sequence, or null.</param>
/// <remarks>
/// <code>
/// store           = "STORE" SP sequence-set [store-modifiers] SP store-att-flags
/// store-modifiers = SP "(" store-modifier *(SP store-modifier) ")"       ; RFC 4466
/// store-modifier  = "UNCHANGEDSINCE" SP mod-sequence-valzer               ; RFC 7162
/// store-att-flags = (["+" / "-"] "FLAGS" [".SILENT"]) SP (flag-list / (flag *(SP flag)))
/// </code>
/// </remarks>
public sealed record StoreCommand(
    string Tag,
    SequenceSet Set,
    bool ByUid,
    StoreAction Action,
    bool Silent,
    IReadOnlyList<string> Flags,
    ulong? UnchangedSince) : ImapCommand(Tag)
{
    /// <inheritdoc />
    public override string Name => ByUid ? "UID STORE" : "STORE";

    internal static StoreCommand Parse(ArgumentReader args, bool byUid)
    {
        var set = args.SequenceSet("message set");
        ulong? unchangedSince = null;
        if (args.PeekIsList)
        {
            var modifiers = args.List("store modifiers");
            do
            {
                var name = modifiers.Keyword("store modifier");
                unchangedSince = name == "UNCHANGEDSINCE" && unchangedSince is null
                    ? modifiers.Number64("UNCHANGEDSINCE value")
                    : throw args.Bad($"unknown or repeated store modifier {name}");
            }
            while (!modifiers.AtEnd);
        }

        var item = args.Keyword("FLAGS, +FLAGS or -FLAGS");
        var silent = item.EndsWith(".SILENT", StringComparison.Ordinal);
        var action = (silent ? item[..^7] : item) switch
        {
            "FLAGS" => StoreAction.Replace,
            "+FLAGS" => StoreAction.Add,
            "-FLAGS" => StoreAction.Remove,
            _ => throw args.Bad($"unknown store item {item}"),
        };

        IReadOnlyList<string> flags;
        if (args.PeekIsList)
        {
            flags = args.FlagList();
        }
        else
        {
            // The bare form, "+FLAGS \Seen \Flagged", needs at least one flag.
            var bare = new List<string> { args.Flag("flag") };
            while (!args.AtEnd && args.Peek()!.Kind == ImapTokenKind.Atom)
            {
                bare.Add(args.Flag("flag"));
            }

            flags = bare;
        }

        args.End();
        return new StoreCommand(args.Tag, set, byUid, action, silent, flags, unchangedSince);
    }
}
