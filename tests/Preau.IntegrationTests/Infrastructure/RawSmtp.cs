using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Text;

namespace Preau.IntegrationTests.Infrastructure;

/// <summary>A bare line-based SMTP client over a socket, for saying what MailKit never would
/// (malformed commands, pipelined bytes, garbage). Every read has a timeout, so a server that hangs
/// fails the test instead of blocking it; <see cref="Transcript"/> says what was exchanged.</summary>
internal sealed class RawSmtp : IAsyncDisposable
{
    private readonly TcpClient _tcp;
    private readonly List<string> _transcript = [];
    private readonly byte[] _chunk = new byte[16 * 1024];
    private readonly List<byte> _buffer = [];
    private Stream _stream = Stream.Null;
    private Task<int>? _pendingRead;
    private bool _eof;

    private RawSmtp(TcpClient tcp) => _tcp = tcp;

    /// <summary>How long a reply may take before the test fails.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>The server's 220 line.</summary>
    public string Greeting { get; private set; } = "";

    /// <summary>Whether the connection is under TLS.</summary>
    public bool IsSecure => _stream is SslStream;

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

    /// <summary>Connects to 127.0.0.1:<paramref name="port"/> and reads the greeting.</summary>
    public static async Task<RawSmtp> ConnectAsync(int port, TimeSpan? timeout = null)
    {
        var tcp = new TcpClient { NoDelay = true };
        var client = new RawSmtp(tcp);
        if (timeout is { } t)
        {
            client.Timeout = t;
        }

        try
        {
            using var cts = new CancellationTokenSource(client.Timeout);
            await tcp.ConnectAsync("127.0.0.1", port, cts.Token);
            client._stream = tcp.GetStream();
            client.Greeting = await client.ReadReplyAsync();
            return client;
        }
        catch
        {
            await client.DisposeAsync();
            throw;
        }
    }

    /// <summary>Sends one command line (CRLF added) and returns the whole reply, continuation lines included.</summary>
    public async Task<string> SendAsync(string line)
    {
        await WriteAsync(Encoding.UTF8.GetBytes(line + "\r\n"), Shorten(line));
        return await ReadReplyAsync();
    }

    /// <summary>Sends bytes as they are; read the answer with <see cref="ReadReplyAsync"/>.</summary>
    public Task SendRawAsync(byte[] bytes)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        return WriteAsync(bytes, $"<{bytes.Length} raw bytes: {Shorten(Encoding.Latin1.GetString(bytes))}>");
    }

    /// <summary>Reads one reply: lines "250-…" up to the line "250 …". Throws <see cref="EndOfStreamException"/>
    /// if the server closes first, <see cref="TimeoutException"/> if it says nothing in time.</summary>
    public async Task<string> ReadReplyAsync()
    {
        var lines = new List<string>();
        while (true)
        {
            var line = await ReadLineAsync()
                ?? throw new EndOfStreamException($"the server closed the connection{(lines.Count > 0 ? " in the middle of a reply" : "")}\n{Transcript}");
            lines.Add(line);
            if (line.Length < 4 || line[3] != '-')
            {
                return string.Join("\n", lines);
            }
        }
    }

    /// <summary>Like <see cref="ReadReplyAsync"/>, but null when the server closed (or reset) the connection instead of answering.</summary>
    public async Task<string?> ReadReplyOrClosedAsync()
    {
        try
        {
            return await ReadReplyAsync();
        }
        catch (Exception ex) when (ex is EndOfStreamException or IOException or SocketException)
        {
            return null;
        }
    }

    /// <summary>Sends STARTTLS, expects 220, then upgrades.</summary>
    public async Task StartTlsAsync()
    {
        var reply = await SendAsync("STARTTLS");
        if (!reply.StartsWith("220", StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"STARTTLS refused: {reply}\n{Transcript}");
        }

        await UpgradeAsync();
    }

    /// <summary>The TLS handshake alone (after a 220 to a STARTTLS the test sent itself); any certificate is accepted.</summary>
    public async Task UpgradeAsync()
    {
        if (_buffer.Count > 0 || _pendingRead is not null)
        {
            throw new InvalidOperationException($"unread bytes before the TLS handshake\n{Transcript}");
        }

        var ssl = new SslStream(_stream, leaveInnerStreamOpen: false);
        using var cts = new CancellationTokenSource(Timeout);
        await ssl.AuthenticateAsClientAsync(
            new SslClientAuthenticationOptions
            {
                TargetHost = "localhost",
                RemoteCertificateValidationCallback = (_, _, _, _) => true,
                EnabledSslProtocols = SslProtocols.Tls12 | SslProtocols.Tls13,
            },
            cts.Token);
        _stream = ssl;
        Log("-- TLS " + ssl.SslProtocol);
    }

    /// <summary>Whether the server closed the connection (or reset it) within <paramref name="wait"/>;
    /// anything it sent meanwhile stays readable.</summary>
    public async Task<bool> IsClosedAsync(TimeSpan? wait = null)
    {
        var deadline = DateTime.UtcNow + (wait ?? TimeSpan.FromSeconds(2));
        while (!_eof)
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
                _eof = true;
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
            await _stream.DisposeAsync();
        }
        catch (IOException)
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

    private async Task WriteAsync(byte[] bytes, string logged)
    {
        Log("C: " + logged);
        using var cts = new CancellationTokenSource(Timeout);
        await _stream.WriteAsync(bytes, cts.Token);
        await _stream.FlushAsync(cts.Token);
    }

    /// <summary>One line without its CRLF; null at end of stream.</summary>
    private async Task<string?> ReadLineAsync()
    {
        var deadline = DateTime.UtcNow + Timeout;
        while (true)
        {
            var lf = _buffer.IndexOf((byte)'\n');
            if (lf >= 0)
            {
                var bytes = _buffer.GetRange(0, lf).ToArray();
                _buffer.RemoveRange(0, lf + 1);
                var line = Encoding.UTF8.GetString(bytes).TrimEnd('\r');
                Log("S: " + Shorten(line));
                return line;
            }

            if (_eof)
            {
                if (_buffer.Count > 0)
                {
                    var rest = Encoding.UTF8.GetString(_buffer.ToArray());
                    _buffer.Clear();
                    Log("S: " + Shorten(rest) + " <no CRLF>");
                    return rest;
                }

                Log("-- closed by the server");
                return null;
            }

            var left = deadline - DateTime.UtcNow;
            if (left <= TimeSpan.Zero || !await FillAsync(left))
            {
                Log("-- timeout");
                throw new TimeoutException($"no complete reply within {Timeout.TotalSeconds:0.#} s\n{Transcript}");
            }
        }
    }

    /// <summary>Reads more bytes, waiting at most <paramref name="wait"/>. The read is never cancelled
    /// (a cancelled socket read can break the stream): it stays pending for the next call.</summary>
    private async Task<bool> FillAsync(TimeSpan wait)
    {
        _pendingRead ??= _stream.ReadAsync(_chunk, 0, _chunk.Length);
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
            _eof = true;
            return true;
        }

        if (count == 0)
        {
            _eof = true;
        }
        else
        {
            _buffer.AddRange(_chunk.AsSpan(0, count).ToArray());
        }

        return true;
    }

    private void Log(string line)
    {
        lock (_transcript)
        {
            _transcript.Add(line);
        }
    }

    private static string Shorten(string text) => text.Length <= 200 ? text : $"{text[..120]}… ({text.Length} chars)";
}
