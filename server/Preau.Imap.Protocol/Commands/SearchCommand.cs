using System.Text;
using Preau.Imap.Protocol.Search;

namespace Preau.Imap.Protocol.Commands;

/// <summary><c>SEARCH</c> / <c>UID SEARCH</c> finds messages (RFC 9051 §6.4.4), with ESEARCH return
/// options (RFC 4731), SEARCHRES (RFC 5182) and MODSEQ (RFC 7162).</summary>
/// <param name="Tag">The client's tag.</param>
/// <param name="ByUid">True for UID SEARCH: answer with UIDs.</param>
/// <param name="Charset">The CHARSET the client named, upper case, or null.</param>
/// <param name="Return">The return options: null for a classic <c>* SEARCH</c> answer, otherwise an
/// <c>* ESEARCH</c> answer (<see cref="SearchReturnOptions.All"/> for <c>RETURN ()</c>).</param>
/// <param name="Criteria">The search program, strings decoded with the charset.</param>
/// <remarks>
/// <code>
/// search             = "SEARCH" [search-return-opts] SP search-program
/// search-return-opts = SP "RETURN" SP "(" [search-return-opt *(SP search-return-opt)] ")"
/// search-return-opt  = "MIN" / "MAX" / "ALL" / "COUNT" / "SAVE"
/// search-program     = ["CHARSET" SP charset SP] search-key *(SP search-key)
/// </code>
/// </remarks>
public sealed record SearchCommand(string Tag, bool ByUid, string? Charset, SearchReturnOptions? Return, SearchKey Criteria) : ImapCommand(Tag)
{
    /// <inheritdoc />
    public override string Name => ByUid ? "UID SEARCH" : "SEARCH";

    internal static SearchCommand Parse(ArgumentReader args, bool byUid)
    {
        var returns = ParseReturn(args);
        string? charset = null;
        var encoding = Encoding.UTF8;
        if (args.TryAtom("CHARSET"))
        {
            if (args.Options.Utf8Accept)
            {
                throw args.Bad("no CHARSET once UTF8=ACCEPT is enabled: strings are UTF-8 (RFC 6855 §3)");
            }

            charset = args.AString("charset").ToUpperInvariant();
            encoding = SearchCharset.Resolve(charset, args);
        }

        var criteria = SearchKeyParser.ParseProgram(args, encoding);
        return new SearchCommand(args.Tag, byUid, charset, returns, criteria);
    }

    /// <summary>Reads the optional <c>RETURN (…)</c>; shared with SORT (ESORT, RFC 5267).</summary>
    internal static SearchReturnOptions? ParseReturn(ArgumentReader args)
    {
        if (!args.TryAtom("RETURN"))
        {
            return null;
        }

        var list = args.List("return options");
        var options = SearchReturnOptions.None;
        while (!list.AtEnd)
        {
            var name = list.Keyword("return option");
            options |= name switch
            {
                "MIN" => SearchReturnOptions.Min,
                "MAX" => SearchReturnOptions.Max,
                "ALL" => SearchReturnOptions.All,
                "COUNT" => SearchReturnOptions.Count,
                "SAVE" => SearchReturnOptions.Save,
                _ => throw args.Bad($"unknown return option {name}"),
            };
        }

        // RFC 4731 §3.1: "RETURN ()" is the same as "RETURN (ALL)".
        return options == SearchReturnOptions.None ? SearchReturnOptions.All : options;
    }
}
