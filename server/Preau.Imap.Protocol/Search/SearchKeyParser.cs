using System.Text;
using Preau.Imap.Protocol.Commands;
using Preau.Imap.Protocol.Reading;
using Preau.Imap.Protocol.Syntax;

namespace Preau.Imap.Protocol.Search;

/// <summary>Parses search keys into a <see cref="SearchKey"/> tree.</summary>
/// <remarks>
/// <code>
/// search-key = "ALL" / "ANSWERED" / "BCC" SP astring / "BEFORE" SP date / "BODY" SP astring /
///              "CC" SP astring / "DELETED" / "FLAGGED" / "FROM" SP astring / "KEYWORD" SP flag-keyword /
///              "NEW" / "OLD" / "ON" SP date / "RECENT" / "SEEN" / "SINCE" SP date / "SUBJECT" SP astring /
///              "TEXT" SP astring / "TO" SP astring / "UNANSWERED" / "UNDELETED" / "UNFLAGGED" /
///              "UNKEYWORD" SP flag-keyword / "UNSEEN" / "DRAFT" / "HEADER" SP header-fld-name SP astring /
///              "LARGER" SP number64 / "NOT" SP search-key / "OR" SP search-key SP search-key /
///              "SENTBEFORE" SP date / "SENTON" SP date / "SENTSINCE" SP date / "SMALLER" SP number64 /
///              "UID" SP sequence-set / "UNDRAFT" / sequence-set / "(" search-key *(SP search-key) ")"
/// search-modsequence = "MODSEQ" [search-modseq-ext] SP mod-sequence-valzer     ; RFC 7162
/// search-modseq-ext  = SP entry-name SP entry-type-req
/// entry-type-req     = "priv" / "shared" / "all"
/// search-key         =/ "OLDER" SP nz-number / "YOUNGER" SP nz-number        ; RFC 5032
/// </code>
/// Strings are decoded with the command's CHARSET. NOT and OR nest without parentheses, so their
/// depth is capped here (the reader caps parentheses): a deep chain gets a BAD, not a stack overflow.
/// </remarks>
internal sealed class SearchKeyParser
{
    private const int MaxDepth = 100;
    private readonly ArgumentReader _command;
    private readonly Encoding _encoding;

    private SearchKeyParser(ArgumentReader command, Encoding encoding)
    {
        _command = command;
        _encoding = encoding;
    }

    /// <summary>Reads <c>1*(SP search-key)</c> up to the end of <paramref name="args"/>.</summary>
    public static SearchKey ParseProgram(ArgumentReader args, Encoding encoding)
    {
        var parser = new SearchKeyParser(args, encoding);
        return parser.ParseAll(args, 0);
    }

    private SearchKey ParseAll(ArgumentReader args, int depth)
    {
        var keys = new List<SearchKey> { ParseKey(args, depth) };
        while (!args.AtEnd)
        {
            keys.Add(ParseKey(args, depth));
        }

        return keys.Count == 1 ? keys[0] : new AndKey(keys);
    }

    private SearchKey ParseKey(ArgumentReader args, int depth)
    {
        if (depth > MaxDepth)
        {
            throw _command.Bad($"search keys nested deeper than {MaxDepth}");
        }

        var token = args.Peek() ?? throw _command.Bad("missing search key");
        if (token.Kind == ImapTokenKind.List)
        {
            var group = args.List("search key group");
            return group.AtEnd ? throw _command.Bad("empty search key group") : ParseAll(group, depth + 1);
        }

        if (token.Kind == ImapTokenKind.Atom && token.Text[0] is '*' or '$' or (>= '0' and <= '9'))
        {
            return new SequenceKey(args.SequenceSet("sequence set"));
        }

        var name = args.Keyword("search key");
        return name switch
        {
            "ALL" => AllKey.Instance,
            "ANSWERED" => new FlagKey(ImapFlags.Answered),
            "DELETED" => new FlagKey(ImapFlags.Deleted),
            "DRAFT" => new FlagKey(ImapFlags.Draft),
            "FLAGGED" => new FlagKey(ImapFlags.Flagged),
            "RECENT" => new FlagKey(ImapFlags.Recent),
            "SEEN" => new FlagKey(ImapFlags.Seen),
            "UNANSWERED" => new NotKey(new FlagKey(ImapFlags.Answered)),
            "UNDELETED" => new NotKey(new FlagKey(ImapFlags.Deleted)),
            "UNDRAFT" => new NotKey(new FlagKey(ImapFlags.Draft)),
            "UNFLAGGED" => new NotKey(new FlagKey(ImapFlags.Flagged)),
            "UNSEEN" => new NotKey(new FlagKey(ImapFlags.Seen)),
            "NEW" => new AndKey([new FlagKey(ImapFlags.Recent), new NotKey(new FlagKey(ImapFlags.Seen))]),
            "OLD" => new NotKey(new FlagKey(ImapFlags.Recent)),
            "KEYWORD" => new FlagKey(Keyword(args)),
            "UNKEYWORD" => new NotKey(new FlagKey(Keyword(args))),
            "BCC" => new HeaderKey("Bcc", Text(args)),
            "CC" => new HeaderKey("Cc", Text(args)),
            "FROM" => new HeaderKey("From", Text(args)),
            "SUBJECT" => new HeaderKey("Subject", Text(args)),
            "TO" => new HeaderKey("To", Text(args)),
            "HEADER" => new HeaderKey(args.AString("header field name"), Text(args)),
            "BODY" => new BodyKey(Text(args)),
            "TEXT" => new TextKey(Text(args)),
            "BEFORE" => new DateKey(DateField.Internal, DateComparison.Before, args.Date("date")),
            "ON" => new DateKey(DateField.Internal, DateComparison.On, args.Date("date")),
            "SINCE" => new DateKey(DateField.Internal, DateComparison.Since, args.Date("date")),
            "SENTBEFORE" => new DateKey(DateField.Sent, DateComparison.Before, args.Date("date")),
            "SENTON" => new DateKey(DateField.Sent, DateComparison.On, args.Date("date")),
            "SENTSINCE" => new DateKey(DateField.Sent, DateComparison.Since, args.Date("date")),
            "LARGER" => new SizeKey(true, args.Number64("size")),
            "SMALLER" => new SizeKey(false, args.Number64("size")),
            "UID" => new UidKey(args.SequenceSet("UID set")),
            "NOT" => new NotKey(ParseKey(args, depth + 1)),
            "OR" => new OrKey(ParseKey(args, depth + 1), ParseKey(args, depth + 1)),
            "MODSEQ" => ModSeq(args),
            "OLDER" => new AgeKey(false, args.NzNumber("interval")),
            "YOUNGER" => new AgeKey(true, args.NzNumber("interval")),
            _ => throw _command.Bad($"unknown search key {name}"),
        };
    }

    private string Text(ArgumentReader args) => args.AString("search string", _encoding);

    private string Keyword(ArgumentReader args)
    {
        var keyword = args.Atom("keyword");
        return ImapChars.IsAtom(keyword) ? keyword : throw _command.Bad($"'{keyword}' is not a keyword");
    }

    private ModSeqKey ModSeq(ArgumentReader args)
    {
        // MODSEQ "/flags/\\seen" all 620162338 — the entry is always a quoted string.
        if (args.Peek()?.Kind != ImapTokenKind.Quoted)
        {
            return new ModSeqKey(args.Number64("mod-sequence"), null, null);
        }

        var entry = args.StringToken("entry name").Text;
        var type = args.Keyword("entry type");
        if (type is not ("PRIV" or "SHARED" or "ALL"))
        {
            throw _command.Bad($"entry type must be priv, shared or all, got {type}");
        }

        return new ModSeqKey(args.Number64("mod-sequence"), entry, type.ToLowerInvariant());
    }
}
