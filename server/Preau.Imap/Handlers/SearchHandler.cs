using Preau.Imap.Protocol.Commands;
using Preau.Imap.Protocol.Search;
using Preau.Imap.Protocol.Syntax;
using Preau.Imap.Protocol.Writing;
using Preau.Imap.Session;

namespace Preau.Imap.Handlers;

/// <summary>SEARCH and UID SEARCH, with ESEARCH's RETURN options (MIN, MAX, ALL, COUNT).</summary>
internal static class SearchHandler
{
    public static Task SearchAsync(ImapSession s, SearchCommand c, CancellationToken cancellationToken)
    {
        var box = s.Box;
        var evaluator = new SearchEvaluator(s, DateTimeOffset.UtcNow);
        var needsContent = SearchEvaluator.NeedsContent(c.Criteria);
        var entries = box.Uids.Select(box.Entry).ToArray();
        var hit = new bool[entries.Length];
        if (needsContent)
        {
            // Reading and decoding every message is the cost of a content search: use every core.
            Parallel.For(
                0,
                entries.Length,
                new ParallelOptions { CancellationToken = cancellationToken, MaxDegreeOfParallelism = Environment.ProcessorCount },
                i => hit[i] = evaluator.Matches(c.Criteria, (uint)i + 1, entries[i], evaluator.ContentOf(entries[i])));
        }
        else
        {
            for (var i = 0; i < entries.Length; i++)
            {
                hit[i] = evaluator.Matches(c.Criteria, (uint)i + 1, entries[i], null);
            }
        }

        var matches = new List<(uint Seq, uint Uid, ulong ModSeq)>();
        for (var i = 0; i < entries.Length; i++)
        {
            if (hit[i])
            {
                matches.Add(((uint)i + 1, entries[i].Uid, entries[i].ModSeq));
            }
        }

        var numbers = matches.Select(m => c.ByUid ? m.Uid : m.Seq).ToList();
        ulong? highest = SearchEvaluator.UsesModSeq(c.Criteria) && matches.Count > 0 ? matches.Max(m => m.ModSeq) : null;
        if (highest is not null)
        {
            s.CondStore = true;
        }

        if (c.Return is { } options)
        {
            var all = options == SearchReturnOptions.None || options.HasFlag(SearchReturnOptions.All);
            s.Writer.ESearch(
                c.Tag,
                c.ByUid,
                options.HasFlag(SearchReturnOptions.Min) && numbers.Count > 0 ? numbers.Min() : null,
                options.HasFlag(SearchReturnOptions.Max) && numbers.Count > 0 ? numbers.Max() : null,
                all ? SequenceSet.FromNumbers(numbers) : null,
                options.HasFlag(SearchReturnOptions.Count) ? (uint)numbers.Count : null,
                highest);
        }
        else
        {
            s.Writer.Search(numbers, highest);
        }

        if (c.ByUid)
        {
            s.SendUpdates();
        }

        s.Writer.Status(c.Tag, ImapStatus.Ok, "SEARCH completed");
        return Task.CompletedTask;
    }
}
