using System.Diagnostics;
using System.Net.Security;
using System.Net.Sockets;
using System.Text;

namespace Preau.Benchmarks;

/// <summary>Times a 150-recipient message on the submission port: MAIL, the 150 RCPT and DATA
/// pipelined in one write (RFC 2920), then the content, until the 250 that Préau sends once the
/// blob and all 150 INBOX entries are durable. A raw client, so the figure is the server's, not a
/// client library's. Each message is different (a new blob each time). Repeated for a median.</summary>
internal static class Fanout
{
    public static async Task<int> RunAsync(string[] args)
    {
        var o = new Options(args);
        var port = o.Int("port", 2587);
        var rounds = o.Int("rounds", 30);
        var domain = o.Get("domain", "demo.preau.test");
        var login = o.Get("login", "principal.admin");
        var recipients = File.ReadAllLines(o.Get("recipients", "recipients.txt")).Where(l => l.Length > 0).Take(150).ToArray();

        using var tcp = new TcpClient { NoDelay = true };
        await tcp.ConnectAsync("127.0.0.1", port);
        var plain = tcp.GetStream();
        var reader = new LineReader(plain);
        await reader.ExpectAsync("220");
        await Send(plain, "EHLO bench.test\r\nSTARTTLS\r\n");
        await reader.ExpectAsync("250");
        await reader.ExpectAsync("220");
        using var tls = new SslStream(plain, false, (_, _, _, _) => true);
        await tls.AuthenticateAsClientAsync("localhost");
        reader = new LineReader(tls);
        await Send(tls, "EHLO bench.test\r\n");
        await reader.ExpectAsync("250");
        var credentials = Convert.ToBase64String(Encoding.UTF8.GetBytes($"\0{login}\0{o.Get("password", "demo")}"));
        await Send(tls, $"AUTH PLAIN {credentials}\r\n");
        await reader.ExpectAsync("235");

        var envelope = new StringBuilder($"MAIL FROM:<{login}@{domain}>\r\n");
        foreach (var r in recipients)
        {
            envelope.Append("RCPT TO:<").Append(r).Append('@').Append(domain).Append(">\r\n");
        }

        envelope.Append("DATA\r\n");
        var times = new List<double>();
        for (var i = 0; i < rounds + 3; i++)
        {
            var body = $"From: <{login}@{domain}>\r\nTo: destinataires:;\r\nSubject: Information {i} {Guid.NewGuid()}\r\n\r\n{new string('x', 4000)}\r\n.\r\n";
            var start = Stopwatch.GetTimestamp();
            await Send(tls, envelope.ToString());
            await reader.ExpectAsync("250");
            for (var r = 0; r < recipients.Length; r++)
            {
                await reader.ExpectAsync("250");
            }

            await reader.ExpectAsync("354");
            await Send(tls, body);
            await reader.ExpectAsync("250");
            if (i >= 3)
            {
                times.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
            }
        }

        times.Sort();
        Console.WriteLine($"{recipients.Length} recipients, {rounds} messages: MAIL to 250 after DATA: median {times[times.Count / 2]:0.00} ms, p90 {times[(int)(times.Count * 0.9)]:0.00} ms, max {times[^1]:0.00} ms");
        return 0;
    }

    private static Task Send(Stream stream, string text) => stream.WriteAsync(Encoding.ASCII.GetBytes(text)).AsTask();
}
