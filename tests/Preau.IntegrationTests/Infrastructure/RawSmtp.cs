using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Text;

namespace Preau.IntegrationTests.Infrastructure;

/// <summary>A bare line-based SMTP client over a socket, for saying what MailKit never would
/// (malformed commands, pipelined bytes, garbage). Every read has a timeout, so a server that hangs
/// fails the test instead of blocking it; <see cref="Transcript"/> says what was exchanged.</summary>
internal sealed class RawSmtp : RawConnection
{
    private RawSmtp(TcpClient tcp)
        : base(tcp, 16 * 1024)
    {
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
            await client.ConnectTcpAsync(port);
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

    /// <summary>One line without its CRLF; null at end of stream.</summary>
    private async Task<string?> ReadLineAsync()
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

            var left = deadline - DateTime.UtcNow;
            if (left <= TimeSpan.Zero || !await FillAsync(left))
            {
                Log("-- timeout");
                throw new TimeoutException($"no complete reply within {Timeout.TotalSeconds:0.#} s\n{Transcript}");
            }
        }
    }

    private static string Shorten(string text) => text.Length <= 200 ? text : $"{text[..120]}… ({text.Length} chars)";
}
