using Preau.Imap.Content;
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
        var matches = new List<(uint Seq, uint Uid, ulong ModSeq)>();
        for (var i = 0; i < box.Uids.Count; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var entry = box.Entry(box.Uids[i]);
            SearchMatcher? content = needsContent ? evaluator.ContentOf(entry) : null;
            if (evaluator.Matches(c.Criteria, (uint)i + 1, entry, content))
            {
                matches.Add(((uint)i + 1, entry.Uid, entry.ModSeq));
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
