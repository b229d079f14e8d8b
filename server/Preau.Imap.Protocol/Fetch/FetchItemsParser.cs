using Preau.Imap.Protocol.Commands;
using Preau.Imap.Protocol.Syntax;

namespace Preau.Imap.Protocol.Fetch;

/// <summary>Parses the fetch items of FETCH / UID FETCH.</summary>
/// <remarks>
/// <code>
/// fetch-att = "ENVELOPE" / "FLAGS" / "INTERNALDATE" / "RFC822" [".HEADER" / ".TEXT"] / "RFC822.SIZE" /
///             "BODY" ["STRUCTURE"] / "UID" / "BODY" section [partial] / "BODY.PEEK" section [partial] /
///             "BINARY" [".PEEK"] section-binary [partial] / "BINARY.SIZE" section-binary /
///             "MODSEQ"                                                  ; RFC 7162
/// partial   = "&lt;" number "." nz-number "&gt;"
/// </code>
/// The reader splits <c>BODY[HEADER.FIELDS (A B)]&lt;0.9&gt;</c> at the spaces into the atom
/// <c>BODY[HEADER.FIELDS</c>, the list <c>(A B)</c> and the atom <c>]&lt;0.9&gt;</c>; this parser joins them back.
/// </remarks>
internal static class FetchItemsParser
{
    /// <summary>Reads one fetch-att, or a macro when <paramref name="allowMacro"/>, adding to the accumulators.</summary>
    public static void ReadItem(ArgumentReader args, ArgumentReader errors, ref FetchAttributes attributes, List<FetchBodySection> sections, bool allowMacro)
    {
        var atom = args.Keyword("fetch item");
        var bracket = atom.IndexOf('[');
        if (bracket < 0)
        {
            attributes |= atom switch
            {
                "FLAGS" => FetchAttributes.Flags,
                "UID" => FetchAttributes.Uid,
                "INTERNALDATE" => FetchAttributes.InternalDate,
                "RFC822.SIZE" => FetchAttributes.Rfc822Size,
                "ENVELOPE" => FetchAttributes.Envelope,
                "BODY" => FetchAttributes.Body,
                "BODYSTRUCTURE" => FetchAttributes.BodyStructure,
                "RFC822" => FetchAttributes.Rfc822,
                "RFC822.HEADER" => FetchAttributes.Rfc822Header,
                "RFC822.TEXT" => FetchAttributes.Rfc822Text,
                "MODSEQ" => FetchAttributes.ModSeq,
                "ALL" when allowMacro => FetchAttributes.All,
                "FAST" when allowMacro => FetchAttributes.Fast,
                "FULL" when allowMacro => FetchAttributes.Full,
                "ALL" or "FAST" or "FULL" => throw errors.Bad($"the {atom} macro cannot be combined with other items"),
                _ => throw errors.Bad($"unknown fetch item {atom}"),
            };
            return;
        }

        var (kind, peek) = atom[..bracket] switch
        {
            "BODY" => (FetchSectionKind.Body, false),
            "BODY.PEEK" => (FetchSectionKind.Body, true),
            "BINARY" => (FetchSectionKind.Binary, false),
            "BINARY.PEEK" => (FetchSectionKind.Binary, true),
            "BINARY.SIZE" => (FetchSectionKind.BinarySize, true),
            _ => throw errors.Bad($"unknown fetch item {atom}"),
        };

        var inside = atom[(bracket + 1)..];
        string spec;
        string suffix;
        IReadOnlyList<string>? fields = null;
        var close = inside.IndexOf(']');
        if (close >= 0)
        {
            spec = inside[..close];
            suffix = inside[(close + 1)..];
        }
        else
        {
            // BODY[HEADER.FIELDS (…)]: the field list, then an atom starting with "]".
            spec = inside;
            var list = args.List($"header field list of {atom}");
            var names = new List<string>();
            while (!list.AtEnd)
            {
                names.Add(list.AString("header field name"));
            }

            fields = names;
            var end = args.Keyword($"']' closing {atom}");
            suffix = end.StartsWith(']') ? end[1..] : throw errors.Bad($"']' expected after the header field list of {atom}");
        }

        var section = BodySectionParser.TryParse(spec, fields, kind != FetchSectionKind.Body, out var error)
            ?? throw errors.Bad(error);
        FetchPartial? partial = null;
        if (suffix.Length > 0)
        {
            partial = kind != FetchSectionKind.BinarySize && TryParsePartial(suffix, out var p)
                ? p
                : throw errors.Bad($"invalid partial '{suffix}' (expected <offset.length>)");
        }

        sections.Add(new FetchBodySection(kind, peek, section, partial));
    }

    private static bool TryParsePartial(string text, out FetchPartial partial)
    {
        partial = default;
        var dot = text.IndexOf('.');
        if (text.Length < 5 || text[0] != '<' || text[^1] != '>' || dot < 0)
        {
            return false;
        }

        if (!ImapNumber.TryParse(text.AsSpan(1, dot - 1), out var offset)
            || !ImapNumber.TryParseNz(text.AsSpan(dot + 1, text.Length - dot - 2), out var length))
        {
            return false;
        }

        partial = new FetchPartial(offset, length);
        return true;
    }
}
