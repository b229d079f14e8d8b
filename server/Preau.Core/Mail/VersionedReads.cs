using System.Collections.Concurrent;

namespace Preau.Core.Mail;

/// <summary>
/// Shares one store read among the sessions that ask the same question about the same state, e.g.
/// the 2,000 IMAP sessions woken by one delivery asking for "the messages of INBOX after UID n".
/// </summary>
/// <remarks>
/// A read is tagged with the <see cref="ChangeBus.Version"/> seen just before it started. Every change is
/// committed before it is published, and publishing raises the version, so a read that started at
/// version v reflects every change published up to v. A caller that sees version w may therefore use
/// any read tagged v ≥ w, finished or still running; otherwise it starts a new read. The answer is never
/// older than what the caller was told about.
/// </remarks>
/// <typeparam name="TKey">What is read (mailbox id, UID…).</typeparam>
/// <typeparam name="TValue">The answer, immutable.</typeparam>
internal sealed class VersionedReads<TKey, TValue>(ChangeBus bus, int capacity = 4096)
    where TKey : notnull
{
    private readonly ConcurrentDictionary<TKey, Read> _reads = new();

    /// <summary>The answer of a read at least as recent as the bus's current version.</summary>
    /// <param name="key">The question.</param>
    /// <param name="read">Reads the store.</param>
    public TValue Get(TKey key, Func<TValue> read)
    {
        var version = bus.Version;
        while (true)
        {
            var existing = _reads.GetValueOrDefault(key);
            if (existing is not null && existing.Version >= version)
            {
                return existing.Value;
            }

            if (_reads.Count >= capacity)
            {
                // Old answers are only useful during a burst: forget them all rather than track ages.
                _reads.Clear();
            }

            var mine = new Read(version, read);
            var placed = existing is null ? _reads.TryAdd(key, mine) : _reads.TryUpdate(key, mine, existing);
            if (placed)
            {
                try
                {
                    return mine.Value;
                }
                catch
                {
                    // A failed read must not be served to the next caller.
                    _reads.TryRemove(new KeyValuePair<TKey, Read>(key, mine));
                    throw;
                }
            }
        }
    }

    private sealed class Read(long version, Func<TValue> read)
    {
        private readonly Lazy<TValue> _value = new(read, LazyThreadSafetyMode.ExecutionAndPublication);

        public long Version { get; } = version;

        public TValue Value => _value.Value;
    }
}
