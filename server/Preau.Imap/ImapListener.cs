using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Logging;
using Preau.Core.Auth;
using Preau.Core.Directory;
using Preau.Core.Mail;
using Preau.Imap.Protocol.Reading;
using Preau.Imap.Session;

namespace Preau.Imap;

/// <summary>The IMAP listeners: <see cref="ImapOptions.Port"/> (STARTTLS) and
/// <see cref="ImapOptions.TlsPort"/> (implicit TLS), one <see cref="ImapSession"/> per connection,
/// with caps on connections per address and per account. The only type the composition root needs.</summary>
public sealed partial class ImapListener : IAsyncDisposable
{
    private readonly ImapOptions _options;
    private readonly ImapServices _services;
    private readonly ConnectionCounter _addresses;
    private readonly ILogger _log;
    private readonly CancellationTokenSource _stop = new();
    private readonly List<TcpListener> _listeners = [];
    private readonly List<Task> _loops = [];
    private readonly HashSet<Task> _sessions = [];

    /// <summary>Creates the listeners; nothing listens before <see cref="Start"/>.</summary>
    public ImapListener(
        ImapOptions options,
        MailOptions mail,
        X509Certificate2 certificate,
        Authenticator authenticator,
        DirectoryService directory,
        MailboxService mailboxes,
        ChangeBus bus,
        ILoggerFactory loggers)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(loggers);
        _options = options;
        _log = loggers.CreateLogger<ImapListener>();
        _addresses = new ConnectionCounter(options.MaxConnectionsPerAddress);
        _services = new ImapServices(options, mail, certificate, authenticator, directory, mailboxes, bus, new ConnectionCounter(options.MaxConnectionsPerAccount), _log);
    }

    /// <summary>Binds the ports (throws when one is taken) and starts accepting.</summary>
    public void Start()
    {
        var address = IPAddress.Parse(_options.ListenAddress);
        foreach (var (port, implicitTls) in new[] { (_options.Port, false), (_options.TlsPort, true) })
        {
            if (port <= 0)
            {
                continue;
            }

            var listener = new TcpListener(address, port);
            listener.Start(512);
            _listeners.Add(listener);
            _loops.Add(Task.Run(() => AcceptAsync(listener, implicitTls, _stop.Token)));
        }
    }

    private async Task AcceptAsync(TcpListener listener, bool implicitTls, CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await listener.AcceptTcpClientAsync(cancellationToken);
            }
            catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException or SocketException)
            {
                return;
            }

            var task = Task.Run(() => ServeAsync(client, implicitTls, cancellationToken), CancellationToken.None);
            lock (_sessions)
            {
                _sessions.Add(task);
            }

            _ = task.ContinueWith(
                t =>
                {
                    lock (_sessions)
                    {
                        _sessions.Remove(t);
                    }
                },
                CancellationToken.None,
                TaskContinuationOptions.ExecuteSynchronously,
                TaskScheduler.Default);
        }
    }

    private async Task ServeAsync(TcpClient client, bool implicitTls, CancellationToken cancellationToken)
    {
        using var _ = client;
        client.NoDelay = true;
        var remote = ((IPEndPoint)client.Client.RemoteEndPoint!).Address.ToString();
        Stream stream = client.GetStream();
        var admitted = _addresses.TryEnter(remote);
        try
        {
            if (implicitTls)
            {
                var ssl = new SslStream(stream, leaveInnerStreamOpen: false);
                using var handshake = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                handshake.CancelAfter(_options.UnauthenticatedTimeout);
                await ssl.AuthenticateAsServerAsync(
                    new SslServerAuthenticationOptions { ServerCertificate = _services.Certificate, EnabledSslProtocols = SslProtocols.Tls12 | SslProtocols.Tls13 },
                    handshake.Token);
                stream = ssl;
            }

            if (!admitted)
            {
                // Over TLS on the TLS port (RFC 8314 §3.2: everything there is encrypted, the refusal too).
                await stream.WriteAsync("* BYE [UNAVAILABLE] Too many connections from your address\r\n"u8.ToArray(), cancellationToken);
                return;
            }

            var limits = new ImapReaderLimits
            {
                MaxLineLength = _options.MaxLineLength,
                MaxLiteralSize = _services.Mailboxes.MaxMessageSize + (64 * 1024),
            };
            await using var session = new ImapSession(_services, new ImapConnection(stream, limits), remote);
            await session.RunAsync(cancellationToken);
        }
        catch (Exception e) when (e is IOException or AuthenticationException or OperationCanceledException or SocketException or ObjectDisposedException)
        {
            // The client went away, failed the handshake or the server is stopping: nothing to answer.
        }
#pragma warning disable CA1031 // One broken session must never take the listener down.
        catch (Exception e)
#pragma warning restore CA1031
        {
            LogSessionFailed(_log, remote, e);
        }
        finally
        {
            if (admitted)
            {
                _addresses.Leave(remote);
            }
        }
    }

    /// <summary>Stops accepting and ends every session (they answer BYE).</summary>
    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        foreach (var listener in _listeners)
        {
            listener.Stop();
        }

        Task[] running;
        lock (_sessions)
        {
            running = [.. _sessions];
        }

        await Task.WhenAll(_loops.Concat(running)).WaitAsync(TimeSpan.FromSeconds(10)).ContinueWith(_ => { }, TaskScheduler.Default);
        _stop.Dispose();
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "IMAP session from {Remote} failed")]
    private static partial void LogSessionFailed(ILogger logger, string remote, Exception exception);
}
