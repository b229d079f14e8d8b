using Preau.Imap.Protocol.Syntax;
using Preau.Imap.Protocol.Writing;

namespace Preau.Imap.Protocol.Reading;

/// <summary>Builds one command from its lines: the tag and name, then argument tokens, with
/// literals in between. Pure syntax; the reader feeds it and does the I/O.</summary>
/// <remarks>
/// <code>
/// command   = tag SP (command-any / command-auth / command-nonauth / command-select) CRLF
/// tag       = 1*&lt;any ASTRING-CHAR except "+"&gt;
/// </code>
/// A literal always ends its line; the command goes on in the next line, which therefore starts
/// right after a token (a space, a ")" or the end). A ")" may be followed by "]" with no space,
/// for <c>BODY[HEADER.FIELDS (From)]</c>, whose parts the fetch parser reassembles.
/// </remarks>
internal sealed class CommandAssembler
{
    private readonly Stack<List<ImapToken>> _open = new();
    private List<ImapToken> _arguments = [];
    private long _textLength;
    private long _literalTotal;

    public CommandAssembler(ImapReaderLimits limits) => Limits = limits;

    public ImapReaderLimits Limits { get; set; }

    public string? Tag { get; private set; }

    public string? Name { get; private set; }

    /// <summary>True between commands (nothing of a command read yet).</summary>
    public bool IsIdle => Tag is null;

    /// <summary>How many more bytes of command text (excluding literals) the limit allows.</summary>
    public long RemainingText => Limits.MaxLineLength - _textLength;

    /// <summary>Result of one line: a command, a literal to read, or an error.</summary>
    public readonly record struct Outcome(RawCommand? Command, LiteralAnnouncement? Literal, ImapError? Error);

    public void Reset()
    {
        _open.Clear();
        _arguments = [];
        _textLength = 0;
        _literalTotal = 0;
        Tag = null;
        Name = null;
    }

    /// <summary>Takes one line, CRLF removed. The memory is kept by the tokens: pass a fresh copy.</summary>
    public Outcome FeedLine(ReadOnlyMemory<byte> memory)
    {
        var line = memory.Span;
        _textLength += line.Length + 2;
        var pos = 0;
        var needSpace = true;
        if (Tag is null)
        {
            if (!TryReadHead(line, ref pos, out var error))
            {
                return new Outcome(null, null, error);
            }

            needSpace = false;
        }

        var afterList = false;
        while (pos < line.Length)
        {
            var b = line[pos];
            if (needSpace)
            {
                if (b == ' ')
                {
                    pos++;
                    needSpace = false;
                    continue;
                }

                if (b == ')')
                {
                    if (!TryClose(out var error))
                    {
                        return Fail(error);
                    }

                    pos++;
                    afterList = true;
                    continue;
                }

                if (!(b == ']' && afterList))
                {
                    return Fail($"Expected a space before '{Show(b)}'");
                }
            }

            afterList = false;
            needSpace = true;
            switch (b)
            {
                case (byte)' ':
                    return Fail("Unexpected space");
                case (byte)'(':
                    if (_open.Count >= Limits.MaxNestingDepth)
                    {
                        return Fail($"Parentheses nested deeper than {Limits.MaxNestingDepth}", ImapErrorKind.Bad, ResponseCode.Limit);
                    }

                    _open.Push(_arguments);
                    _arguments = [];
                    needSpace = false;
                    pos++;
                    break;
                case (byte)')':
                    // Only reached right after "(": the empty list.
                    if (!TryClose(out var closeError))
                    {
                        return Fail(closeError);
                    }

                    afterList = true;
                    pos++;
                    break;
                case (byte)'"':
                    if (!QuotedString.TryRead(memory, ref pos, out var quoted, out var quotedError))
                    {
                        return Fail(quotedError);
                    }

                    _arguments.Add(quoted);
                    break;
                case (byte)'{':
                case (byte)'~' when pos + 1 < line.Length && line[pos + 1] == '{':
                    return Announce(line, pos);
                default:
                    var start = pos;
                    while (pos < line.Length && ImapChars.IsTokenChar(line[pos]))
                    {
                        pos++;
                    }

                    if (pos == start)
                    {
                        return Fail(b >= 0x80
                            ? "8-bit characters are only allowed in quoted strings and literals"
                            : $"Unexpected character '{Show(b)}'");
                    }

                    _arguments.Add(ImapToken.Atom(memory[start..pos]));
                    break;
            }
        }

        if (_open.Count > 0)
        {
            return Fail("Missing ')'");
        }

        var command = new RawCommand(Tag!, Name!, _arguments);
        Reset();
        return new Outcome(command, null, null);
    }

    /// <summary>Adds the literal the last line announced.</summary>
    public void AddLiteral(ReadOnlyMemory<byte> content, bool binary)
    {
        _literalTotal += content.Length;
        _arguments.Add(ImapToken.Literal(content, binary));
    }

    private bool TryReadHead(ReadOnlySpan<byte> line, ref int pos, out ImapError? error)
    {
        error = null;
        while (pos < line.Length && line[pos] != ' ')
        {
            if (!ImapChars.IsTagChar(line[pos]))
            {
                error = new ImapError(ImapErrorKind.Bad, null, "Invalid tag");
                return false;
            }

            pos++;
        }

        if (pos == 0)
        {
            error = new ImapError(ImapErrorKind.Bad, null, "Missing tag");
            return false;
        }

        var tag = System.Text.Encoding.ASCII.GetString(line[..pos]);
        if (pos == line.Length)
        {
            error = new ImapError(ImapErrorKind.Bad, tag, "Missing command name");
            return false;
        }

        var nameStart = ++pos;
        while (pos < line.Length && ImapChars.IsAtomChar(line[pos]))
        {
            pos++;
        }

        if (pos == nameStart || (pos < line.Length && line[pos] != ' '))
        {
            error = new ImapError(ImapErrorKind.Bad, tag, pos == nameStart ? "Missing command name" : "Invalid command name");
            return false;
        }

        Tag = tag;
        Name = System.Text.Encoding.ASCII.GetString(line[nameStart..pos]).ToUpperInvariant();
        pos = Math.Min(pos + 1, line.Length);
        return true;
    }

    private Outcome Announce(ReadOnlySpan<byte> line, int pos)
    {
        var shape = LiteralAnnouncement.FindTrailing(line, out var literal, out var start);
        if (shape == LiteralAnnouncement.Shape.Malformed)
        {
            return Fail("Malformed literal size", ImapErrorKind.Fatal);
        }

        if (shape == LiteralAnnouncement.Shape.None || start != pos)
        {
            return Fail("A literal must end its line");
        }

        var isAppend = Name == "APPEND";
        // A literal is held in one array, so Array.MaxLength caps every limit.
        var limit = Math.Min(isAppend ? Limits.MaxLiteralSize : Limits.MaxArgumentLiteralSize, Array.MaxLength);
        if (literal.Size > limit || _literalTotal + literal.Size > Limits.MaxCommandLiteralSize)
        {
            // Synchronizing: the client waits, nothing to skip. Non-synchronizing: the reader skips it
            // when it is no larger than the largest literal we would ever accept, else closes.
            return Fail(
                $"Literal of {literal.Size} octets is over the limit of {Math.Min(limit, Limits.MaxCommandLiteralSize - _literalTotal)}",
                isAppend ? ImapErrorKind.No : ImapErrorKind.Bad, ResponseCode.TooBig);
        }

        if (literal.NonSynchronizing && literal.Size > Limits.MaxNonSynchronizingLiteralSize)
        {
            // LITERAL- (RFC 7888 §5): the literal is skipped, the command refused.
            return Fail($"Non-synchronizing literals are limited to {Limits.MaxNonSynchronizingLiteralSize} octets", ImapErrorKind.Bad, ResponseCode.TooBig);
        }

        if (literal.Binary && !isAppend)
        {
            return Fail("literal8 is only allowed in APPEND");
        }

        return new Outcome(null, literal, null);
    }

    private bool TryClose(out string error)
    {
        error = "";
        if (_open.Count == 0)
        {
            error = "Unexpected ')'";
            return false;
        }

        var list = ImapToken.List(_arguments);
        _arguments = _open.Pop();
        _arguments.Add(list);
        return true;
    }

    private Outcome Fail(string message, ImapErrorKind kind = ImapErrorKind.Bad, ResponseCode? code = null)
    {
        var error = new ImapError(kind, Tag, message, code);
        Reset();
        return new Outcome(null, null, error);
    }

    private static string Show(byte b) => b is >= 0x21 and < 0x7F ? ((char)b).ToString() : $"\\x{b:X2}";
}
