using Preau.Imap.Protocol;
using Preau.Imap.Protocol.Commands;
using Preau.Imap.Protocol.Reading;
using Preau.Imap.Protocol.Search;
using Preau.Imap.Protocol.Syntax;
using Preau.Imap.Protocol.Writing;
using Preau.Imap.Session;

namespace Preau.Imap.Handlers;

/// <summary>SEARCH and UID SEARCH, with ESEARCH's RETURN options (MIN, MAX, ALL, COUNT) and SEARCHRES's
/// SAVE; under IMAP4rev2 every answer is an ESEARCH.</summary>
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

        // IMAP4rev2 answers every SEARCH with ESEARCH, RETURN () being RETURN (ALL) (RFC 9051 §6.4.4).
        var options = c.Return ?? (s.Rev2 ? SearchReturnOptions.All : (SearchReturnOptions?)null);
        if (options is { } asked && asked.HasFlag(SearchReturnOptions.Save))
        {
            Save(box, matches.Select(m => m.Uid).ToList(), asked);
        }

        if (options is null)
        {
            s.Writer.Search(numbers, highest);
        }
        else if (options != SearchReturnOptions.Save)
        {
            // SAVE alone answers with the tagged OK only (RFC 5182 §2.1).
            var returns = options.Value;
            s.Writer.ESearch(
                c.Tag,
                c.ByUid,
                returns.HasFlag(SearchReturnOptions.Min) && numbers.Count > 0 ? numbers.Min() : null,
                returns.HasFlag(SearchReturnOptions.Max) && numbers.Count > 0 ? numbers.Max() : null,
                returns.HasFlag(SearchReturnOptions.All) ? SequenceSet.FromNumbers(numbers) : null,
                returns.HasFlag(SearchReturnOptions.Count) ? (uint)numbers.Count : null,
                highest);
        }

        if (c.ByUid)
        {
            s.SendUpdates();
        }

        s.Writer.Status(c.Tag, ImapStatus.Ok, "SEARCH completed");
        return Task.CompletedTask;
    }

    /// <summary>RFC 5182 §2.1: a SEARCH with SAVE that gets NO (an unknown CHARSET) empties the saved
    /// result; a BAD leaves it alone. Read from the raw command, since it did not parse.</summary>
    public static void OnRefused(ImapSession s, RawCommand raw, ImapError error)
    {
        if (error.Kind != ImapErrorKind.No || s.Selected is not { } box)
        {
            return;
        }

        var arguments = raw.Arguments.AsEnumerable();
        if (raw.Name == "UID" && raw.Arguments.Count > 0 && raw.Arguments[0].IsAtom("SEARCH"))
        {
            arguments = arguments.Skip(1);
        }
        else if (raw.Name != "SEARCH")
        {
            return;
        }

        // search = "SEARCH" [SP "RETURN" SP "(" return-opts ")"] SP search-program: RETURN comes first.
        var list = arguments.Take(2).ToList();
        if (list.Count == 2 && list[0].IsAtom("RETURN") && list[1].Items.Any(t => t.IsAtom("SAVE")))
        {
            box.Save([]);
        }
    }

    /// <summary>SEARCHRES (RFC 5182 §2.1): with MIN and/or MAX but neither ALL nor COUNT, only those
    /// messages are saved; otherwise every match. The result is kept as UIDs, matches being in UID order.</summary>
    private static void Save(SelectedMailbox box, List<uint> uids, SearchReturnOptions options)
    {
        if ((options & (SearchReturnOptions.All | SearchReturnOptions.Count)) == 0
            && (options & (SearchReturnOptions.Min | SearchReturnOptions.Max)) != 0
            && uids.Count > 0)
        {
            var kept = new List<uint>(2);
            if (options.HasFlag(SearchReturnOptions.Min))
            {
                kept.Add(uids[0]);
            }

            if (options.HasFlag(SearchReturnOptions.Max))
            {
                kept.Add(uids[^1]);
            }

            box.Save(kept);
            return;
        }

        box.Save(uids);
    }
}
