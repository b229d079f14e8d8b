using System.Diagnostics;

namespace Preau.Benchmarks;

/// <summary>
/// <c>web-list</c>: the first page (50, newest first) of a big INBOX through the webmail API, timed from
/// sending the request to reading the whole JSON answer. Run it on a server just started: the folder tree
/// (<c>GET /api/mail/folders</c>, which counts every folder) is then the request that reads the 10,000
/// entries from the index; the endpoint is then warmed on another folder (JIT, JSON contracts), and the
/// INBOX's first page timed: first (its date order built), repeated (folder unchanged), each right after a
/// flag change (one entry re-read), and the first sort by sender and by subject.
/// </summary>
internal static class WebList
{
    public static async Task<int> RunAsync(string[] args)
    {
        var o = new Options(args);
        var rounds = o.Int("rounds", 30);
        using var web = await WebClientSession.SignInAsync(o.Int("port", 8080), o.Get("login", "prof.maths"), o.Get("password", "demo"));
        var (tree, folders) = await TimeAsync(() => web.GetAsync("api/mail/folders"));
        Console.WriteLine($"folder tree with counts, first request after start (reads every folder's entries): {tree:0.0} ms");
        var inbox = folders.EnumerateArray().First(f => f.GetProperty("specialUse").GetString() == "inbox").GetProperty("id").GetString();
        var sent = folders.EnumerateArray().First(f => f.GetProperty("specialUse").GetString() == "sent").GetProperty("id").GetString();
        await web.GetAsync($"api/mail/folders/{sent}/messages?limit=50");
        Console.WriteLine($"folder tree again: {(await TimeAsync(() => web.GetAsync("api/mail/folders"))).Ms:0.0} ms");
        var page = $"api/mail/folders/{inbox}/messages?limit=50";
        var (first, json) = await TimeAsync(() => web.GetAsync(page));
        Console.WriteLine($"INBOX: {json.GetProperty("total").GetInt32()} messages; first page, first request: {first:0.0} ms");

        var repeated = new List<double>();
        for (var i = 0; i < rounds; i++)
        {
            repeated.Add((await TimeAsync(() => web.GetAsync(page))).Ms);
        }

        Report("first page, folder unchanged", repeated);

        var id = json.GetProperty("items")[0].GetProperty("id").GetString();
        var afterChange = new List<double>();
        for (var i = 0; i < rounds; i++)
        {
            await web.SendAsync(HttpMethod.Post, "api/mail/messages/flags", new { ids = new[] { id }, flagged = i % 2 == 0 });
            afterChange.Add((await TimeAsync(() => web.GetAsync(page))).Ms);
        }

        Report("first page, right after a flag change", afterChange);
        foreach (var sort in new[] { "from", "subject" })
        {
            var (ms, _) = await TimeAsync(() => web.GetAsync($"{page}&sort={sort}&order=asc"));
            Console.WriteLine($"first page sorted by {sort}, first time: {ms:0.0} ms");
        }

        return 0;
    }

    public static async Task<(double Ms, T Value)> TimeAsync<T>(Func<Task<T>> action)
    {
        var start = Stopwatch.GetTimestamp();
        var value = await action();
        return (Stopwatch.GetElapsedTime(start).TotalMilliseconds, value);
    }

    public static void Report(string what, List<double> times)
    {
        times.Sort();
        Console.WriteLine($"{what}: median {Percentile(times, 0.5):0.0} ms, p99 {Percentile(times, 0.99):0.0} ms, min {times[0]:0.0} ms, max {times[^1]:0.0} ms ({times.Count} requests)");
    }

    public static double Percentile(List<double> sorted, double p) =>
        sorted.Count == 0 ? 0 : sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];
}
