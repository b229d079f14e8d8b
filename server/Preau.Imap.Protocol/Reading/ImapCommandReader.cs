using System.Buffers;
using System.IO.Pipelines;

namespace Preau.Imap.Protocol.Reading;

/// <summary>Reads commands from the client, one complete command (literals included) at a time.</summary>
/// <remarks>
/// The literal handshake (RFC 9051 §4.3, §7.5): when a line ends with a synchronizing literal
/// <c>{n}</c>, the client sends nothing more until it sees a continuation request. The reader then
/// returns <see cref="ImapReadStatus.ContinuationRequired"/>; the session writes
/// <c>+ Ready for literal data</c> and calls <see cref="ReadCommandAsync"/> again, which goes on with
/// the same command, or calls <see cref="RejectLiteral"/> and answers the tag with NO/BAD (the client
/// then drops the command). Non-synchronizing literals <c>{n+}</c> (LITERAL+, RFC 7888) are read at
/// once. Errors never throw: they come back as <see cref="ImapReadStatus.Error"/>, with the bytes of
/// the failed command already skipped when the stream can be trusted, or as a fatal error when not.
/// Not thread-safe: one reader per connection, one call at a time.
/// </remarks>
public sealed partial class ImapCommandReader
{
    // Literal buffers grow as data arrives, so a large announcement alone costs no memory.
    private const int InitialLiteralBuffer = 64 * 1024;

    private readonly PipeReader _input;
    private readonly CommandAssembler _assembler;
    private readonly byte[] _tail = new byte[32];
    private State _state;
    private ImapError? _pending;
    private LiteralAnnouncement _literal;
    private byte[] _literalData = [];
    private long _literalFilled;
    private long _skipRemaining;
    private long _discarded;
    private int _tailLength;

    /// <summary>Creates a reader over a pipe.</summary>
    /// <param name="input">The connection's input; the reader does not complete it.</param>
    /// <param name="limits">Limits, <see cref="ImapReaderLimits.Default"/> when null.</param>
    public ImapCommandReader(PipeReader input, ImapReaderLimits? limits = null)
    {
        ArgumentNullException.ThrowIfNull(input);
        _input = input;
        _assembler = new CommandAssembler(limits ?? ImapReaderLimits.Default);
    }

    /// <summary>Creates a reader over a stream (left open).</summary>
    /// <param name="input">The connection's stream, e.g. an <c>SslStream</c>.</param>
    /// <param name="limits">Limits, <see cref="ImapReaderLimits.Default"/> when null.</param>
    public ImapCommandReader(Stream input, ImapReaderLimits? limits = null)
        : this(PipeReader.Create(input, new StreamPipeReaderOptions(leaveOpen: true)), limits)
    {
    }

    private enum State
    {
        Line,
        AwaitingContinuation,
        Literal,
        SkipLiteral,
        SkipLine,
        Faulted,
    }

    /// <summary>The limits in force; may be changed between commands (e.g. wider after login).</summary>
    public ImapReaderLimits Limits
    {
        get => _assembler.Limits;
        set => _assembler.Limits = value ?? throw new ArgumentNullException(nameof(value));
    }

    /// <summary>Reads the next command, or goes on with the current one after a continuation request.</summary>
    /// <param name="cancellationToken">Cancels the wait for data (e.g. an idle timeout).</param>
    /// <returns>A command, a literal waiting for <c>+</c>, an error, or the end of the stream.</returns>
    public async ValueTask<ImapReadResult> ReadCommandAsync(CancellationToken cancellationToken = default)
    {
        if (_state == State.Faulted)
        {
            return ImapReadResult.ForError(_pending!);
        }

        if (_state == State.AwaitingContinuation)
        {
            _state = State.Literal;
        }

        while (true)
        {
            var read = await _input.ReadAsync(cancellationToken);
            if (read.IsCanceled)
            {
                throw new OperationCanceledException("The read was cancelled");
            }

            var buffer = read.Buffer;
            var result = Process(ref buffer);
            if (result is not null)
            {
                // Whatever follows (pipelined commands) stays unexamined for the next call.
                _input.AdvanceTo(buffer.Start);
                return result;
            }

            _input.AdvanceTo(buffer.Start, buffer.End);
            if (read.IsCompleted)
            {
                _assembler.Reset();
                return ImapReadResult.EndOfStream;
            }
        }
    }

    /// <summary>Refuses the literal of the last <see cref="ImapReadStatus.ContinuationRequired"/>: the
    /// command is dropped. The session then sends the tagged NO or BAD (e.g. <c>NO [TOOBIG]</c>).</summary>
    /// <exception cref="InvalidOperationException">No literal is waiting.</exception>
    public void RejectLiteral()
    {
        if (_state != State.AwaitingContinuation)
        {
            throw new InvalidOperationException("No literal is waiting for a continuation request");
        }

        _assembler.Reset();
        _literalData = [];
        _state = State.Line;
    }

    /// <summary>Completes the underlying pipe reader (the stream, if any, stays open).</summary>
    public ValueTask CompleteAsync() => _input.CompleteAsync();

    private ImapReadResult? Process(ref ReadOnlySequence<byte> buffer)
    {
        while (true)
        {
            ImapReadResult? result;
            switch (_state)
            {
                case State.Faulted:
                    return ImapReadResult.ForError(_pending!);
                case State.Line:
                    var lf = buffer.PositionOf((byte)'\n');
                    if (lf is null)
                    {
                        if (buffer.Length <= _assembler.RemainingText)
                        {
                            return null;
                        }

                        // No end in sight within the limit: answer BAD once the line ends.
                        StartSkippingLine(TooLong(buffer));
                        continue;
                    }

                    var line = buffer.Slice(0, lf.Value);
                    buffer = buffer.Slice(buffer.GetPosition(1, lf.Value));
                    result = OnLine(line);
                    break;
                case State.Literal:
                    result = null;
                    if (!ReadLiteral(ref buffer))
                    {
                        return null;
                    }

                    break;
                case State.SkipLiteral:
                    var skip = Math.Min(buffer.Length, _skipRemaining);
                    buffer = buffer.Slice(skip);
                    _skipRemaining -= skip;
                    if (_skipRemaining > 0)
                    {
                        return null;
                    }

                    StartSkippingLine(_pending!);
                    continue;
                case State.SkipLine:
                    result = SkipLine(ref buffer, out var needMore);
                    if (needMore)
                    {
                        return result;
                    }

                    break;
                default:
                    throw new InvalidOperationException("Read again only after answering the literal request");
            }

            if (result is not null)
            {
                return result;
            }
        }
    }

    private ImapReadResult? OnLine(ReadOnlySequence<byte> line)
    {
        if (line.Length > _assembler.RemainingText)
        {
            // Too long: only its end matters (does a literal follow?), so nothing else is copied.
            var error = TooLong(line);
            Span<byte> tail = stackalloc byte[(int)Math.Min(line.Length, _tail.Length)];
            line.Slice(line.Length - tail.Length).CopyTo(tail);
            return EndOfFailedLine(error, tail.EndsWith("\r"u8) ? tail[..^1] : tail);
        }

        var bytes = line.ToArray();
        var length = bytes.Length > 0 && bytes[^1] == '\r' ? bytes.Length - 1 : bytes.Length;
        var content = bytes.AsMemory(0, length);
        if (length + 2 > _assembler.RemainingText)
        {
            return EndOfFailedLine(TooLong(line), content.Span);
        }

        if (length == 0 && _assembler.IsIdle)
        {
            return null; // Blank lines between commands are harmless; skip them.
        }

        var outcome = _assembler.FeedLine(content);
        if (outcome.Command is not null)
        {
            return ImapReadResult.ForCommand(outcome.Command);
        }

        if (outcome.Literal is { } literal)
        {
            _literal = literal;
            _literalFilled = 0;
            _literalData = new byte[Math.Min(literal.Size, InitialLiteralBuffer)];
            _state = literal.NonSynchronizing ? State.Literal : State.AwaitingContinuation;
            return literal.NonSynchronizing
                ? null
                : ImapReadResult.ForLiteral(new LiteralRequest(_assembler.Tag!, _assembler.Name!, literal.Size, literal.Binary));
        }

        return EndOfFailedLine(outcome.Error!, content.Span);
    }

    private bool ReadLiteral(ref ReadOnlySequence<byte> buffer)
    {
        var take = (int)Math.Min(buffer.Length, _literal.Size - _literalFilled);
        if (_literalFilled + take > _literalData.Length)
        {
            var size = Math.Min(_literal.Size, Math.Max(_literalData.Length * 2L, _literalFilled + take));
            Array.Resize(ref _literalData, (int)size);
        }

        buffer.Slice(0, take).CopyTo(_literalData.AsSpan((int)_literalFilled));
        buffer = buffer.Slice(take);
        _literalFilled += take;
        if (_literalFilled < _literal.Size)
        {
            return false;
        }

        _assembler.AddLiteral(_literalData, _literal.Binary);
        _literalData = [];
        _state = State.Line;
        return true;
    }

    private ImapReadResult Fault(ImapError error)
    {
        _assembler.Reset();
        _literalData = [];
        _pending = error with { Kind = ImapErrorKind.Fatal };
        _state = State.Faulted;
        return ImapReadResult.ForError(_pending);
    }
}
