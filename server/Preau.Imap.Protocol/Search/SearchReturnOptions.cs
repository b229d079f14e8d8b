namespace Preau.Imap.Protocol.Search;

/// <summary>ESEARCH return options: <c>SEARCH RETURN (MIN MAX ALL COUNT SAVE)</c> (RFC 4731, RFC 5182, RFC 9051 §6.4.4).</summary>
[Flags]
public enum SearchReturnOptions
{
    /// <summary>None given.</summary>
    None = 0,

    /// <summary><c>MIN</c>: the lowest matching number.</summary>
    Min = 1,

    /// <summary><c>MAX</c>: the highest matching number.</summary>
    Max = 2,

    /// <summary><c>ALL</c>: all matches as a sequence set (also what <c>RETURN ()</c> means).</summary>
    All = 4,

    /// <summary><c>COUNT</c>: the number of matches.</summary>
    Count = 8,

    /// <summary><c>SAVE</c>: keep the result for <c>$</c> (SEARCHRES, RFC 5182).</summary>
    Save = 16,
}
