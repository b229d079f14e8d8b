using System.Diagnostics;
using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;

namespace Preau.Benchmarks;

/// <summary>Times a 150-recipient message from the head teacher's administrator identity (no send rate limit), the whole SMTP transaction (MAIL,
/// 150 pipelined RCPT, DATA) up to the 250 that Préau sends once the blob and all 150 INBOX
/// entries are durable. Repeated to get a median.</summary>
internal static class Fanout
{
    public static async Task<int> RunAsync(string[] args)
    {
        var o = new Options(args);
        var port = o.Int("port", 2587);
        var rounds = o.Int("rounds", 30);
        var domain = o.Get("domain", "demo.preau.test");
        var recipients = File.ReadAllLines(o.Get("recipients", "recipients.txt")).Where(l => l.Length > 0).Take(150).ToArray();
        using var client = new SmtpClient();
        client.ServerCertificateValidationCallback = (_, _, _, _) => true;
        await client.ConnectAsync("127.0.0.1", port, SecureSocketOptions.StartTls);
        var login = o.Get("login", "principal.admin");
        await client.AuthenticateAsync(login, o.Get("password", "demo"));
        var times = new List<double>();
        for (var i = 0; i < rounds + 3; i++)
        {
            var message = new MimeMessage();
            message.From.Add(MailboxAddress.Parse($"{login}@{domain}"));
            message.To.Add(new GroupAddress("destinataires", []));
            message.Subject = $"Information {i}";
            message.Body = new TextPart("plain") { Text = new string('x', 4000) };
            var start = Stopwatch.GetTimestamp();
            await client.SendAsync(message, MailboxAddress.Parse($"{login}@{domain}"), recipients.Select(r => MailboxAddress.Parse($"{r}@{domain}")));
            if (i >= 3)
            {
                times.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
            }
        }

        times.Sort();
        Console.WriteLine($"{recipients.Length} recipients, {rounds} messages: MAIL to 250 after DATA: median {times[times.Count / 2]:0.00} ms, max {times[^1]:0.00} ms");
        return 0;
    }
}
