using System.Diagnostics;
using System.Net.Sockets;
using System.Text;

namespace Preau.Benchmarks;

/// <summary>A closed-loop SMTP load: N sessions over loopback, each sending messages one after the
/// other on one connection (MAIL, RCPT, DATA pipelined as RFC 2920 allows), to one local
/// recipient on the inbound port. A message counts once the server answered 250 after DATA,
/// which Préau only does once it is durable.</summary>
internal static class SmtpLoad
{
    public static async Task<int> RunAsync(string[] args)
    {
        var o = new Options(args);
        var port = o.Int("port", 2525);
        var sessions = o.Int("sessions", 16);
        var total = o.Int("messages", 20000);
        var size = o.Int("size", 10 * 1024);
        var to = o.Get("to", "prof.maths@demo.preau.test");
        var body = BuildMessage(size, to);
        var counter = 0;
        var perSession = total / sessions;
        var latencies = Enumerable.Range(0, sessions).Select(_ => new List<double>(perSession)).ToArray();

        // Warm up the server's JIT and caches.
        await RunSessionAsync(port, to, body, 200, new List<double>(), () => Interlocked.Increment(ref counter));

        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, sessions).Select(i => Task.Run(() => RunSessionAsync(port, to, body, perSession, latencies[i], () => Interlocked.Increment(ref counter)))));
        clock.Stop();

        var all = latencies.SelectMany(l => l).Order().ToArray();
        Console.WriteLine($"messages: {all.Length} of {size} bytes, {sessions} sessions, port {port}");
        Console.WriteLine($"elapsed: {clock.Elapsed.TotalSeconds:0.00} s, throughput: {all.Length / clock.Elapsed.TotalSeconds:0} messages/s");
        Console.WriteLine($"latency (MAIL to 250 after DATA): p50 {Percentile(all, 0.50):0.00} ms, p99 {Percentile(all, 0.99):0.00} ms, max {all[^1]:0.00} ms");
        return 0;
    }

    private static async Task RunSessionAsync(int port, string to, byte[] body, int count, List<double> latencies, Func<int> next)
    {
        using var client = new TcpClient { NoDelay = true };
        await client.ConnectAsync("127.0.0.1", port);
        var stream = client.GetStream();
        var reader = new LineReader(stream);
        await reader.ExpectAsync("220");
        await WriteAsync(stream, "EHLO load.test\r\n");
        await reader.ExpectAsync("250");
        var envelope = Encoding.ASCII.GetBytes($"MAIL FROM:<load@exemple.org>\r\nRCPT TO:<{to}>\r\nDATA\r\n");
        for (var i = 0; i < count; i++)
        {
            var start = Stopwatch.GetTimestamp();
            await stream.WriteAsync(envelope);
            await reader.ExpectAsync("250");
            await reader.ExpectAsync("250");
            await reader.ExpectAsync("354");
            // Every message differs (its first header), so each one writes its own blob.
            await stream.WriteAsync(Encoding.ASCII.GetBytes($"X-Load-Sequence: {next()}-{Guid.NewGuid():N}\r\n"));
            await stream.WriteAsync(body);
            await reader.ExpectAsync("250");
            latencies.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
        }

        await WriteAsync(stream, "QUIT\r\n");
    }

    private static byte[] BuildMessage(int size, string to)
    {
        var sb = new StringBuilder();
        sb.Append("From: Charge <load@exemple.org>\r\n").Append("To: <").Append(to).Append(">\r\n")
            .Append("Subject: load test\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n");
        var line = "Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor incididunt.\r\n";
        while (sb.Length < size)
        {
            sb.Append(line);
        }

        sb.Append(".\r\n");
        return Encoding.ASCII.GetBytes(sb.ToString());
    }

    private static Task WriteAsync(NetworkStream stream, string text) => stream.WriteAsync(Encoding.ASCII.GetBytes(text)).AsTask();

    private static double Percentile(double[] sorted, double p) => sorted.Length == 0 ? 0 : sorted[Math.Min(sorted.Length - 1, (int)(p * sorted.Length))];
}
