using System.Collections.Concurrent;
using System.Diagnostics;
using MailKit;
using MailKit.Net.Imap;
using MailKit.Search;
using MailKit.Security;
using MimeKit;

namespace Preau.Benchmarks;

/// <summary>A mixed IMAP load: N MailKit clients over implicit TLS, each looping for a while through
/// login, select, fetch of the newest 50 envelopes, store \Seen, append, fetch of the appended message
/// (it must be there, with its subject), store \Deleted and UID EXPUNGE of it, logout. Reports
/// operations per second and p50/p99 per command, errors, and checks that no appended message is lost.
/// Several clients share each demo account, so untagged FETCH updates from the others arrive during
/// a UID FETCH (RFC 9051 allows them): the appended message is looked up by its UID among them.</summary>
internal static class ImapMixed
{
    private static readonly string[] Logins =
        ["principal", "principal.admin", "admin", "cpe", "prof.anglais", "prof.maths", "eleve.6a", "eleve2.6a", "eleve.5b", "parent.6a", "parent.5b"];

    private static int _notInView;

    public static async Task<int> RunAsync(string[] args)
    {
        var o = new Options(args);
        var port = o.Int("port", 2993);
        var clients = o.Int("clients", 50);
        var seconds = o.Int("seconds", 60);
        var timings = new ConcurrentDictionary<string, ConcurrentBag<double>>();
        var errors = new ConcurrentBag<string>();
        var lost = 0;
        var stop = DateTime.UtcNow.AddSeconds(seconds);
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, clients).Select(i => Task.Run(async () =>
        {
            var login = Logins[i % Logins.Length];
            while (DateTime.UtcNow < stop)
            {
                try
                {
                    if (!await OneSessionAsync(port, login, i, timings))
                    {
                        Interlocked.Increment(ref lost);
                    }
                }
#pragma warning disable CA1031 // A load tool counts every failure instead of stopping.
                catch (Exception e)
#pragma warning restore CA1031
                {
                    errors.Add($"{login}: {e.GetType().Name}: {e.Message}");
                }
            }
        })));
        clock.Stop();

        var total = timings.Values.Sum(t => t.Count);
        Console.WriteLine($"{clients} clients, {clock.Elapsed.TotalSeconds:0} s: {total} commands, {total / clock.Elapsed.TotalSeconds:0} commands/s; errors {errors.Count}; appended messages lost {lost} (not in the fetch reply but found by SEARCH: {_notInView - lost})");
        foreach (var (name, values) in timings.OrderBy(t => t.Key, StringComparer.Ordinal))
        {
            var sorted = values.Order().ToArray();
            Console.WriteLine($"  {name,-14} {sorted.Length,7} ops  p50 {sorted[sorted.Length / 2],7:0.0} ms  p99 {sorted[(int)(sorted.Length * 0.99)],7:0.0} ms");
        }

        foreach (var error in errors.Distinct().Take(5))
        {
            Console.WriteLine("  error: " + error);
        }

        return errors.IsEmpty && lost == 0 ? 0 : 1;
    }

    /// <summary>One session; false when the appended message could not be found again.</summary>
    private static async Task<bool> OneSessionAsync(int port, string login, int client, ConcurrentDictionary<string, ConcurrentBag<double>> timings)
    {
        async Task<T> Timed<T>(string name, Func<Task<T>> action)
        {
            var start = Stopwatch.GetTimestamp();
            var result = await action();
            timings.GetOrAdd(name, _ => []).Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
            return result;
        }

        using var imap = new ImapClient { ServerCertificateValidationCallback = (_, _, _, _) => true };
        await Timed("connect", async () => { await imap.ConnectAsync("127.0.0.1", port, SecureSocketOptions.SslOnConnect); return 0; });
        await Timed("login", async () => { await imap.AuthenticateAsync(login, "demo"); return 0; });
        var inbox = imap.Inbox;
        await Timed("select", async () => await inbox.OpenAsync(FolderAccess.ReadWrite));
        if (inbox.Count > 0)
        {
            await Timed("fetch", async () => await inbox.FetchAsync(Math.Max(0, inbox.Count - 50), -1, MessageSummaryItems.UniqueId | MessageSummaryItems.Flags | MessageSummaryItems.Envelope));
            await Timed("store", async () => { await inbox.AddFlagsAsync(inbox.Count - 1, MessageFlags.Seen, true); return 0; });
        }

        var subject = $"charge {client} {Guid.NewGuid():N}";
        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse($"{login}@demo.preau.test"));
        message.To.Add(MailboxAddress.Parse($"{login}@demo.preau.test"));
        message.Subject = subject;
        message.Body = new TextPart("plain") { Text = new string('x', 2000) };
        var uid = await Timed("append", async () => await inbox.AppendAsync(message));
        var found = false;
        if (uid is { } u)
        {
            var fetched = await Timed("fetch-uid", async () => await inbox.FetchAsync([u], MessageSummaryItems.UniqueId | MessageSummaryItems.Envelope));
            // Other clients of the same account may mark it \Seen meanwhile: their flag update comes
            // as an extra FETCH for the same UID, so any summary of that UID with the subject counts.
            found = fetched.Any(m => m.UniqueId == u && m.Envelope?.Subject == subject);
            if (!found)
            {
                Interlocked.Increment(ref _notInView);
                found = (await Timed("search", async () => await inbox.SearchAsync(SearchQuery.SubjectContains(subject)))).Count > 0;
            }
        }

        if (uid is { } appended)
        {
            await Timed("store", async () => { await inbox.AddFlagsAsync(appended, MessageFlags.Deleted, true); return 0; });
            await Timed("expunge", async () => { await inbox.ExpungeAsync([appended]); return 0; });
        }

        await Timed("logout", async () => { await imap.DisconnectAsync(true); return 0; });
        return found;
    }
}
