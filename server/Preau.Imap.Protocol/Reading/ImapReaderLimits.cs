namespace Preau.Imap.Protocol.Reading;

/// <summary>Limits that keep a hostile or broken client from exhausting memory.</summary>
/// <remarks>Each limit says what happens when it is crossed; the rule behind them all: a
/// synchronizing literal over the limit is refused before the client sends it (NO/BAD, the
/// connection stays), a non-synchronizing literal cannot be refused once announced, so one we
/// will not even read through is fatal (RFC 7888 §4: the server "can … close the connection").</remarks>
public sealed record ImapReaderLimits
{
    /// <summary>The defaults below.</summary>
    public static ImapReaderLimits Default { get; } = new();

    /// <summary>Longest command text, literal contents excluded, summed over its lines (default 64 KiB).
    /// Longer: BAD and the rest of the line is skipped.</summary>
    /// <remarks>RFC 7162 §4 asks servers to accept lines of at least 8192 octets.</remarks>
    public int MaxLineLength { get; init; } = 64 * 1024;

    /// <summary>Longest literal of an APPEND (default 64 MiB): the APPENDLIMIT. Larger and
    /// synchronizing: NO [TOOBIG]; larger and non-synchronizing: fatal.</summary>
    public long MaxLiteralSize { get; init; } = 64L * 1024 * 1024;

    /// <summary>Longest literal in any other command (default 1 MiB): a password or a search string
    /// needs no more. Larger: BAD [TOOBIG] (synchronizing) or the literal is read and dropped
    /// before BAD [TOOBIG] (non-synchronizing, up to <see cref="MaxLiteralSize"/>).</summary>
    public long MaxArgumentLiteralSize { get; init; } = 1024 * 1024;

    /// <summary>Most literal octets in one command (default 128 MiB), for MULTIAPPEND.</summary>
    public long MaxCommandLiteralSize { get; init; } = 128L * 1024 * 1024;

    /// <summary>Largest non-synchronizing literal: null for LITERAL+ (any size within the limits
    /// above), 4096 for LITERAL- (RFC 7888 §5). A larger one is read, dropped, and answered BAD [TOOBIG].</summary>
    public long? MaxNonSynchronizingLiteralSize { get; init; }

    /// <summary>Deepest parenthesis nesting (default 32). Deeper: BAD [LIMIT].</summary>
    public int MaxNestingDepth { get; init; } = 32;

    /// <summary>How much of an over-long line is skipped to find its end before giving up
    /// and closing the connection (default 4 MiB).</summary>
    public long MaxDiscardedLineLength { get; init; } = 4L * 1024 * 1024;
}
