using LiteDB;
using Preau.Core.Mail;

namespace Preau.Storage.LiteDb;

// Entries with their listing summaries. A blob's summary (`contents`) is written once, with its first
// entry, and never changed or removed: it may be read apart from the snapshot its entries come from.
// So a large read takes the entries in one hold of the gate and their summaries in chunks, one query
// and one hold each (`_id IN @0`): a 10,000-entry folder neither holds the gate for the length of its
// read (deliveries and other reads go on between chunks) nor pays 10,000 separate LiteDB queries
// (measured about 4 times slower than chunks of 256). Being immutable, summaries are also kept in
// memory once read (up to SummaryCacheSize; when full, an arbitrary quarter is forgotten, so a working
// set a little larger than the cache does not empty it all at once): reading a folder again costs the
// entries' range scan only. The records are those the listings and IMAP views hold anyway, so what the
// cache adds is the summaries nobody else keeps.
public sealed partial class LiteDbStore
{
    /// <summary>Summaries read per query (and per hold of the gate).</summary>
    private const int SummaryChunk = 256;

    /// <summary>Most summaries kept in memory: about 2.4 KB each with the IMAP envelope (measured on the
    /// benchmark's messages), so at most about 70 MB, less as the listings and IMAP views share them.
    /// Below the working set of the folders read whole, reads thrash (20,000 against 45,000 blobs read
    /// again and again: half the webmail throughput of 50,000).</summary>
    private const int SummaryCacheSize = 30_000;

    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, MessageSummary> _summaries = new(StringComparer.Ordinal);

    private static readonly MessageSummary NoSummary = new SummaryDoc().ToRecord();

    /// <summary>Entries read by <paramref name="scan"/> (under the gate, one snapshot) with their
    /// summaries: in the same hold when they fit in one chunk, else a chunk per hold afterwards.</summary>
    private List<MessageEntry> ReadEntries(Func<List<MessageDoc>> scan)
    {
        List<MessageDoc>? large = null;
        var small = Read(() =>
        {
            var docs = scan();
            if (docs.Count <= SummaryChunk)
            {
                return WithSummaries(docs);
            }

            large = docs;
            return null;
        });
        return small ?? WithSummaries(large!);
    }

    /// <summary>The records of <paramref name="docs"/>, their summaries read a chunk per query (each
    /// under the gate; inline when the caller holds it already).</summary>
    private List<MessageEntry> WithSummaries(List<MessageDoc> docs)
    {
        var summaries = new Dictionary<string, MessageSummary>(StringComparer.Ordinal);
        var missing = new HashSet<string>(StringComparer.Ordinal);
        foreach (var doc in docs)
        {
            if (_summaries.TryGetValue(doc.BlobHash, out var known))
            {
                summaries[doc.BlobHash] = known;
            }
            else
            {
                _ = missing.Add(doc.BlobHash);
            }
        }

        foreach (var chunk in missing.Chunk(SummaryChunk))
        {
            var keys = new BsonArray(chunk.Select(hash => new BsonValue(hash)));
            foreach (var content in Read(() => _contents.Find(Filters.In("_id", keys)).ToList()))
            {
                var summary = content.Summary.ToRecord();
                summaries[content.Id] = summary;
                RememberSummary(content.Id, summary);
            }
        }

        return docs.Select(d => d.ToRecord(summaries.GetValueOrDefault(d.BlobHash, NoSummary))).ToList();
    }

    /// <summary>Keeps a blob's summary in memory (it never changes once stored).</summary>
    private void RememberSummary(string hash, MessageSummary summary)
    {
        if (_summaries.Count >= SummaryCacheSize)
        {
            // Concurrent callers may evict twice: harmless, the cache is only ever smaller than its cap.
            foreach (var key in _summaries.Keys.Take(SummaryCacheSize / 4))
            {
                _ = _summaries.TryRemove(key, out _);
            }
        }

        _summaries[hash] = summary;
    }
}
