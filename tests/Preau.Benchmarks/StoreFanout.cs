using System.Diagnostics;
using Preau.Core.Mail;
using Preau.Storage.LiteDb;

namespace Preau.Benchmarks;

/// <summary>The storage half of a 150-recipient delivery, without SMTP: blob put, then one
/// <see cref="DeliveryBatch"/> of 150 INBOX entries committed durably. Run on a stopped server's
/// data folder (LiteDB holds the file exclusively).</summary>
internal static class StoreFanout
{
    public static async Task<int> RunAsync(string[] args)
    {
        var o = new Options(args);
        var folder = o.Get("data", "data");
        var rounds = o.Int("rounds", 30);
        using var store = new LiteDbStore(folder);
        var blobs = new FileBlobStore(folder);
        var accounts = store.Load().Accounts.Take(150).Select(a => a.Id).ToArray();
        var blobTimes = new List<double>();
        var commitTimes = new List<double>();
        for (var i = 0; i < rounds + 3; i++)
        {
            var content = System.Text.Encoding.ASCII.GetBytes($"Subject: fanout {i} {Guid.NewGuid()}\r\n\r\n" + new string('x', 4000));
            var start = Stopwatch.GetTimestamp();
            var hash = await blobs.PutAsync(content);
            var blob = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
            var batch = new DeliveryBatch(hash, content.Length, DateTimeOffset.UtcNow, SummaryParser.Parse(content),
                accounts.Select(a => new LocalDelivery(a, DefaultMailboxes.Inbox)).ToArray(), null, []);
            start = Stopwatch.GetTimestamp();
            await store.CommitAsync(batch);
            var commit = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
            if (i >= 3)
            {
                blobTimes.Add(blob);
                commitTimes.Add(commit);
            }
        }

        blobTimes.Sort();
        commitTimes.Sort();
        Console.WriteLine($"150-entry batch: blob put median {blobTimes[rounds / 2]:0.00} ms, index commit median {commitTimes[rounds / 2]:0.00} ms (max {commitTimes[^1]:0.00})");
        return 0;
    }
}
