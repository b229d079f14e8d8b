namespace Preau.Plugins.Directory.Reading;

/// <summary>A forward-only read of an inner stream that counts the bytes read and lets a subclass act
/// on each count (<see cref="OnRead"/>); disposing it disposes the inner stream.</summary>
internal abstract class CountingReadStream(Stream inner) : Stream
{
    /// <summary>Bytes read so far.</summary>
    protected long BytesRead { get; private set; }

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => BytesRead;
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        var n = inner.Read(buffer);
        BytesRead += n;
        OnRead(BytesRead);
        return n;
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    /// <summary>Called after each read with the total so far.</summary>
    protected abstract void OnRead(long total);

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
        }

        base.Dispose(disposing);
    }
}
