using System.Buffers;
using System.Text;
using Preau.Imap.Protocol.Syntax;
using Preau.Imap.Protocol.Writing;

namespace Preau.Imap.Protocol.Reading;

/// <summary>Recovery after a failed command: skip its remaining bytes so that the next command is
/// read from its first byte, or give up on the connection when that cannot be done safely.</summary>
/// <remarks>Resynchronizing matters for security: a server that answers BAD and then reads an
/// unread literal as commands lets a client smuggle commands (CRLF injection).</remarks>
public sealed partial class ImapCommandReader
{
    private ImapReadResult? SkipLine(ref ReadOnlySequence<byte> buffer, out bool needMore)
    {
        needMore = false;
        var lf = buffer.PositionOf((byte)'\n');
        var segment = lf is null ? buffer : buffer.Slice(0, lf.Value);
        KeepTail(segment);
        _discarded += segment.Length;
        buffer = lf is null ? buffer.Slice(buffer.End) : buffer.Slice(buffer.GetPosition(1, lf.Value));
        if (_discarded > Limits.MaxDiscardedLineLength)
        {
            needMore = true;
            return Fault(new ImapError(ImapErrorKind.Fatal, _pending?.Tag, "Line too long"));
        }

        if (lf is null)
        {
            needMore = true;
            return null;
        }

        var tail = _tail.AsSpan(0, _tailLength);
        return EndOfFailedLine(_pending!, tail.EndsWith("\r"u8) ? tail[..^1] : tail);
    }

    /// <summary>The command failed at the end of <paramref name="line"/>. If a non-synchronizing
    /// literal follows, it and the rest of the command are skipped before answering.</summary>
    private ImapReadResult? EndOfFailedLine(ImapError error, ReadOnlySpan<byte> line)
    {
        _assembler.Reset();
        if (error.IsFatal)
        {
            return Fault(error);
        }

        var shape = LiteralAnnouncement.FindTrailing(line, out var literal, out _);
        if (shape == LiteralAnnouncement.Shape.Malformed)
        {
            return Fault(error with { Kind = ImapErrorKind.Fatal, Message = "Malformed literal size" });
        }

        if (shape == LiteralAnnouncement.Shape.Valid && literal.NonSynchronizing)
        {
            if (literal.Size > Limits.MaxLiteralSize)
            {
                return Fault(error with { Kind = ImapErrorKind.Fatal, Message = "Literal too large" });
            }

            _pending = error;
            _skipRemaining = literal.Size;
            _state = State.SkipLiteral;
            return null;
        }

        // No literal, or a synchronizing one: the client sends nothing until it hears from us.
        _state = State.Line;
        _pending = null;
        return ImapReadResult.ForError(error);
    }

    private void StartSkippingLine(ImapError error)
    {
        _pending = error;
        _discarded = 0;
        _tailLength = 0;
        _state = State.SkipLine;
    }

    private ImapError TooLong(ReadOnlySequence<byte> start)
    {
        var tag = _assembler.Tag ?? TagOf(start);
        _assembler.Reset();
        return new ImapError(ImapErrorKind.Bad, tag, $"Command line longer than {Limits.MaxLineLength} octets", ResponseCode.Limit);
    }

    private static string? TagOf(ReadOnlySequence<byte> line)
    {
        Span<byte> head = stackalloc byte[(int)Math.Min(line.Length, 64)];
        line.Slice(0, head.Length).CopyTo(head);
        var space = head.IndexOf((byte)' ');
        if (space <= 0)
        {
            return null;
        }

        foreach (var b in head[..space])
        {
            if (!ImapChars.IsTagChar(b))
            {
                return null;
            }
        }

        return Encoding.ASCII.GetString(head[..space]);
    }

    private void KeepTail(ReadOnlySequence<byte> chunk)
    {
        if (chunk.Length >= _tail.Length)
        {
            chunk.Slice(chunk.Length - _tail.Length).CopyTo(_tail);
            _tailLength = _tail.Length;
            return;
        }

        var added = (int)chunk.Length;
        var kept = Math.Min(_tailLength, _tail.Length - added);
        _tail.AsSpan(_tailLength - kept, kept).CopyTo(_tail);
        chunk.CopyTo(_tail.AsSpan(kept));
        _tailLength = kept + added;
    }
}
