using System.Text;

namespace Preau.Imap.Protocol.Reading;

/// <summary>One argument of a command, as read from the wire. Immutable.</summary>
/// <remarks>The reader only splits the line; the meaning of a token (astring, number, flag…) is
/// decided by the command's parser, because IMAP's grammar depends on the position.</remarks>
public sealed class ImapToken
{
    private static readonly IReadOnlyList<ImapToken> NoItems = [];
    private string? _text;

    private ImapToken(ImapTokenKind kind, ReadOnlyMemory<byte> bytes, IReadOnlyList<ImapToken> items, bool binary)
    {
        Kind = kind;
        Bytes = bytes;
        Items = items;
        IsBinary = binary;
    }

    /// <summary>What the token is.</summary>
    public ImapTokenKind Kind { get; }

    /// <summary>The raw bytes: the atom, the unescaped quoted content or the literal's octets.
    /// Empty for a list.</summary>
    public ReadOnlyMemory<byte> Bytes { get; }

    /// <summary>The tokens of a list; empty for other kinds.</summary>
    public IReadOnlyList<ImapToken> Items { get; }

    /// <summary>True for a literal8 (<c>~{n}</c>, RFC 3516), which may hold NUL octets.</summary>
    public bool IsBinary { get; }

    /// <summary>The bytes as UTF-8 text. Invalid sequences become U+FFFD: 8-bit garbage never throws.</summary>
    public string Text => _text ??= Encoding.UTF8.GetString(Bytes.Span);

    /// <summary>True for a quoted string or a literal.</summary>
    public bool IsString => Kind is ImapTokenKind.Quoted or ImapTokenKind.Literal;

    /// <summary>True for the atom <c>NIL</c> (any case). A quoted "NIL" is a string, not nil.</summary>
    public bool IsNil => IsAtom("NIL");

    /// <summary>True when the token is an atom equal to <paramref name="value"/>, ignoring ASCII case.</summary>
    /// <param name="value">An ASCII keyword.</param>
    public bool IsAtom(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (Kind != ImapTokenKind.Atom || Bytes.Length != value.Length)
        {
            return false;
        }

        var span = Bytes.Span;
        for (var i = 0; i < span.Length; i++)
        {
            if (char.ToUpperInvariant((char)span[i]) != char.ToUpperInvariant(value[i]))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>A short wire-like form for logs and messages (literals are not shown).</summary>
    public override string ToString() => Kind switch
    {
        ImapTokenKind.Atom => Text,
        ImapTokenKind.Quoted => "\"" + Text + "\"",
        ImapTokenKind.Literal => (IsBinary ? "~{" : "{") + Bytes.Length + "}",
        _ => "(" + string.Join(' ', Items) + ")",
    };

    internal static ImapToken Atom(ReadOnlyMemory<byte> bytes) => new(ImapTokenKind.Atom, bytes, NoItems, false);

    internal static ImapToken Quoted(ReadOnlyMemory<byte> bytes) => new(ImapTokenKind.Quoted, bytes, NoItems, false);

    internal static ImapToken Literal(ReadOnlyMemory<byte> bytes, bool binary) => new(ImapTokenKind.Literal, bytes, NoItems, binary);

    internal static ImapToken List(IReadOnlyList<ImapToken> items) => new(ImapTokenKind.List, default, items, false);
}
