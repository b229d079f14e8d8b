using System.Text;

namespace Preau.Smtp.Net;

/// <summary>Reads the client's bytes for SmtpServer and answers, in its place, three inputs that
/// would otherwise end the session without a reply (SmtpServer 11.1 faults or waits on them):
/// a duplicate ESMTP parameter (<c>MAIL FROM:&lt;a@b&gt; SIZE=1 SIZE=2</c>: answered 501 and dropped),
/// an AUTH response that is not base64 (replaced by an empty credential, so the login fails with
/// 535 and the session goes on), and an empty message (<c>DATA</c>, then <c>.</c> at once: RFC 5321
/// §4.1.1.4 counts the CRLF after DATA as the start of the terminator, SmtpServer waits for another).</summary>
/// <remarks>Everything else passes through unchanged. A reply of ours is written only when SmtpServer
/// asks for more input, that is once it has answered every command before the dropped one, so
/// pipelined replies keep their order.</remarks>
internal sealed class InputGuardStream(Stream inner, Stream output, ConversationState state) : Stream
{
    private const int MaxLine = 4096;
    private static readonly byte[] Terminator = "\r\n.\r\n"u8.ToArray();
    private static readonly byte[] EmptyCredentials = "AAA=\r\n"u8.ToArray();
    private readonly byte[] _read = new byte[16 * 1024];
    private readonly MemoryStream _ready = new();
    private readonly List<byte> _line = [];
    private readonly List<byte> _held = [];
    private byte[]? _pendingReply;
    private long _bodyBytes;
    private int _readyOffset;
    private int _terminatorMatched;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        while (true)
        {
            if (_pendingReply is { } reply)
            {
                _pendingReply = null;
                await output.WriteAsync(reply, cancellationToken);
                await output.FlushAsync(cancellationToken);

                // What came after the dropped command is read as if it had just arrived.
                var held = _held.ToArray();
                _held.Clear();
                Process(held);
                continue;
            }

            if (_readyOffset < _ready.Length)
            {
                var available = (int)_ready.Length - _readyOffset;
                var count = Math.Min(available, buffer.Length);
                _ready.GetBuffer().AsMemory(_readyOffset, count).CopyTo(buffer);
                _readyOffset += count;
                if (_readyOffset == _ready.Length)
                {
                    _ready.SetLength(0);
                    _readyOffset = 0;
                }

                return count;
            }

            var read = await inner.ReadAsync(_read, cancellationToken);
            if (read == 0)
            {
                // End of stream: hand over a partial line as is.
                if (_line.Count > 0)
                {
                    _ready.Write(_line.ToArray());
                    _line.Clear();
                    continue;
                }

                return 0;
            }

            Process(_read.AsSpan(0, read));
        }
    }

    public override int Read(byte[] buffer, int offset, int count) =>
        ReadAsync(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    private void Process(ReadOnlySpan<byte> bytes)
    {
        for (var i = 0; i < bytes.Length; i++)
        {
            var b = bytes[i];
            if (_pendingReply is not null)
            {
                // A dropped command waits for its reply: keep what follows for the next read.
                _held.Add(b);
                continue;
            }

            switch (state.Mode)
            {
                case ConversationState.Data when _terminatorMatched == 0:
                    // Most of a body: copy up to the next CR in one go, only CRs need looking at.
                    var rest = bytes[i..];
                    var cr = rest.IndexOf((byte)'\r');
                    var run = cr < 0 ? rest.Length : cr;
                    _ready.Write(rest[..run]);
                    _bodyBytes += run;
                    i += run - 1;
                    if (cr >= 0)
                    {
                        i++;
                        Body(bytes[i]);
                    }

                    break;
                case ConversationState.DataStart:
                case ConversationState.Data:
                    Body(b);
                    break;
                default:
                    _line.Add(b);
                    if (b == (byte)'\n' || _line.Count >= MaxLine)
                    {
                        EndOfLine();
                    }

                    break;
            }
        }
    }

    private void Body(byte b)
    {
        if (state.Mode == ConversationState.DataStart)
        {
            state.Mode = ConversationState.Data;

            // The CRLF that ended "DATA" is the first two octets of the terminator.
            _terminatorMatched = 2;
            _bodyBytes = 0;
        }

        _ready.WriteByte(b);
        _bodyBytes++;
        _terminatorMatched = b == Terminator[_terminatorMatched] ? _terminatorMatched + 1 : b == '\r' ? 1 : 0;
        if (_terminatorMatched == Terminator.Length)
        {
            state.Mode = ConversationState.Commands;
            _terminatorMatched = 0;
            if (_bodyBytes == 3)
            {
                // ".\r\n" alone: an empty message. SmtpServer needs the CRLF it does not count.
                _ready.SetLength(_ready.Length - 3);
                _ready.Write(Terminator);
            }
        }
    }

    private void EndOfLine()
    {
        var line = _line.ToArray();
        _line.Clear();
        if (state.Mode == ConversationState.AuthResponse)
        {
            state.Mode = ConversationState.Commands;
            var text = Encoding.ASCII.GetString(line).TrimEnd('\r', '\n');
            _ready.Write(IsBase64(text) ? line : EmptyCredentials);
            return;
        }

        if (HasDuplicateParameter(line))
        {
            _pendingReply = "501 5.5.4 duplicate ESMTP parameter\r\n"u8.ToArray();
            return;
        }

        _ready.Write(line);
    }

    private static bool IsBase64(string text) =>
        text.Length > 0 && Convert.TryFromBase64String(text, new byte[text.Length], out _);

    private static bool HasDuplicateParameter(byte[] line)
    {
        if (line.Length < 10 || !(StartsWith(line, "MAIL FROM:") || StartsWith(line, "RCPT TO:")))
        {
            return false;
        }

        var text = Encoding.ASCII.GetString(line).TrimEnd('\r', '\n');
        var close = text.IndexOf('>', StringComparison.Ordinal);
        if (close < 0)
        {
            return false;
        }

        var keys = text[(close + 1)..].Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select(p => p.Split('=')[0].ToUpperInvariant())
            .ToArray();
        return keys.Distinct().Count() != keys.Length;
    }

    private static bool StartsWith(byte[] line, string prefix)
    {
        for (var i = 0; i < prefix.Length; i++)
        {
            if (char.ToUpperInvariant((char)line[i]) != prefix[i])
            {
                return false;
            }
        }

        return true;
    }
}
