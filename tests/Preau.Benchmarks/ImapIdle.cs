using System.Diagnostics;
using System.Net.Security;
using System.Net.Sockets;
using System.Text;

namespace Preau.Benchmarks;

/// <summary>N IMAP connections in IDLE on one account's INBOX (implicit TLS), then messages
/// delivered over SMTP: reports the server's memory per connection (pass --pid) and, per delivery,
/// how long until every IDLE session saw the new EXISTS (p50/p99 over sessions). The server must
/// allow that many connections per address and per account (--Imap:MaxConnectionsPerAddress,
/// --Imap:MaxConnectionsPerAccount).</summary>
internal static class ImapIdle
{
    public static async Task<int> RunAsync(string[] args)
    {
        var o = new Options(args);
        var count = o.Int("connections", 2000);
        var port = o.Int("port", 2993);
        var smtpPort = o.Int("smtp", 2525);
        var login = o.Get("login", "prof.maths");
        var pid = o.Int("pid", 0);
        var before = pid > 0 ? Rss.Kilobytes(pid) : 0;
        var sessions = new List<IdleSession>(count);
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < count; i += 50)
        {
            var batch = Enumerable.Range(i, Math.Min(50, count - i)).Select(_ => IdleSession.OpenAsync(port, login, o.Get("password", "demo")));
            sessions.AddRange(await Task.WhenAll(batch));
        }

        Console.WriteLine($"{sessions.Count} sessions in IDLE after {clock.Elapsed.TotalSeconds:0.0} s");
        await Task.Delay(2000);
        if (pid > 0)
        {
            var after = Rss.Kilobytes(pid);
            Console.WriteLine($"server RSS {before / 1024} MB → {after / 1024} MB: {(after - before) / (double)sessions.Count:0.0} KB per IDLE connection");
        }

        for (var round = 0; round < 5; round++)
        {
            var waits = sessions.Select(s => s.NextExistsAsync()).ToArray();
            var sent = await SendAsync(smtpPort, login);
            var seen = await Task.WhenAll(waits).WaitAsync(TimeSpan.FromSeconds(30));
            var latencies = seen.Select(t => (t - sent) * 1000.0 / Stopwatch.Frequency).Order().ToArray();
            Console.WriteLine($"delivery {round + 1}: all {latencies.Length} IDLE sessions told; after the 250: p50 {latencies[latencies.Length / 2]:0.0} ms, p99 {latencies[(int)(latencies.Length * 0.99)]:0.0} ms, max {latencies[^1]:0.0} ms");
        }

        foreach (var session in sessions)
        {
            session.Dispose();
        }

        return 0;
    }

    /// <summary>Delivers one message on the inbound port; returns the timestamp of the 250 after DATA.</summary>
    private static async Task<long> SendAsync(int port, string login)
    {
        using var tcp = new TcpClient { NoDelay = true };
        await tcp.ConnectAsync("127.0.0.1", port);
        var stream = tcp.GetStream();
        var reader = new LineReader(stream);
        await reader.ExpectAsync("220");
        await stream.WriteAsync(Encoding.ASCII.GetBytes($"EHLO idle.test\r\nMAIL FROM:<idle@exemple.org>\r\nRCPT TO:<{login}@demo.preau.test>\r\nDATA\r\n"));
        await reader.ExpectAsync("250");
        await reader.ExpectAsync("250");
        await reader.ExpectAsync("250");
        await reader.ExpectAsync("354");
        await stream.WriteAsync(Encoding.ASCII.GetBytes($"Subject: IDLE {Guid.NewGuid()}\r\nFrom: <idle@exemple.org>\r\n\r\nBonjour\r\n.\r\n"));
        await reader.ExpectAsync("250");
        var at = Stopwatch.GetTimestamp();
        await stream.WriteAsync("QUIT\r\n"u8.ToArray());
        return at;
    }

    private sealed class IdleSession : IDisposable
    {
        private readonly TcpClient _tcp;
        private readonly SslStream _tls;
        private readonly StreamReader _reader;

        private IdleSession(TcpClient tcp, SslStream tls)
        {
            _tcp = tcp;
            _tls = tls;
            _reader = new StreamReader(tls, Encoding.ASCII);
        }

        public static async Task<IdleSession> OpenAsync(int port, string login, string password)
        {
            var tcp = new TcpClient { NoDelay = true };
            await tcp.ConnectAsync("127.0.0.1", port);
            var tls = new SslStream(tcp.GetStream(), false, (_, _, _, _) => true);
            await tls.AuthenticateAsClientAsync("localhost");
            var session = new IdleSession(tcp, tls);
            await session.UntilAsync("* OK");
            await session.SendAsync($"a LOGIN {login} {password}\r\n");
            await session.UntilAsync("a OK");
            await session.SendAsync("b SELECT INBOX\r\n");
            await session.UntilAsync("b OK");
            await session.SendAsync("c IDLE\r\n");
            await session.UntilAsync("+");
            return session;
        }

        /// <summary>The timestamp at which the next EXISTS line arrives.</summary>
        public async Task<long> NextExistsAsync()
        {
            while (await _reader.ReadLineAsync() is { } line)
            {
                if (line.EndsWith(" EXISTS", StringComparison.Ordinal))
                {
                    return Stopwatch.GetTimestamp();
                }
            }

            throw new IOException("connection closed");
        }

        public void Dispose()
        {
            _reader.Dispose();
            _tls.Dispose();
            _tcp.Dispose();
        }

        private Task SendAsync(string text) => _tls.WriteAsync(Encoding.ASCII.GetBytes(text)).AsTask();

        private async Task UntilAsync(string prefix)
        {
            while (await _reader.ReadLineAsync() is { } line)
            {
                if (line.StartsWith(prefix, StringComparison.Ordinal))
                {
                    return;
                }
            }

            throw new IOException("connection closed");
        }
    }
}
