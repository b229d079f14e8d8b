using System.Text;
using Preau.Imap.Protocol.Reading;
using Preau.Imap.Protocol.Syntax;

namespace Preau.Imap.Protocol.Commands;

/// <summary>A cursor over a command's argument tokens, with one method per grammar element.
/// Every method throws <see cref="ImapCommandException"/> (BAD) with a message naming what was
/// expected, so parsers read as the ABNF they implement.</summary>
internal sealed class ArgumentReader
{
    private readonly IReadOnlyList<ImapToken> _tokens;
    private int _index;

    public ArgumentReader(string tag, string command, CommandParserOptions options, IReadOnlyList<ImapToken> tokens)
    {
        Tag = tag;
        Command = command;
        Options = options;
        _tokens = tokens;
    }

    public string Tag { get; }

    /// <summary>The command's name, for messages ("UID FETCH: …").</summary>
    public string Command { get; }

    public CommandParserOptions Options { get; }

    public bool AtEnd => _index >= _tokens.Count;

    public ImapToken? Peek() => AtEnd ? null : _tokens[_index];

    public ImapToken Next(string what) => AtEnd ? throw Bad($"missing {what}") : _tokens[_index++];

    /// <summary>Consumes the next token when it is the atom <paramref name="keyword"/> (any case).</summary>
    public bool TryAtom(string keyword)
    {
        if (Peek()?.IsAtom(keyword) != true)
        {
            return false;
        }

        _index++;
        return true;
    }

    public bool PeekIsList => Peek()?.Kind == ImapTokenKind.List;

    /// <summary>An atom, upper-cased: a keyword.</summary>
    public string Keyword(string what)
    {
        var token = Next(what);
        return token.Kind == ImapTokenKind.Atom ? token.Text.ToUpperInvariant() : throw Bad($"{what} expected, got {token}");
    }

    /// <summary>astring = 1*ASTRING-CHAR / string.</summary>
    public string AString(string what) => AString(what, Encoding.UTF8);

    /// <summary>An astring whose string form is decoded with <paramref name="encoding"/> (SEARCH CHARSET).</summary>
    public string AString(string what, Encoding encoding)
    {
        var token = Next(what);
        return token.Kind switch
        {
            ImapTokenKind.Atom when ImapChars.IsAStringAtom(token.Text) => token.Text,
            ImapTokenKind.Quoted or ImapTokenKind.Literal when !token.IsBinary => encoding.GetString(token.Bytes.Span),
            _ => throw Bad($"{what} expected, got {token}"),
        };
    }

    /// <summary>string = quoted / literal.</summary>
    public ImapToken StringToken(string what)
    {
        var token = Next(what);
        return token.IsString && !token.IsBinary ? token : throw Bad($"{what} must be a quoted string or a literal, got {token}");
    }

    /// <summary>nstring = string / nil.</summary>
    public string? NString(string what)
    {
        if (Peek()?.IsNil == true)
        {
            _index++;
            return null;
        }

        return StringToken(what).Text;
    }

    public uint NzNumber(string what) =>
        ImapNumber.TryParseNz(AtomText(what), out var n) ? n : throw Bad($"{what} must be a non-zero number");

    /// <summary>number64 (RFC 9051), also mod-sequence-valzer (RFC 7162): 0 to 2^63-1.</summary>
    public ulong Number64(string what) =>
        ImapNumber.TryParse64(AtomText(what), out var n) ? n : throw Bad($"{what} must be a number below 2^63");

    /// <summary>mod-sequence-value: 1 to 2^63-1 (RFC 7162 §7).</summary>
    public ulong ModSeq(string what)
    {
        var value = Number64(what);
        return value > 0 ? value : throw Bad($"{what} must not be 0");
    }

    public SequenceSet SequenceSet(string what) =>
        Syntax.SequenceSet.TryParse(AtomText(what), out var set) ? set : throw Bad($"{what} is not a valid sequence set");

    /// <summary>mailbox = "INBOX" / astring, decoded from modified UTF-7 unless UTF8=ACCEPT or IMAP4rev2 is on.</summary>
    public string Mailbox(string what = "mailbox name")
    {
        var token = Peek();
        var name = AString(what);
        return DecodeMailbox(token!, name, what);
    }

    /// <summary>list-mailbox = 1*list-char / string: a LIST pattern, wildcards allowed.</summary>
    public string ListMailbox(string what = "mailbox pattern")
    {
        var token = Next(what);
        var wire = token.Kind switch
        {
            ImapTokenKind.Atom when token.Text.All(c => ImapChars.IsListChar(c)) => token.Text,
            ImapTokenKind.Quoted or ImapTokenKind.Literal when !token.IsBinary => token.Text,
            _ => throw Bad($"{what} expected, got {token}"),
        };
        return DecodeMailbox(token, wire, what);
    }

    /// <summary>A parenthesized list: a reader over its items.</summary>
    public ArgumentReader List(string what)
    {
        var token = Next(what);
        return token.Kind == ImapTokenKind.List
            ? new ArgumentReader(Tag, Command, Options, token.Items)
            : throw Bad($"{what} must be a parenthesized list, got {token}");
    }

    /// <summary>flag-list = "(" [flag *(SP flag)] ")".</summary>
    public IReadOnlyList<string> FlagList(string what = "flag list")
    {
        var list = List(what);
        var flags = new List<string>();
        while (!list.AtEnd)
        {
            flags.Add(list.Flag("flag"));
        }

        return flags;
    }

    public string Flag(string what)
    {
        var text = AtomText(what);
        // "\*" only appears in PERMANENTFLAGS; "\Recent" is the server's alone (RFC 3501 §2.3.2).
        return ImapFlags.TryNormalize(text, out var flag) && flag is not (ImapFlags.AnyKeyword or ImapFlags.Recent)
            ? flag
            : throw Bad($"'{text}' is not a flag a client may set");
    }

    /// <summary>date-time, always quoted.</summary>
    public DateTimeOffset DateTime(string what)
    {
        var token = Next(what);
        return token.Kind == ImapTokenKind.Quoted && ImapDateTime.TryParseDateTime(token.Text, out var value)
            ? value
            : throw Bad($"{what} must be a quoted date-time like \"17-Jul-1996 02:44:25 -0700\"");
    }

    /// <summary>date = date-text / DQUOTE date-text DQUOTE.</summary>
    public DateOnly Date(string what)
    {
        var token = Next(what);
        return token.Kind is ImapTokenKind.Atom or ImapTokenKind.Quoted && ImapDateTime.TryParseDate(token.Text, out var value)
            ? value
            : throw Bad($"{what} must be a date like 1-Feb-1994");
    }

    /// <summary>Fails unless every token has been read.</summary>
    public void End()
    {
        if (!AtEnd)
        {
            throw Bad($"unexpected argument {_tokens[_index]}");
        }
    }

    public ImapCommandException Bad(string message) =>
        new(new ImapError(ImapErrorKind.Bad, Tag, $"{Command}: {message}"));

    /// <summary>An atom as sent (case kept).</summary>
    public string Atom(string what) => AtomText(what);

    private string AtomText(string what)
    {
        var token = Next(what);
        return token.Kind == ImapTokenKind.Atom ? token.Text : throw Bad($"{what} expected, got {token}");
    }

    private string DecodeMailbox(ImapToken token, string wire, string what)
    {
        if (Options.Utf8MailboxNames)
        {
            // Decoding replaced invalid sequences with U+FFFD: a name must be real UTF-8 (RFC 3629).
            return System.Text.Unicode.Utf8.IsValid(token.Bytes.Span) && MailboxName.TryFromWire(wire, utf8: true, out var utf8Name)
                ? utf8Name
                : throw Bad($"{what} is not valid UTF-8");
        }

        return MailboxName.TryFromWire(wire, utf8: false, out var name)
            ? name
            : throw Bad($"{what} '{wire}' is not valid modified UTF-7 (RFC 3501 §5.1.3)");
    }
}
