using Preau.Imap.Protocol.Search;

namespace Preau.Imap.Protocol.Commands;

/// <summary>A sort key of SORT (RFC 5256 §3, DISPLAYFROM/DISPLAYTO RFC 5957).</summary>
public enum SortKey
{
    /// <summary><c>ARRIVAL</c>: internal date.</summary>
    Arrival,

    /// <summary><c>CC</c>: first Cc mailbox.</summary>
    Cc,

    /// <summary><c>DATE</c>: the Date: header (internal date when absent).</summary>
    Date,

    /// <summary><c>FROM</c>: first From mailbox.</summary>
    From,

    /// <summary><c>SIZE</c>: RFC822.SIZE.</summary>
    Size,

    /// <summary><c>SUBJECT</c>: base subject (RFC 5256 §2.1).</summary>
    Subject,

    /// <summary><c>TO</c>: first To mailbox.</summary>
    To,

    /// <summary><c>DISPLAYFROM</c>: the display name of From.</summary>
    DisplayFrom,

    /// <summary><c>DISPLAYTO</c>: the display name of To.</summary>
    DisplayTo,
}

/// <summary>One sort criterion.</summary>
/// <param name="Key">The key.</param>
/// <param name="Reverse">True with REVERSE.</param>
public sealed record SortCriterion(SortKey Key, bool Reverse);

/// <summary><c>SORT</c> / <c>UID SORT</c> searches and sorts (RFC 5256), optionally with ESORT return options (RFC 5267).</summary>
/// <param name="Tag">The client's tag.</param>
/// <param name="ByUid">True for UID SORT.</param>
/// <param name="Order">The sort criteria, most significant first.</param>
/// <param name="Charset">The charset, upper case (SORT requires one).</param>
/// <param name="Return">ESORT return options, or null for a classic <c>* SORT</c> answer.</param>
/// <param name="Criteria">The search program.</param>
/// <remarks>
/// <code>
/// sort            = ["UID" SP] "SORT" [search-return-opts] SP sort-criteria SP search-criteria
/// sort-criteria   = "(" sort-criterion *(SP sort-criterion) ")"
/// sort-criterion  = ["REVERSE" SP] sort-key
/// sort-key        = "ARRIVAL" / "CC" / "DATE" / "FROM" / "SIZE" / "SUBJECT" / "TO" / "DISPLAYFROM" / "DISPLAYTO"
/// search-criteria = charset 1*(SP search-key)
/// </code>
/// </remarks>
public sealed record SortCommand(
    string Tag,
    bool ByUid,
    IReadOnlyList<SortCriterion> Order,
    string Charset,
    SearchReturnOptions? Return,
    SearchKey Criteria) : ImapCommand(Tag)
{
    /// <inheritdoc />
    public override string Name => ByUid ? "UID SORT" : "SORT";

    internal static SortCommand Parse(ArgumentReader args, bool byUid)
    {
        var returns = SearchCommand.ParseReturn(args);
        var list = args.List("sort criteria");
        var order = new List<SortCriterion>();
        do
        {
            var reverse = list.TryAtom("REVERSE");
            var name = list.Keyword("sort key");
            var key = name switch
            {
                "ARRIVAL" => SortKey.Arrival,
                "CC" => SortKey.Cc,
                "DATE" => SortKey.Date,
                "FROM" => SortKey.From,
                "SIZE" => SortKey.Size,
                "SUBJECT" => SortKey.Subject,
                "TO" => SortKey.To,
                "DISPLAYFROM" => SortKey.DisplayFrom,
                "DISPLAYTO" => SortKey.DisplayTo,
                _ => throw args.Bad($"unknown sort key {name}"),
            };
            order.Add(new SortCriterion(key, reverse));
        }
        while (!list.AtEnd);

        var charset = args.AString("charset").ToUpperInvariant();
        var criteria = SearchKeyParser.ParseProgram(args, SearchCharset.Resolve(charset, args));
        return new SortCommand(args.Tag, byUid, order, charset, returns, criteria);
    }
}
