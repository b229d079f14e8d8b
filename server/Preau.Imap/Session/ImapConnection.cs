using System.Buffers;
using System.Net.Security;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using Preau.Imap.Protocol.Reading;
using Preau.Imap.Protocol.Writing;

namespace Preau.Imap.Session;

/// <summary>The bytes of one client connection: a command reader on the way in, a buffered
/// <see cref="ImapWriter"/> on the way out, and the STARTTLS upgrade between them.</summary>
internal sealed class ImapConnection : IAsyncDisposable
{
    private readonly ArrayBufferWriter<byte> _buffer = new(16 * 1024);
    private readonly ImapReaderLimits _limits;
    private Stream _stream;

    public ImapConnection(Stream stream, ImapReaderLimits limits)
    {
        _stream = stream;
        _limits = limits;
        Reader = new ImapCommandReader(stream, limits);
        Writer = new ImapWriter(_buffer);
    }

    public ImapCommandReader Reader { get; private set; }

    public ImapWriter Writer { get; }

    public bool IsSecure => _stream is SslStream;

    /// <summary>Bytes written but not yet flushed.</summary>
    public int Buffered => _buffer.WrittenCount;

    public async Task FlushAsync(CancellationToken cancellationToken)
    {
        if (_buffer.WrittenCount == 0)
        {
            return;
        }

        await _stream.WriteAsync(_buffer.WrittenMemory, cancellationToken);
        await _stream.FlushAsync(cancellationToken);
        _buffer.ResetWrittenCount();
    }

    /// <summary>Upgrades to TLS. A new reader starts on the TLS stream: whatever the client sent
    /// after STARTTLS in clear text is dropped, so nothing can be injected before the handshake.</summary>
    public async Task StartTlsAsync(X509Certificate2 certificate, CancellationToken cancellationToken)
    {
        await FlushAsync(cancellationToken);
        var ssl = new SslStream(_stream, leaveInnerStreamOpen: false);
        await ssl.AuthenticateAsServerAsync(
            new SslServerAuthenticationOptions
            {
                ServerCertificate = certificate,
                EnabledSslProtocols = SslProtocols.Tls12 | SslProtocols.Tls13,
            },
            cancellationToken);
        _stream = ssl;
        Reader = new ImapCommandReader(ssl, _limits);
    }

    public async ValueTask DisposeAsync() => await _stream.DisposeAsync();
}
