using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Text;
using Preau.IntegrationTests.Infrastructure;

namespace Preau.IntegrationTests.Imap;

/// <summary>A bare IMAP client over a socket, for saying what MailKit never would (malformed
/// commands, huge literals, garbage) and for seeing exactly what the server answers. Server literals
/// (<c>{n}</c>) are read by their size, so their content can never pass for a tagged response. Every
/// read has a timeout: a server that hangs fails the test instead of blocking it. <see cref="Transcript"/>
/// says what was exchanged and goes to the test's output when the client is disposed.</summary>
internal sealed class RawImap : RawConnection
{
    private RawImap(TcpClient tcp)
        : base(tcp, 64 * 1024)
    {
    }

    /// <summary>Whether the server closed (or reset) the connection, as far as reads have seen.</summary>
    public bool IsClosed => Eof && Buffer.Count == 0;

    /// <summary>Connects to 127.0.0.1:<paramref name="port"/> (under TLS at once when
    /// <paramref name="implicitTls"/>) and reads the greeting.</summary>
    public static async Task<RawImap> ConnectAsync(int port, bool implicitTls = false, TimeSpan? timeout = null)
    {
        var tcp = new TcpClient { NoDelay = true };
        var client = new RawImap(tcp);
        if (timeout is { } t)
        {
            client.Timeout = t;
        }

        try
        {
            await client.ConnectTcpAsync(port);
            if (implicitTls)
            {
                await client.UpgradeAsync();
            }

            client.Greeting = await client.ReadLineAsync()
                ?? throw new EndOfStreamException($"the server closed the connection before its greeting\n{client.Transcript}");
            return client;
        }
        catch
        {
            await client.DisposeAsync();
            throw;
        }
    }

    /// <summary>A client logged in as <paramref name="login"/> on <paramref name="server"/>: STARTTLS on
    /// the plain port, or implicit TLS.</summary>
    public static async Task<RawImap> LoggedInAsync(TestServer server, string login, bool implicitTls = false)
    {
        ArgumentNullException.ThrowIfNull(server);
        var client = await ConnectAsync(implicitTls ? server.ImapTlsPort : server.ImapPort, implicitTls);
        try
        {
            if (!implicitTls)
            {
                await client.StartTlsAsync();
            }

            await client.LoginAsync(login);
            return client;
        }
        catch
        {
            await client.DisposeAsync();
            throw;
        }
    }

    /// <summary>Sends <c>a STARTTLS</c>, expects <c>a OK</c>, then upgrades.</summary>
    public async Task StartTlsAsync()
    {
        var reply = await CommandAsync("a STARTTLS");
        if (!reply[^1].StartsWith("a OK", StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"STARTTLS refused: {reply[^1]}\n{Transcript}");
        }

        await UpgradeAsync();
    }

    /// <summary>Logs in with LOGIN (tag <c>l</c>); throws unless the server says OK.</summary>
    public async Task LoginAsync(string login, string password = TestServer.Password)
    {
        var reply = await CommandAsync($"l LOGIN {login} {password}");
        if (!reply[^1].StartsWith("l OK", StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"LOGIN refused: {reply[^1]}\n{Transcript}");
        }
    }

    /// <summary>Sends one command line (CRLF added) and returns every line the server sends up to and
    /// including the tagged response for the line's tag: see <see cref="ReadUntilTaggedAsync"/>.</summary>
    public async Task<IReadOnlyList<string>> CommandAsync(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        var space = line.IndexOf(' ', StringComparison.Ordinal);
        var tag = space > 0 ? line[..space] : line;
        await SendLineAsync(line);
        return await ReadUntilTaggedAsync(tag);
    }

    /// <summary>Reads responses up to and including the first one tagged <paramref name="tag"/>, or a
    /// continuation request (<c>+ …</c>, for a literal, IDLE or AUTHENTICATE), or an untagged
    /// <c>* BAD</c> (the answer to a line whose tag the server could not read, RFC 9051 §7.1.3), or the
    /// end of the connection (after a <c>* BYE</c>, say). Lines are physical lines: a literal's content
    /// is split at its CRLFs. Throws <see cref="TimeoutException"/> when the server goes silent before that.</summary>
    public async Task<IReadOnlyList<string>> ReadUntilTaggedAsync(string tag)
    {
        ArgumentNullException.ThrowIfNull(tag);
        var lines = new List<string>();
        while (true)
        {
            var response = await ReadResponseAsync();
            if (response is null)
            {
                return lines;
            }

            lines.AddRange(response);
            var first = response[0];
            if (first.StartsWith(tag + " ", StringComparison.Ordinal) || first == "+" || first.StartsWith("+ ", StringComparison.Ordinal)
                || first.StartsWith("* BAD ", StringComparison.Ordinal))
            {
                return lines;
            }
        }
    }

    /// <summary>Reads one whole response, literals included, as its physical lines; null when the
    /// server closed the connection first.</summary>
    public async Task<IReadOnlyList<string>?> ReadResponseAsync()
    {
        var text = new StringBuilder();
        while (true)
        {
            var line = await ReadLineAsync();
            if (line is null)
            {
                return text.Length == 0 ? null : Split(text.ToString());
            }

            text.Append(line);
            if (LiteralSize(line) is not { } size)
            {
                return Split(text.ToString());
            }

            var literal = await ReadBytesAsync(size);
            text.Append("\r\n").Append(Encoding.UTF8.GetString(literal));
        }
    }

    /// <summary>Sends one line, CRLF added, and reads nothing.</summary>
    public Task SendLineAsync(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        return WriteAsync(Encoding.UTF8.GetBytes(line + "\r\n"), "C: " + Shorten(line));
    }

    /// <summary>Sends bytes as they are; read the answer with <see cref="ReadUntilTaggedAsync"/>.</summary>
    public Task SendRawAsync(byte[] bytes)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        return WriteAsync(bytes, $"C: <{bytes.Length} raw bytes: {Shorten(Printable(bytes))}>");
    }

    /// <summary>One line without its CRLF; null at the end of the stream. Throws
    /// <see cref="TimeoutException"/> when no complete line comes within <see cref="Timeout"/>.</summary>
    public async Task<string?> ReadLineAsync()
    {
        var deadline = DateTime.UtcNow + Timeout;
        while (true)
        {
            var lf = Buffer.IndexOf((byte)'\n');
            if (lf >= 0)
            {
                var bytes = Buffer.GetRange(0, lf).ToArray();
                Buffer.RemoveRange(0, lf + 1);
                var line = Encoding.UTF8.GetString(bytes).TrimEnd('\r');
                Log("S: " + Shorten(line));
                return line;
            }

            if (Eof)
            {
                if (Buffer.Count > 0)
                {
                    var rest = Encoding.UTF8.GetString(Buffer.ToArray());
                    Buffer.Clear();
                    Log("S: " + Shorten(rest) + " <no CRLF>");
                    return rest;
                }

                Log("-- closed by the server");
                return null;
            }

            await FillOrThrowAsync(deadline);
        }
    }

    /// <summary>The size of the literal a server line announces at its end (<c>{n}</c>), if any.</summary>
    private static int? LiteralSize(string line)
    {
        if (!line.EndsWith('}'))
        {
            return null;
        }

        var open = line.LastIndexOf('{');
        return open >= 0 && int.TryParse(line.AsSpan(open + 1, line.Length - open - 2), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var size)
            ? size
            : null;
    }

    private static List<string> Split(string response) => [.. response.Split("\r\n")];

    private async Task<byte[]> ReadBytesAsync(int count)
    {
        var deadline = DateTime.UtcNow + Timeout;
        while (Buffer.Count < count)
        {
            if (Eof)
            {
                throw new EndOfStreamException($"the server closed the connection inside a literal of {count} octets\n{Transcript}");
            }

            await FillOrThrowAsync(deadline);
        }

        var bytes = Buffer.GetRange(0, count).ToArray();
        Buffer.RemoveRange(0, count);
        Log($"S: <literal of {count} octets>");
        return bytes;
    }

    private async Task FillOrThrowAsync(DateTime deadline)
    {
        var left = deadline - DateTime.UtcNow;
        if (left <= TimeSpan.Zero || !await FillAsync(left))
        {
            Log("-- timeout");
            throw new TimeoutException($"the server said nothing complete within {Timeout.TotalSeconds:0.#} s\n{Transcript}");
        }
    }

    private static string Printable(byte[] bytes)
    {
        var text = new StringBuilder(Math.Min(bytes.Length, 400));
        foreach (var b in bytes.AsSpan(0, Math.Min(bytes.Length, 400)))
        {
            text.Append(b switch
            {
                (byte)'\r' => "\\r",
                (byte)'\n' => "\\n",
                >= 0x20 and < 0x7F => ((char)b).ToString(),
                _ => $"\\x{b:X2}",
            });
        }

        return text.ToString();
    }

    private static string Shorten(string text) => text.Length <= 300 ? text : $"{text[..200]}… ({text.Length} chars)";
}
