using MimeKit;
using Preau.Core.Mail;
using Preau.Imap.Content;
using Preau.Imap.Protocol.Commands;
using Preau.Imap.Protocol.Search;
using Preau.Imap.Protocol.Writing;
using Preau.Imap.Session;
using ContentCriterion = Preau.Imap.Content.SortCriterion;
using ContentKey = Preau.Imap.Content.SortKey;
using ProtocolCriterion = Preau.Imap.Protocol.Commands.SortCriterion;
using ProtocolKey = Preau.Imap.Protocol.Commands.SortKey;

namespace Preau.Imap.Handlers;

/// <summary>SORT and UID SORT (RFC 5256 §3): the SEARCH program picks the messages, the content layer
/// orders them by their headers. ARRIVAL and SIZE come from the index; only the other keys read the
/// top-level header of each match, and bodies are read only when the search program needs them.</summary>
internal static class SortHandler
{
    public static async Task SortAsync(ImapSession s, SortCommand c, CancellationToken cancellationToken)
    {
        if (c.Return is not null)
        {
            // RETURN belongs to ESORT (RFC 5267), which the server does not announce.
            s.Writer.Status(c.Tag, ImapStatus.Bad, $"{c.Name} RETURN (ESORT) is not supported");
            return;
        }

        var program = c.Order.Select(Criterion).ToList();
        var needsHeaders = program.Any(x => x.Key is not (ContentKey.Arrival or ContentKey.Size));
        var keyed = await MatchingAsync(
            s,
            c.Criteria,
            needsHeaders,
            (seq, entry, headers) => (Number: c.ByUid ? entry.Uid : seq, Keys: headers is null
                ? new MessageSortKeys(entry.InternalDate, entry.InternalDate, entry.Size, "", "", "", "", "", "")
                : MessageSortKeys.Create(headers, entry.InternalDate, entry.Size)),
            cancellationToken);

        // The matches are in sequence order, the tie-breaker RFC 5256 asks for.
        var sorted = SortKeys.Sort(keyed, k => k.Keys, program);
        s.Writer.Untagged().Atom("SORT"u8);
        foreach (var (number, _) in sorted)
        {
            s.Writer.Number(number);
        }

        s.Writer.EndLine();
        if (c.ByUid)
        {
            s.SendUpdates();
        }

        s.Writer.Status(c.Tag, ImapStatus.Ok, $"{c.Name} completed");
    }

    /// <summary>
    /// Runs a search program over the selected mailbox and projects each match, in sequence order, with
    /// its sequence number, its entry and (when <paramref name="needsHeaders"/>) its top-level header.
    /// The projection runs while the message is at hand, so a content search keeps no message loaded.
    /// </summary>
    internal static async Task<List<T>> MatchingAsync<T>(ImapSession s, SearchKey criteria, bool needsHeaders,
        Func<uint, MessageEntry, HeaderList?, T> project, CancellationToken cancellationToken)
    {
        var box = s.Box;
        var evaluator = new SearchEvaluator(s, DateTimeOffset.UtcNow);
        var needsContent = SearchEvaluator.NeedsContent(criteria);
        var result = new List<T>();
        for (var i = 0; i < box.Uids.Count; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var seq = (uint)i + 1;
            var entry = box.Entry(box.Uids[i]);
            var content = needsContent ? evaluator.ContentOf(entry) : null;
            if (!evaluator.Matches(criteria, seq, entry, content))
            {
                continue;
            }

            HeaderList? headers = null;
            if (needsHeaders)
            {
                headers = content is { IsLoaded: true }
                    ? content.Message.Headers
                    : await FetchHandler.LoadHeadersAsync(s, entry, cancellationToken);
            }

            result.Add(project(seq, entry, headers));
        }

        return result;
    }

    private static ContentCriterion Criterion(ProtocolCriterion criterion) => new(
        criterion.Key switch
        {
            ProtocolKey.Arrival => ContentKey.Arrival,
            ProtocolKey.Cc => ContentKey.Cc,
            ProtocolKey.Date => ContentKey.Date,
            ProtocolKey.From => ContentKey.From,
            ProtocolKey.Size => ContentKey.Size,
            ProtocolKey.Subject => ContentKey.Subject,
            ProtocolKey.To => ContentKey.To,
            ProtocolKey.DisplayFrom => ContentKey.DisplayFrom,
            ProtocolKey.DisplayTo => ContentKey.DisplayTo,
            _ => throw new ArgumentOutOfRangeException(nameof(criterion)),
        },
        criterion.Reverse);
}
