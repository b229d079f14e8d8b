using System.Collections.Concurrent;

namespace Preau.Imap.Session;

/// <summary>Counts open connections per key (IP address, account) against a cap.</summary>
internal sealed class ConnectionCounter(int max)
{
    private readonly ConcurrentDictionary<string, int> _counts = new(StringComparer.Ordinal);

    /// <summary>Takes a slot; false when the key already has <c>max</c>.</summary>
    public bool TryEnter(string key)
    {
        if (_counts.AddOrUpdate(key, 1, (_, n) => n + 1) <= max)
        {
            return true;
        }

        Leave(key);
        return false;
    }

    /// <summary>Gives a slot back.</summary>
    public void Leave(string key)
    {
        if (_counts.AddOrUpdate(key, 0, (_, n) => n - 1) <= 0)
        {
            _counts.TryRemove(KeyValuePair.Create(key, 0));
        }
    }
}
