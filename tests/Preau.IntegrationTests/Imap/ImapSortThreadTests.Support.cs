using System.Globalization;
using System.Net.Security;
using System.Net.Sockets;
using System.Text;
using System.Text.RegularExpressions;
using MailKit;
using MailKit.Net.Imap;
using MailKit.Search;
using MimeKit;
using Preau.IntegrationTests.Infrastructure;

namespace Preau.IntegrationTests.Imap;

public partial class ImapSortThreadTests
{
    /// <summary>
    /// Six messages, appended in this order (sequence = index):
    /// <code>
    /// #  Subject               Date (UTC)        From            body lines  arrival  flags
    /// 1  Re: Fwd: bravo        03-05 10:00       zoe             30          04-03
    /// 2  alpha                 03-01 08:00       Aaron &lt;marc&gt;  15          04-06
    /// 3  [liste] Re: Charlie   03-03 02:00       anne            60          04-01    \Seen
    /// 4  Fwd: ALPHA            03-04 12:00       BOB             1           04-05    \Seen
    /// 5  delta (fwd)           03-03 04:30 (03-02 23:30 -0500)  claire  45   04-02
    /// 6  Re: charlie           03-06 09:00       anne            80          04-04
    /// </code>
    /// </summary>
    private static async Task<(IMailFolder Folder, List<UniqueId> Uids)> SortFolderAsync(ImapClient client)
    {
        var folder = await CreateFolderAsync(client);
        (MimeMessage Message, MessageFlags Flags, string Arrival)[] messages =
        [
            (Mail("Re: Fwd: bravo", "2024-03-05T10:00:00+00:00", "zoe@ecole.test", 30), MessageFlags.None, "2024-04-03T10:00:00+00:00"),
            (Mail("alpha", "2024-03-01T09:00:00+01:00", "Aaron <marc@ecole.test>", 15), MessageFlags.None, "2024-04-06T10:00:00+00:00"),
            (Mail("[liste] Re: Charlie", "2024-03-03T02:00:00+00:00", "anne@ecole.test", 60), MessageFlags.Seen, "2024-04-01T10:00:00+00:00"),
            (Mail("Fwd: ALPHA", "2024-03-04T12:00:00+00:00", "BOB@ecole.test", 1), MessageFlags.Seen, "2024-04-05T10:00:00+00:00"),
            (Mail("delta (fwd)", "2024-03-02T23:30:00-05:00", "Claire <claire@ecole.test>", 45), MessageFlags.None, "2024-04-02T10:00:00+00:00"),
            (Mail("Re: charlie", "2024-03-06T09:00:00+00:00", "Anne <anne@ecole.test>", 80), MessageFlags.None, "2024-04-04T10:00:00+00:00"),
        ];
        var uids = new List<UniqueId>();
        foreach (var (message, flags, arrival) in messages)
        {
            uids.Add((await folder.AppendAsync(new AppendRequest(message, flags, Day(arrival))))!.Value);
        }

        return (folder, uids);
    }

    /// <summary>
    /// Nine messages, appended out of date order (sequence = index):
    /// <code>
    /// #  Message-ID  References / In-Reply-To   Subject               Date
    /// 1  i9          -                          Re: Cantine           03-09
    /// 2  a2          -                          Réunion parents       03-01
    /// 3  e3          R: root (missing)          Sortie                03-05
    /// 4  b4          R: a2                      Re: Réunion parents   03-02
    /// 5  h5          -                          Cantine               03-08
    /// 6  c6          I: b4 (no References)      Re: Réunion parents   03-03   \Seen
    /// 7  g7          -                          Re: Sortie            03-07
    /// 8  d8          R: a2 missing              Re: Réunion parents   03-04
    /// 9  f9          R: root (missing)          Re: Sortie            03-06
    /// </code>
    /// </summary>
    private static async Task<(IMailFolder Folder, List<UniqueId> Uids)> ThreadFolderAsync(ImapClient client)
    {
        var folder = await CreateFolderAsync(client);
        (string Id, string[] References, string? InReplyTo, string Subject, int Day)[] messages =
        [
            ("i9@ecole.test", [], null, "Re: Cantine", 9),
            ("a2@ecole.test", [], null, "Réunion parents", 1),
            ("e3@ecole.test", ["root@ecole.test"], null, "Sortie", 5),
            ("b4@ecole.test", ["a2@ecole.test"], "a2@ecole.test", "Re: Réunion parents", 2),
            ("h5@ecole.test", [], null, "Cantine", 8),
            ("c6@ecole.test", [], "b4@ecole.test", "Re: Réunion parents", 3),
            ("g7@ecole.test", [], null, "Re: Sortie", 7),
            ("d8@ecole.test", ["a2@ecole.test", "missing@ecole.test"], "missing@ecole.test", "Re: Réunion parents", 4),
            ("f9@ecole.test", ["root@ecole.test"], "root@ecole.test", "Re: Sortie", 6),
        ];
        var uids = new List<UniqueId>();
        foreach (var (id, references, inReplyTo, subject, day) in messages)
        {
            var message = Mail(subject, $"2024-03-{day:00}T10:00:00+00:00", "parent.6a@demo.preau.test");
            message.MessageId = id;
            foreach (var reference in references)
            {
                message.References.Add(reference);
            }

            if (inReplyTo is not null)
            {
                message.InReplyTo = inReplyTo;
            }

            var flags = id.StartsWith("c6", StringComparison.Ordinal) ? MessageFlags.Seen : MessageFlags.None;
            uids.Add((await folder.AppendAsync(new AppendRequest(message, flags, Day("2024-04-01T00:00:00+00:00"))))!.Value);
        }

        return (folder, uids);
    }

    private static async Task<IMailFolder> CreateFolderAsync(ImapClient client)
    {
        var name = "SortThread-" + Guid.NewGuid().ToString("N")[..8];
        var folder = (await client.GetFolder(client.PersonalNamespaces[0]).CreateAsync(name, true))!;
        await folder.OpenAsync(FolderAccess.ReadWrite);
        return folder;
    }

    private static MimeMessage Mail(string subject, string date, string from, int bodyLines = 1)
    {
        var message = new MimeMessage();
        message.From.Add(InternetAddress.Parse(from));
        message.To.Add(new MailboxAddress("Prof Maths", "prof.maths@demo.preau.test"));
        message.Subject = subject;
        message.Date = Day(date);
        var body = new StringBuilder();
        for (var i = 0; i < bodyLines; i++)
        {
            body.Append(CultureInfo.InvariantCulture, $"ligne {i:000} ").Append('x', 60).Append('\n');
        }

        message.Body = new TextPart("plain") { Text = body.ToString() };
        return message;
    }

    private static DateTimeOffset Day(string text) => DateTimeOffset.Parse(text, CultureInfo.InvariantCulture);

    /// <summary>The UIDs of messages given by their (1-based) append order.</summary>
    private static List<UniqueId> Pick(List<UniqueId> uids, params int[] indexes) => indexes.Select(i => uids[i - 1]).ToList();

    /// <summary>A THREAD answer written with append indexes, with every number turned into its UID.</summary>
    private static string WithUids(string threads, List<UniqueId> uids) =>
        Number().Replace(threads, m => uids[int.Parse(m.Value, CultureInfo.InvariantCulture) - 1].Id.ToString(CultureInfo.InvariantCulture));

    /// <summary>MailKit's threads written back as RFC 5256 thread-lists (a dummy writes only its children).</summary>
    private static string Render(IList<MessageThread> threads)
    {
        var builder = new StringBuilder();
        foreach (var thread in threads)
        {
            builder.Append('(');
            Chain(builder, thread);
            builder.Append(')');
        }

        return builder.ToString();
    }

    private static void Chain(StringBuilder builder, MessageThread node)
    {
        if (node.UniqueId is { } uid)
        {
            builder.Append(uid.Id.ToString(CultureInfo.InvariantCulture));
            if (node.Children.Count > 0)
            {
                builder.Append(' ');
            }
        }

        if (node.Children.Count == 1)
        {
            Chain(builder, node.Children[0]);
            return;
        }

        foreach (var child in node.Children)
        {
            builder.Append('(');
            Chain(builder, child);
            builder.Append(')');
        }
    }

    private static string Untagged(List<string> lines, string name)
    {
        var found = lines.Where(l => l == "* " + name || l.StartsWith("* " + name + " ", StringComparison.Ordinal)).ToList();
        Assert.That(found, Has.Count.EqualTo(1), $"one * {name} line in:\n{string.Join('\n', lines)}");
        return found[0];
    }

    [GeneratedRegex("\\d+")]
    private static partial Regex Number();

    /// <summary>A bare IMAP client over implicit TLS: one command line at a time, the answer's lines back.</summary>
    private sealed class RawImap : IAsyncDisposable
    {
        private readonly TcpClient _tcp;
        private readonly StringBuilder _transcript = new();
        private SslStream _stream = null!;
        private StreamReader _reader = null!;
        private int _tag;

        private RawImap(TcpClient tcp) => _tcp = tcp;

        public string Transcript => _transcript.ToString();

        public static async Task<RawImap> ConnectAsync(int port, string login, string password)
        {
            var raw = new RawImap(new TcpClient { NoDelay = true });
            try
            {
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
                await raw._tcp.ConnectAsync("127.0.0.1", port, timeout.Token);
                raw._stream = new SslStream(raw._tcp.GetStream(), false, (_, _, _, _) => true);
                await raw._stream.AuthenticateAsClientAsync(new SslClientAuthenticationOptions { TargetHost = "localhost" }, timeout.Token);
                raw._reader = new StreamReader(raw._stream, Encoding.UTF8);
                await raw.ReadLineAsync();
                var answer = await raw.CommandAsync($"LOGIN {login} \"{password}\"");
                Assert.That(answer[^1], Does.Match("^t\\d+ OK"), raw.Transcript);
                return raw;
            }
            catch
            {
                await raw.DisposeAsync();
                throw;
            }
        }

        /// <summary>Sends a tagged command; returns every line up to and including the tagged one.</summary>
        public async Task<List<string>> CommandAsync(string command)
        {
            var tag = "t" + (++_tag).ToString(CultureInfo.InvariantCulture);
            _transcript.Append("C: ").Append(tag).Append(' ').Append(command).Append('\n');
            await _stream.WriteAsync(Encoding.UTF8.GetBytes($"{tag} {command}\r\n"));
            await _stream.FlushAsync();
            var lines = new List<string>();
            while (true)
            {
                var line = await ReadLineAsync();
                lines.Add(line);
                if (line.StartsWith(tag + " ", StringComparison.Ordinal))
                {
                    return lines;
                }
            }
        }

        public async ValueTask DisposeAsync()
        {
            _reader?.Dispose();
            if (_stream is not null)
            {
                await _stream.DisposeAsync();
            }

            _tcp.Dispose();
        }

        private async Task<string> ReadLineAsync()
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            var line = await _reader.ReadLineAsync(timeout.Token) ?? throw new IOException("connection closed\n" + Transcript);
            _transcript.Append("S: ").Append(line).Append('\n');
            return line;
        }
    }
}
