using System.Buffers;
using System.Buffers.Text;
using Preau.Imap.Protocol.Syntax;

namespace Preau.Imap.Protocol.Writing;

/// <summary>Writes server responses straight into an <see cref="IBufferWriter{T}"/> (a <c>PipeWriter</c>),
/// without intermediate strings: numbers, dates and sequence sets are formatted in place.</summary>
/// <remarks>
/// A response is built token by token between a line start (<see cref="Untagged"/>,
/// <see cref="Tagged"/>) and <see cref="EndLine"/>; spaces between tokens are inserted
/// automatically (none after "(" or before ")"). Flushing is the caller's: for a long FETCH,
/// flush the pipe every few tens of kilobytes so memory stays flat.
/// <code>
/// writer.Untagged().Number(12).Atom("FETCH"u8).BeginList()
///       .Atom("UID"u8).Number(4827).Atom("FLAGS"u8).FlagList(flags)
///       .EndList().EndLine();        // * 12 FETCH (UID 4827 FLAGS (\Seen))
/// </code>
/// Not thread-safe: one writer per connection.
/// </remarks>
public sealed partial class ImapWriter
{
    private readonly IBufferWriter<byte> _output;
    private bool _needSpace;

    /// <summary>Creates a writer.</summary>
    /// <param name="output">Where bytes go, e.g. the connection's <c>PipeWriter</c>.</param>
    public ImapWriter(IBufferWriter<byte> output)
    {
        ArgumentNullException.ThrowIfNull(output);
        _output = output;
    }

    /// <summary>True once the client enabled <c>UTF8=ACCEPT</c> (or IMAP4rev2): mailbox names are sent
    /// in UTF-8 and UTF-8 strings may be quoted (RFC 9051 §9 QUOTED-CHAR).</summary>
    public bool Utf8Enabled { get; set; }

    /// <summary>Strings longer than this (in UTF-16 units) are sent as literals (default 1024).</summary>
    public int MaxQuotedLength { get; set; } = 1024;

    /// <summary>Starts an untagged response: <c>* </c>.</summary>
    public ImapWriter Untagged()
    {
        _output.Write("*"u8);
        _needSpace = true;
        return this;
    }

    /// <summary>Starts a tagged response.</summary>
    /// <param name="tag">The command's tag.</param>
    public ImapWriter Tagged(string tag)
    {
        ArgumentNullException.ThrowIfNull(tag);
        WriteAscii(tag);
        _needSpace = true;
        return this;
    }

    /// <summary>Ends the response line with CRLF.</summary>
    public void EndLine()
    {
        _output.Write("\r\n"u8);
        _needSpace = false;
    }

    /// <summary>Writes an atom (or any keyword) known to be valid, e.g. <c>"FETCH"u8</c>.</summary>
    /// <param name="atom">ASCII bytes.</param>
    public ImapWriter Atom(ReadOnlySpan<byte> atom)
    {
        Separate();
        _output.Write(atom);
        return this;
    }

    /// <summary>Writes an atom known to be valid, e.g. a flag or a capability.</summary>
    /// <param name="atom">ASCII text; other characters become "?".</param>
    public ImapWriter Atom(string atom)
    {
        ArgumentNullException.ThrowIfNull(atom);
        Separate();
        WriteAscii(atom);
        return this;
    }

    /// <summary>Writes a number.</summary>
    /// <param name="value">The number.</param>
    public ImapWriter Number(uint value)
    {
        Separate();
        var span = _output.GetSpan(10);
        Utf8Formatter.TryFormat(value, span, out var written);
        _output.Advance(written);
        return this;
    }

    /// <summary>Writes a 64-bit number (MODSEQ, SIZE, quotas).</summary>
    /// <param name="value">The number.</param>
    public ImapWriter Number(ulong value)
    {
        Separate();
        var span = _output.GetSpan(20);
        Utf8Formatter.TryFormat(value, span, out var written);
        _output.Advance(written);
        return this;
    }

    /// <summary>Writes <c>NIL</c>.</summary>
    public ImapWriter Nil() => Atom("NIL"u8);

    /// <summary>Opens a parenthesized list.</summary>
    public ImapWriter BeginList()
    {
        Separate();
        _output.Write("("u8);
        _needSpace = false;
        return this;
    }

    /// <summary>Closes a parenthesized list.</summary>
    public ImapWriter EndList()
    {
        _output.Write(")"u8);
        _needSpace = true;
        return this;
    }

    /// <summary>Writes a flag list, <c>(\Seen $Forwarded)</c>.</summary>
    /// <param name="flags">The flags, each a valid flag atom.</param>
    public ImapWriter FlagList(IEnumerable<string> flags)
    {
        ArgumentNullException.ThrowIfNull(flags);
        BeginList();
        foreach (var flag in flags)
        {
            Atom(flag);
        }

        return EndList();
    }

    /// <summary>Writes a quoted date-time, <c>"17-Jul-1996 02:44:25 -0700"</c>.</summary>
    /// <param name="value">The instant, with the offset to show.</param>
    public ImapWriter DateTime(DateTimeOffset value)
    {
        Separate();
        var span = _output.GetSpan(ImapDateTime.DateTimeLength + 2);
        span[0] = (byte)'"';
        ImapDateTime.TryFormatDateTime(value, span[1..], out var written);
        span[written + 1] = (byte)'"';
        _output.Advance(written + 2);
        return this;
    }

    /// <summary>Writes a sequence set, <c>1:5,7</c>.</summary>
    /// <param name="set">A non-empty set.</param>
    public ImapWriter Sequence(SequenceSet set)
    {
        ArgumentNullException.ThrowIfNull(set);
        Separate();
        var first = true;
        foreach (var range in set.Ranges)
        {
            if (!first)
            {
                _output.Write(","u8);
            }

            first = false;
            WriteSequenceNumber(range.Start);
            if (!range.IsSingle)
            {
                _output.Write(":"u8);
                WriteSequenceNumber(range.End);
            }
        }

        if (set.IncludesSavedResult)
        {
            _output.Write(first ? "$"u8 : ",$"u8);
        }

        return this;
    }

    /// <summary>Writes bytes as they are, with no space before them (e.g. a literal's content).</summary>
    /// <param name="bytes">The bytes.</param>
    public ImapWriter Raw(ReadOnlySpan<byte> bytes)
    {
        _output.Write(bytes);
        return this;
    }

    private void WriteSequenceNumber(uint n)
    {
        if (n == SequenceRange.Star)
        {
            _output.Write("*"u8);
            return;
        }

        var span = _output.GetSpan(10);
        Utf8Formatter.TryFormat(n, span, out var written);
        _output.Advance(written);
    }

    private void Separate()
    {
        if (_needSpace)
        {
            _output.Write(" "u8);
        }

        _needSpace = true;
    }

    private void WriteAscii(string text)
    {
        var span = _output.GetSpan(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            span[i] = c < 0x80 ? (byte)c : (byte)'?';
        }

        _output.Advance(text.Length);
    }
}
