using Preau.Imap.Protocol.Search;

namespace Preau.Imap.Protocol.Commands;

/// <summary>A threading algorithm (RFC 5256 §3).</summary>
public enum ThreadAlgorithm
{
    /// <summary><c>ORDEREDSUBJECT</c>: group by base subject, order by date.</summary>
    OrderedSubject,

    /// <summary><c>REFERENCES</c>: the Message-ID / References / In-Reply-To algorithm.</summary>
    References,
}

/// <summary><c>THREAD</c> / <c>UID THREAD</c> searches and threads (RFC 5256).</summary>
/// <param name="Tag">The client's tag.</param>
/// <param name="ByUid">True for UID THREAD.</param>
/// <param name="Algorithm">The algorithm.</param>
/// <param name="Charset">The charset, upper case.</param>
/// <param name="Criteria">The search program.</param>
/// <remarks>
/// <code>
/// thread     = ["UID" SP] "THREAD" SP thread-alg SP search-criteria
/// thread-alg = "ORDEREDSUBJECT" / "REFERENCES" / thread-alg-ext
/// </code>
/// An algorithm the server does not advertise is a BAD.
/// </remarks>
public sealed record ThreadCommand(string Tag, bool ByUid, ThreadAlgorithm Algorithm, string Charset, SearchKey Criteria) : ImapCommand(Tag)
{
    /// <inheritdoc />
    public override string Name => ByUid ? "UID THREAD" : "THREAD";

    internal static ThreadCommand Parse(ArgumentReader args, bool byUid)
    {
        var name = args.Keyword("threading algorithm");
        var algorithm = name switch
        {
            "ORDEREDSUBJECT" => ThreadAlgorithm.OrderedSubject,
            "REFERENCES" => ThreadAlgorithm.References,
            _ => throw args.Bad($"unknown threading algorithm {name}"),
        };
        var charset = args.AString("charset").ToUpperInvariant();
        var criteria = SearchKeyParser.ParseProgram(args, SearchCharset.Resolve(charset, args));
        return new ThreadCommand(args.Tag, byUid, algorithm, charset, criteria);
    }
}
