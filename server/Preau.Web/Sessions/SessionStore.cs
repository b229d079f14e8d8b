using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Preau.Core.Accounts;

namespace Preau.Web.Sessions;

/// <summary>Web sessions, in memory: a restart signs everyone out, which a school accepts for the
/// simplicity of not storing bearer secrets on disk.</summary>
/// <remarks>
/// The cookie value is 32 bytes from the operating system's CSPRNG (base64url); the store keeps only
/// its SHA-256, so a lookup's timing says nothing about valid values and a memory dump holds no usable
/// cookie. Expiry slides: a session ends after <see cref="IdleTimeout"/> without a request, and in any
/// case <see cref="Lifetime"/> after sign-in. Expired sessions are swept at most once a minute, on use.
/// An account keeps at most <see cref="MaxPerAccount"/> sessions (the oldest goes).
/// </remarks>
public sealed class SessionStore
{
    /// <summary>Sessions one account may hold at once.</summary>
    public const int MaxPerAccount = 20;

    private static readonly TimeSpan SweepInterval = TimeSpan.FromMinutes(1);
    private readonly ConcurrentDictionary<string, WebSession> _sessions = new(StringComparer.Ordinal);
    private readonly TimeProvider _time;
    private long _nextSweepTicks;

    /// <summary>Creates the store.</summary>
    public SessionStore(TimeSpan idleTimeout, TimeSpan lifetime, TimeProvider time)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(idleTimeout, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(lifetime, TimeSpan.Zero);
        IdleTimeout = idleTimeout;
        Lifetime = lifetime;
        _time = time ?? throw new ArgumentNullException(nameof(time));
    }

    /// <summary>How long a session lives without a request.</summary>
    public TimeSpan IdleTimeout { get; }

    /// <summary>How long a session lives at most.</summary>
    public TimeSpan Lifetime { get; }

    /// <summary>Sessions held now (expired ones not yet swept included).</summary>
    public int Count => _sessions.Count;

    /// <summary>Opens a session for <paramref name="account"/>; returns the cookie value and the session.</summary>
    public (string CookieValue, WebSession Session) Create(Account account)
    {
        ArgumentNullException.ThrowIfNull(account);
        var now = _time.GetUtcNow();
        Sweep(now);
        var cookie = Base64Url(RandomNumberGenerator.GetBytes(32));
        var session = new WebSession(KeyOf(cookie), account.Id, account.PasswordHash, Base64Url(RandomNumberGenerator.GetBytes(32)), now);
        _sessions[session.Key] = session;
        foreach (var old in _sessions.Values.Where(s => s.AccountId == account.Id).OrderByDescending(s => s.Created).Skip(MaxPerAccount))
        {
            _sessions.TryRemove(old.Key, out _);
        }

        return (cookie, session);
    }

    /// <summary>The live session for a cookie value, its expiry slid forward; null when unknown or expired.</summary>
    public WebSession? Find(string? cookieValue)
    {
        if (string.IsNullOrEmpty(cookieValue) || cookieValue.Length > 128)
        {
            return null;
        }

        var now = _time.GetUtcNow();
        Sweep(now);
        var key = KeyOf(cookieValue);
        if (!_sessions.TryGetValue(key, out var session))
        {
            return null;
        }

        if (IsExpired(session, now))
        {
            _sessions.TryRemove(key, out _);
            return null;
        }

        session.Touch(now);
        return session;
    }

    /// <summary>Ends a session.</summary>
    public void Remove(WebSession session)
    {
        ArgumentNullException.ThrowIfNull(session);
        _sessions.TryRemove(session.Key, out _);
    }

    /// <summary>Keeps <paramref name="session"/> across its own account's password change: same cookie and
    /// CSRF token, bound to the new hash. The account's other sessions still end at their next request.</summary>
    public void Rebind(WebSession session, Account account)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(account);
        var renewed = new WebSession(session.Key, account.Id, account.PasswordHash, session.CsrfToken, session.Created);
        renewed.Touch(_time.GetUtcNow());
        if (_sessions.TryGetValue(session.Key, out var current) && current.AccountId == account.Id)
        {
            _sessions.TryUpdate(session.Key, renewed, current);
        }
    }

    /// <summary>Ends every session of an account (suspended, password changed); returns how many.</summary>
    public int DropAccount(string accountId)
    {
        var dropped = 0;
        foreach (var session in _sessions.Values.Where(s => s.AccountId == accountId))
        {
            if (_sessions.TryRemove(session.Key, out _))
            {
                dropped++;
            }
        }

        return dropped;
    }

    private bool IsExpired(WebSession session, DateTimeOffset now) =>
        now >= session.LastSeen + IdleTimeout || now >= session.Created + Lifetime;

    private void Sweep(DateTimeOffset now)
    {
        var next = Interlocked.Read(ref _nextSweepTicks);
        if (now.UtcTicks < next || Interlocked.CompareExchange(ref _nextSweepTicks, (now + SweepInterval).UtcTicks, next) != next)
        {
            return;
        }

        foreach (var session in _sessions.Values.Where(s => IsExpired(s, now)))
        {
            _sessions.TryRemove(session.Key, out _);
        }
    }

    private static string KeyOf(string cookieValue) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(cookieValue)));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
