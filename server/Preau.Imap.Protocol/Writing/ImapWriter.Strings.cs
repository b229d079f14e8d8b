using System.Buffers;
using System.Buffers.Text;
using System.Text;
using System.Text.Unicode;
using Preau.Imap.Protocol.Syntax;

namespace Preau.Imap.Protocol.Writing;

/// <summary>Strings: the writer picks the wire form a value can safely take.</summary>
/// <remarks>
/// <code>
/// astring = 1*ASTRING-CHAR / string
/// string  = quoted / literal
/// nstring = string / nil
/// </code>
/// A quoted string cannot hold CR, LF or NUL, holds 8-bit text only under UTF8=ACCEPT (and then
/// only valid UTF-8), and gets unwieldy when long: any of these makes the string a literal.
/// </remarks>
public sealed partial class ImapWriter
{
    /// <summary>Writes an astring: an atom when possible (never for "NIL", which would read as nil), else a string.</summary>
    /// <param name="value">The text.</param>
    public ImapWriter AString(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return ImapChars.IsAStringAtom(value) && !value.Equals("NIL", StringComparison.OrdinalIgnoreCase)
            ? Atom(value)
            : String(value);
    }

    /// <summary>Writes a string, quoted or as a literal.</summary>
    /// <param name="value">The text.</param>
    public ImapWriter String(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var literal = value.Length > MaxQuotedLength;
        foreach (var c in value)
        {
            if (c is '\r' or '\n' or '\0' || (c >= 0x80 && !Utf8Enabled))
            {
                literal = true;
                break;
            }
        }

        if (literal)
        {
            return Literal(Encoding.UTF8.GetBytes(value));
        }

        Separate();
        var span = _output.GetSpan((value.Length * 4) + 2);
        var n = 0;
        span[n++] = (byte)'"';
        foreach (var rune in value.EnumerateRunes())
        {
            if (rune.Value is '"' or '\\')
            {
                span[n++] = (byte)'\\';
            }

            n += rune.EncodeToUtf8(span[n..]);
        }

        span[n++] = (byte)'"';
        _output.Advance(n);
        return this;
    }

    /// <summary>Writes raw octets as a string, quoted when they allow it, else as a literal.</summary>
    /// <param name="value">The octets, e.g. a header value as stored.</param>
    public ImapWriter String(ReadOnlySpan<byte> value)
    {
        var literal = value.Length > MaxQuotedLength || value.IndexOfAny("\r\n\0"u8) >= 0;
        if (!literal && value.IndexOfAnyExceptInRange((byte)0, (byte)0x7F) >= 0)
        {
            literal = !Utf8Enabled || !Utf8.IsValid(value);
        }

        if (literal)
        {
            return Literal(value);
        }

        Separate();
        var span = _output.GetSpan((value.Length * 2) + 2);
        var n = 0;
        span[n++] = (byte)'"';
        foreach (var b in value)
        {
            if (b is (byte)'"' or (byte)'\\')
            {
                span[n++] = (byte)'\\';
            }

            span[n++] = b;
        }

        span[n++] = (byte)'"';
        _output.Advance(n);
        return this;
    }

    /// <summary>Writes <c>NIL</c> for null, else a string.</summary>
    /// <param name="value">The text or null.</param>
    public ImapWriter NString(string? value) => value is null ? Nil() : String(value);

    /// <summary>Writes a literal: <c>{n}</c> CRLF and the octets.</summary>
    /// <param name="value">The octets.</param>
    public ImapWriter Literal(ReadOnlySpan<byte> value)
    {
        LiteralHeader(value.Length);
        _output.Write(value);
        return this;
    }

    /// <summary>Writes a literal from a sequence (e.g. a message body read from a pipe).</summary>
    /// <param name="value">The octets.</param>
    public ImapWriter Literal(ReadOnlySequence<byte> value)
    {
        LiteralHeader(value.Length);
        foreach (var segment in value)
        {
            _output.Write(segment.Span);
        }

        return this;
    }

    /// <summary>Writes only <c>{n}</c> CRLF (or <c>~{n}</c> CRLF); the caller then writes exactly
    /// <paramref name="length"/> octets with <see cref="Raw"/> or to the pipe, e.g. when streaming a large body.</summary>
    /// <param name="length">The number of octets that will follow.</param>
    /// <param name="binary">True for a literal8 (BINARY[…] content that may hold NUL, RFC 3516).</param>
    public ImapWriter LiteralHeader(long length, bool binary = false)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(length);
        Separate();
        var span = _output.GetSpan(26);
        var n = 0;
        if (binary)
        {
            span[n++] = (byte)'~';
        }

        span[n++] = (byte)'{';
        Utf8Formatter.TryFormat(length, span[n..], out var digits);
        n += digits;
        span[n++] = (byte)'}';
        span[n++] = (byte)'\r';
        span[n++] = (byte)'\n';
        _output.Advance(n);
        return this;
    }

    /// <summary>Writes a mailbox name: modified UTF-7 (or UTF-8 under UTF8=ACCEPT), as an astring.</summary>
    /// <param name="name">The name as a .NET string.</param>
    public ImapWriter Mailbox(string name) => AString(MailboxName.ToWire(name, Utf8Enabled));
}
