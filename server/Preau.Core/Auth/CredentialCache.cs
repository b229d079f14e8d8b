using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;

namespace Preau.Core.Auth;

/// <summary>Remembers recently verified credentials so that a client logging in every few seconds
/// (Outlook opens many IMAP connections) does not pay the KDF each time, as Dovecot's auth cache does.</summary>
/// <remarks>Holds only an HMAC of the password under a key that lives in this process's memory,
/// bound to the stored hash it was verified against: a password change or reset invalidates it at once.</remarks>
public sealed class CredentialCache
{
    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.OrdinalIgnoreCase);
    private readonly byte[] _key = RandomNumberGenerator.GetBytes(32);
    private readonly TimeSpan _ttl;
    private readonly TimeProvider _time;

    /// <summary>Creates a cache keeping entries for <paramref name="ttl"/>.</summary>
    public CredentialCache(TimeSpan ttl, TimeProvider time)
    {
        _ttl = ttl;
        _time = time;
    }

    /// <summary>Whether this login, password and stored hash were verified less than the TTL ago.</summary>
    public bool IsVerified(string login, string password, string storedHash)
    {
        if (!_entries.TryGetValue(login, out var entry))
        {
            return false;
        }

        if (entry.Expires < _time.GetUtcNow() || !string.Equals(entry.StoredHash, storedHash, StringComparison.Ordinal))
        {
            _entries.TryRemove(KeyValuePair.Create(login, entry));
            return false;
        }

        return CryptographicOperations.FixedTimeEquals(entry.Mac, Mac(password));
    }

    /// <summary>Records a successful verification.</summary>
    public void Remember(string login, string password, string storedHash) =>
        _entries[login] = new Entry(Mac(password), storedHash, _time.GetUtcNow() + _ttl);

    /// <summary>Forgets a login (password changed, account suspended).</summary>
    public void Forget(string login) => _entries.TryRemove(login, out _);

    private byte[] Mac(string password) => HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes(password));

    private sealed record Entry(byte[] Mac, string StoredHash, DateTimeOffset Expires);
}
