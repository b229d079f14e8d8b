using System.Collections.Concurrent;

namespace Preau.Imap.Session;

/// <summary>Rendered ENVELOPEs by blob hash, shared by all sessions. A blob never changes, so an
/// entry never goes stale; the cache only bounds its size (cleared whole when full, which is
/// simpler than LRU and costs one re-read per message afterwards). Clients ask for envelopes of
/// the same messages again and again (Thunderbird on every folder open): this keeps those FETCHes
/// from reading thousands of files.</summary>
internal sealed class EnvelopeCache(int capacity)
{
    private readonly ConcurrentDictionary<string, string> _entries = new(StringComparer.Ordinal);

    public bool TryGet(string blobHash, out string envelope) => _entries.TryGetValue(blobHash, out envelope!);

    public void Add(string blobHash, string envelope)
    {
        if (_entries.Count >= capacity)
        {
            _entries.Clear();
        }

        _entries[blobHash] = envelope;
    }
}
