using System.Buffers;
using System.Text;

namespace Preau.Imap.Protocol.Reading;

/// <summary>Bare lines, outside the command grammar: SASL responses and IDLE's DONE.</summary>
public sealed partial class ImapCommandReader
{
    /// <summary>Reads one bare line: an AUTHENTICATE response (RFC 9051 §6.2.2) or IDLE's <c>DONE</c>.</summary>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>The line without CRLF, as UTF-8 text; null at the end of the stream.</returns>
    /// <exception cref="ImapProtocolException">The line is longer than <see cref="ImapReaderLimits.MaxLineLength"/>.</exception>
    public async ValueTask<string?> ReadLineAsync(CancellationToken cancellationToken = default)
    {
        if (_state == State.Faulted || !_assembler.IsIdle || _state != State.Line)
        {
            throw new InvalidOperationException("A command is being read");
        }

        while (true)
        {
            var read = await _input.ReadAsync(cancellationToken);
            var buffer = read.Buffer;
            var lf = buffer.PositionOf((byte)'\n');
            var length = lf is null ? buffer.Length : buffer.Slice(0, lf.Value).Length;
            if (length > Limits.MaxLineLength)
            {
                _input.AdvanceTo(buffer.End);
                Fault(new ImapError(ImapErrorKind.Fatal, null, "Line too long"));
                throw new ImapProtocolException("Line too long");
            }

            if (lf is not null)
            {
                var line = buffer.Slice(0, lf.Value).ToArray().AsSpan();
                _input.AdvanceTo(buffer.GetPosition(1, lf.Value));
                return Encoding.UTF8.GetString(line.EndsWith("\r"u8) ? line[..^1] : line);
            }

            _input.AdvanceTo(buffer.Start, buffer.End);
            if (read.IsCompleted || read.IsCanceled)
            {
                return null;
            }
        }
    }
}
