using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;

namespace Preau.IntegrationTests.Infrastructure;

/// <summary>What the bare protocol clients (<see cref="RawSmtp"/>, <c>RawImap</c>) share: a socket that may
/// turn to TLS, a receive buffer filled by reads that are never cancelled, timeouts, and the transcript
/// that goes to the test's output when the client is disposed.</summary>
internal abstract class RawConnection : IAsyncDisposable
{
    private readonly TcpClient _tcp;
    private readonly List<string> _transcript = [];
    private readonly byte[] _chunk;
    private Task<int>? _pendingRead;

    /// <summary>Wraps a socket not yet connected; reads take at most <paramref name="chunkSize"/> bytes.</summary>
    protected RawConnection(TcpClient tcp, int chunkSize)
    {
        _tcp = tcp;
        _chunk = new byte[chunkSize];
    }

    /// <summary>How long a reply may take before the test fails.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>The server's greeting line.</summary>
    public string Greeting { get; protected set; } = "";

    /// <summary>Whether the connection is under TLS.</summary>
    public bool IsSecure => Stream is SslStream;

    /// <summary>What was said so far, "C: " and "S: " lines, for failure messages and bug reports.</summary>
    public string Transcript
    {
        get
        {
            lock (_transcript)
            {
                return string.Join('\n', _transcript);
            }
        }
    }

    /// <summary>Bytes received and not read yet.</summary>
    protected List<byte> Buffer { get; } = [];

    /// <summary>The socket's stream, or the TLS stream over it.</summary>
    protected Stream Stream { get; private set; } = Stream.Null;

    /// <summary>Whether the server closed (or reset) the connection, as far as reads have seen.</summary>
    protected bool Eof { get; private set; }

    /// <summary>Connects the socket to 127.0.0.1:<paramref name="port"/> within <see cref="Timeout"/>.</summary>
    protected async Task ConnectTcpAsync(int port)
    {
        using var cts = new CancellationTokenSource(Timeout);
        await _tcp.ConnectAsync("127.0.0.1", port, cts.Token);
        Stream = _tcp.GetStream();
    }

    /// <summary>The TLS handshake alone (after the server agreed to a STARTTLS); any certificate is accepted.</summary>
    public async Task UpgradeAsync()
    {
        if (Buffer.Count > 0 || _pendingRead is not null)
        {
            throw new InvalidOperationException($"unread bytes before the TLS handshake\n{Transcript}");
        }

        var ssl = new SslStream(Stream, leaveInnerStreamOpen: false);
        using var cts = new CancellationTokenSource(Timeout);
        await ssl.AuthenticateAsClientAsync(
            new SslClientAuthenticationOptions
            {
                TargetHost = "localhost",
                RemoteCertificateValidationCallback = (_, _, _, _) => true,
                EnabledSslProtocols = SslProtocols.Tls12 | SslProtocols.Tls13,
            },
            cts.Token);
        Stream = ssl;
        Log("-- TLS " + ssl.SslProtocol);
    }

    /// <summary>Whether the server closed the connection (or reset it) within <paramref name="wait"/>;
    /// anything it sent meanwhile stays readable.</summary>
    public async Task<bool> IsClosedAsync(TimeSpan? wait = null)
    {
        var deadline = DateTime.UtcNow + (wait ?? TimeSpan.FromSeconds(2));
        while (!Eof)
        {
            var left = deadline - DateTime.UtcNow;
            if (left <= TimeSpan.Zero)
            {
                return false;
            }

            try
            {
                if (!await FillAsync(left))
                {
                    return false;
                }
            }
            catch (Exception ex) when (ex is IOException or SocketException or ObjectDisposedException)
            {
                Eof = true;
            }
        }

        return true;
    }

    /// <summary>Closes the connection; the transcript goes to the test's output.</summary>
    public async ValueTask DisposeAsync()
    {
        await TestContext.Out.WriteLineAsync(Transcript + "\n");
        try
        {
            await Stream.DisposeAsync();
        }
        catch (Exception ex) when (ex is IOException or SocketException or AuthenticationException)
        {
            // Already reset by the server.
        }

        _tcp.Dispose();
        if (_pendingRead is not null)
        {
            try
            {
                await _pendingRead;
            }
            catch (Exception ex) when (ex is IOException or SocketException or ObjectDisposedException or OperationCanceledException)
            {
                // The read ends with the socket.
            }
        }
    }

    /// <summary>Writes and flushes within <see cref="Timeout"/>, logging <paramref name="logged"/>.</summary>
    protected async Task WriteAsync(byte[] bytes, string logged)
    {
        Log(logged);
        using var cts = new CancellationTokenSource(Timeout);
        await Stream.WriteAsync(bytes, cts.Token);
        await Stream.FlushAsync(cts.Token);
    }

    /// <summary>Reads more bytes, waiting at most <paramref name="wait"/>. The read is never cancelled
    /// (a cancelled socket read can break the stream): it stays pending for the next call.</summary>
    protected async Task<bool> FillAsync(TimeSpan wait)
    {
        _pendingRead ??= Stream.ReadAsync(_chunk, 0, _chunk.Length);
        var read = _pendingRead;
        if (await Task.WhenAny(read, Task.Delay(wait)) != read)
        {
            return false;
        }

        _pendingRead = null;
        int count;
        try
        {
            count = await read;
        }
        catch (Exception ex) when (ex is IOException or SocketException)
        {
            Log("-- connection reset: " + ex.Message);
            Eof = true;
            return true;
        }

        if (count == 0)
        {
            Eof = true;
        }
        else
        {
            Buffer.AddRange(_chunk.AsSpan(0, count).ToArray());
        }

        return true;
    }

    /// <summary>Adds a line to the transcript.</summary>
    protected void Log(string line)
    {
        lock (_transcript)
        {
            _transcript.Add(line);
        }
    }
}
