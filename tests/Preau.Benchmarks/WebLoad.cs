using System.Collections.Concurrent;
using System.Diagnostics;

namespace Preau.Benchmarks;

/// <summary>
/// <c>web-load</c>: N webmail users at once, spread over the demo personas, each in a closed loop: first
/// page of INBOX, open the newest message (marking it read), and every fourth round send a message to
/// oneself through the API (policy, delivery, copy in Envoyés) and flag a message. Reports requests per
/// second and p50/p99 latency per request kind and overall, and errors. Run the server with send rate
/// limits raised (see docs/BENCHMARKS.md), or the sends are refused as they would be in a school.
/// </summary>
internal static class WebLoad
{
    private static readonly string[] Logins =
        ["principal", "principal.admin", "admin", "cpe", "prof.anglais", "prof.maths", "eleve.6a", "eleve2.6a", "eleve.5b", "parent.6a", "parent.5b"];

    public static async Task<int> RunAsync(string[] args)
    {
        var o = new Options(args);
        var port = o.Int("port", 8080);
        var users = o.Int("users", 200);
        var seconds = o.Int("seconds", 60);
        var domain = o.Get("domain", "demo.preau.test");
        var timings = new ConcurrentDictionary<string, ConcurrentBag<double>>();
        var errors = new ConcurrentBag<string>();

        // Sign everyone in first: the figure is about reading and sending, not about logins.
        var sessions = await Task.WhenAll(Enumerable.Range(0, users).Select(async i =>
        {
            var login = Logins[i % Logins.Length];
            var web = await WebClientSession.SignInAsync(port, login, o.Get("password", "demo"));
            return (login, web, inbox: await web.FolderAsync("inbox"));
        }));
        Console.WriteLine($"{users} users signed in");

        var stop = DateTime.UtcNow.AddSeconds(seconds);
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(sessions.Select((s, i) => Task.Run(async () =>
        {
            var round = i;
            while (DateTime.UtcNow < stop)
            {
                round++;
                try
                {
                    var page = await TimeAsync(timings, "list", () => s.web.GetAsync($"api/mail/folders/{s.inbox}/messages?limit=50"));
                    var items = page.GetProperty("items");
                    if (items.GetArrayLength() > 0)
                    {
                        var id = items[0].GetProperty("id").GetString();
                        await TimeAsync(timings, "open", () => s.web.GetAsync($"api/mail/messages/{id}"));
                        if (round % 4 == 0)
                        {
                            await TimeAsync(timings, "flag", () => s.web.SendAsync(HttpMethod.Post, "api/mail/messages/flags", new { ids = new[] { id }, flagged = round % 8 == 0 }));
                        }
                    }

                    if (round % 4 == 0)
                    {
                        await TimeAsync(timings, "send", () => s.web.SendAsync(HttpMethod.Post, "api/mail/send", new
                        {
                            to = new[] { $"{s.login}@{domain}" },
                            subject = $"Charge {i}-{round}",
                            text = "Message de charge du webmail.\n" + new string('x', 2000),
                        }));
                    }
                }
#pragma warning disable CA1031 // A load tool counts every failure instead of stopping.
                catch (Exception e)
#pragma warning restore CA1031
                {
                    errors.Add($"{s.login}: {e.GetType().Name}: {e.Message}");
                }
            }
        })));
        clock.Stop();

        var all = timings.Values.SelectMany(t => t).ToList();
        all.Sort();
        Console.WriteLine($"{users} users, {clock.Elapsed.TotalSeconds:0} s: {all.Count} requests, {all.Count / clock.Elapsed.TotalSeconds:0} requests/s; p50 {WebList.Percentile(all, 0.5):0.0} ms, p99 {WebList.Percentile(all, 0.99):0.0} ms; errors {errors.Count}");
        foreach (var (name, values) in timings.OrderBy(t => t.Key, StringComparer.Ordinal))
        {
            var sorted = values.ToList();
            sorted.Sort();
            Console.WriteLine($"  {name}: {sorted.Count} ({sorted.Count / clock.Elapsed.TotalSeconds:0}/s), p50 {WebList.Percentile(sorted, 0.5):0.0} ms, p99 {WebList.Percentile(sorted, 0.99):0.0} ms, max {sorted[^1]:0.0} ms");
        }

        foreach (var error in errors.GroupBy(e => e.Length > 160 ? e[..160] : e).OrderByDescending(g => g.Count()).Take(5))
        {
            Console.WriteLine($"  error x{error.Count()}: {error.Key}");
        }

        foreach (var s in sessions)
        {
            s.web.Dispose();
        }

        return 0;
    }

    private static async Task<System.Text.Json.JsonElement> TimeAsync(ConcurrentDictionary<string, ConcurrentBag<double>> timings, string name, Func<Task<System.Text.Json.JsonElement>> action)
    {
        var (ms, value) = await WebList.TimeAsync(action);
        timings.GetOrAdd(name, _ => []).Add(ms);
        return value;
    }
}
