using System.Diagnostics;
using System.Net.Security;
using System.Net.Sockets;
using System.Text;

namespace Preau.Benchmarks;

/// <summary>Times IMAP commands on a big mailbox over implicit TLS: FETCH 1:* (UID FLAGS ENVELOPE)
/// and UID SEARCH TEXT, from sending the command to reading its tagged OK (all output read).</summary>
internal static class ImapFetch
{
    public static async Task<int> RunAsync(string[] args)
    {
        var o = new Options(args);
        var port = o.Int("port", 2993);
        var login = o.Get("login", "prof.maths");
        var rounds = o.Int("rounds", 5);
        using var tcp = new TcpClient { NoDelay = true };
        await tcp.ConnectAsync("127.0.0.1", port);
        using var tls = new SslStream(tcp.GetStream(), false, (_, _, _, _) => true);
        await tls.AuthenticateAsClientAsync("localhost");
        var reader = new TaggedReader(tls);
        await reader.UntilAsync(null);
        await reader.CommandAsync("a", $"LOGIN {login} {o.Get("password", "demo")}");
        var (select, _) = await reader.CommandAsync("b", "SELECT INBOX");
        Console.WriteLine(select.Split('\n').First(l => l.Contains("EXISTS", StringComparison.Ordinal)).Trim());
        foreach (var (name, command) in new[] { ("FETCH 1:* (UID FLAGS ENVELOPE)", "FETCH 1:* (UID FLAGS ENVELOPE)"), ("UID SEARCH TEXT", $"UID SEARCH TEXT {o.Get("text", "introuvable")}") })
        {
            var times = new List<double>();
            long bytes = 0;
            double first = 0;
            for (var i = 0; i < rounds + 1; i++)
            {
                var (output, ms) = await reader.CommandAsync("c" + i, command);
                bytes = output.Length;
                if (i > 0)
                {
                    times.Add(ms);
                }
                else
                {
                    first = ms;
                }
            }

            times.Sort();
            Console.WriteLine($"{name}: first run {first:0} ms; then median {times[times.Count / 2]:0} ms, min {times[0]:0} ms, max {times[^1]:0} ms ({bytes} characters of output)");
        }

        return 0;
    }

    private sealed class TaggedReader(Stream stream)
    {
        private readonly StreamReader _reader = new(stream, Encoding.UTF8);

        public async Task<(string Output, double Ms)> CommandAsync(string tag, string command)
        {
            var start = Stopwatch.GetTimestamp();
            await stream.WriteAsync(Encoding.UTF8.GetBytes($"{tag} {command}\r\n"));
            var output = await UntilAsync(tag);
            return (output, Stopwatch.GetElapsedTime(start).TotalMilliseconds);
        }

        /// <summary>Reads lines until the tagged answer (or the greeting when tag is null).</summary>
        public async Task<string> UntilAsync(string? tag)
        {
            var all = new StringBuilder();
            while (await _reader.ReadLineAsync() is { } line)
            {
                all.Append(line).Append('\n');
                if (tag is null || line.StartsWith(tag + " ", StringComparison.Ordinal))
                {
                    if (tag is not null && !line.StartsWith(tag + " OK", StringComparison.Ordinal))
                    {
                        throw new InvalidOperationException(line);
                    }

                    break;
                }
            }

            return all.ToString();
        }
    }
}
