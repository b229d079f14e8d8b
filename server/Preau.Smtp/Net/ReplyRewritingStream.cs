using System.Text;
using System.Text.RegularExpressions;

namespace Preau.Smtp.Net;

/// <summary>SmtpServer appends ", N retry(ies) remaining." to every reply a filter throws; Préau's
/// replies already say what is wrong and what to do, so the suffix is removed on the way out.</summary>
internal sealed partial class ReplyRewritingStream(Stream inner, ConversationState state) : Stream
{
    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        state.Observe(buffer.Span);
        var text = Encoding.UTF8.GetString(buffer.Span);
        if (!text.Contains(" remaining.", StringComparison.Ordinal))
        {
            await inner.WriteAsync(buffer, cancellationToken);
            return;
        }

        await inner.WriteAsync(Encoding.UTF8.GetBytes(Suffix().Replace(text, "")), cancellationToken);
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override void Write(byte[] buffer, int offset, int count) =>
        WriteAsync(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();

    public override Task FlushAsync(CancellationToken cancellationToken) => inner.FlushAsync(cancellationToken);

    public override void Flush() => inner.Flush();

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    [GeneratedRegex(@", \d+ (retry\(ies\)|attempt\(s\)) remaining\.(?=\r\n)")]
    private static partial Regex Suffix();
}
