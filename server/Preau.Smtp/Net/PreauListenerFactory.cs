using System.Collections.Concurrent;
using System.IO.Pipelines;
using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using SmtpServer;
using SmtpServer.IO;
using SmtpServer.Net;

namespace Preau.Smtp.Net;

/// <summary>SmtpServer's TCP listener, with two things Préau needs: a cap on simultaneous
/// connections per IP address, and replies sent exactly as Core words them
/// (see <see cref="ReplyRewritingStream"/>).</summary>
internal sealed class PreauListenerFactory(int maxConnectionsPerAddress) : IEndpointListenerFactory
{
    private readonly ConcurrentDictionary<IPAddress, int> _connections = new();
    private int _listening;

    /// <summary>How many endpoints are bound and listening.</summary>
    public int Listening => Volatile.Read(ref _listening);

    public IEndpointListener CreateListener(IEndpointDefinition endpointDefinition)
    {
        var listener = new TcpListener(endpointDefinition.Endpoint);
        listener.Start();
        Interlocked.Increment(ref _listening);
        return new Listener(listener, this);
    }

    private bool TryEnter(IPAddress address)
    {
        var count = _connections.AddOrUpdate(address, 1, (_, n) => n + 1);
        if (count <= maxConnectionsPerAddress)
        {
            return true;
        }

        Leave(address);
        return false;
    }

    private void Leave(IPAddress address)
    {
        if (_connections.AddOrUpdate(address, 0, (_, n) => n - 1) <= 0)
        {
            _connections.TryRemove(KeyValuePair.Create(address, 0));
        }
    }

    private sealed class Listener(TcpListener listener, PreauListenerFactory owner) : IEndpointListener
    {
        private static readonly byte[] TooMany = "421 4.7.0 too many connections from your address, try again later\r\n"u8.ToArray();

        public async Task<ISecurableDuplexPipe> GetPipeAsync(ISessionContext context, CancellationToken cancellationToken)
        {
            while (true)
            {
                var client = await listener.AcceptTcpClientAsync(cancellationToken);

                // Replies are small writes; with Nagle on, a pipelining client waits for its delayed
                // ACK (40 ms) between them.
                client.NoDelay = true;
                var remote = (IPEndPoint)client.Client.RemoteEndPoint!;
                if (!owner.TryEnter(remote.Address))
                {
                    using (client)
                    {
                        await client.GetStream().WriteAsync(TooMany, cancellationToken);
                    }

                    continue;
                }

                context.Properties[EndpointListener.LocalEndPointKey] = listener.LocalEndpoint;
                context.Properties[EndpointListener.RemoteEndPointKey] = remote;
                return new Pipe(client, () => owner.Leave(remote.Address));
            }
        }

        public void Dispose() => listener.Stop();
    }

    private sealed class Pipe : ISecurableDuplexPipe
    {
        private readonly TcpClient _client;
        private Action? _onClose;
        private Stream _stream;

        public Pipe(TcpClient client, Action onClose)
        {
            _client = client;
            _onClose = onClose;
            _stream = client.GetStream();
            Reset();
        }

        public PipeReader Input { get; private set; } = null!;

        public PipeWriter Output { get; private set; } = null!;

        public bool IsSecure => _stream is SslStream;

        public SslProtocols SslProtocol => (_stream as SslStream)?.SslProtocol ?? SslProtocols.None;

        public async Task UpgradeAsync(X509Certificate certificate, SslProtocols protocols, CancellationToken cancellationToken = default)
        {
            var ssl = new SslStream(_stream, leaveInnerStreamOpen: true);
            await ssl.AuthenticateAsServerAsync(
                new SslServerAuthenticationOptions { ServerCertificate = certificate, EnabledSslProtocols = protocols },
                cancellationToken);
            _stream = ssl;

            // As SmtpServer's own pipe does: whatever the client sent ahead of the handshake is
            // discarded, so no command can be injected before STARTTLS and run after it.
            Reset();
        }

        public void Dispose()
        {
            _stream.Dispose();
            _client.Dispose();
            Interlocked.Exchange(ref _onClose, null)?.Invoke();
        }

        private void Reset()
        {
            var state = new ConversationState();
            Input = PipeReader.Create(new InputGuardStream(_stream, _stream, state));
            Output = PipeWriter.Create(new ReplyRewritingStream(_stream, state));
        }
    }
}
