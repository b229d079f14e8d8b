namespace Preau.Web.Sessions;

/// <summary>A signed-in browser: which account, its CSRF token, and when it was last seen.</summary>
public sealed class WebSession
{
    private long _lastSeenTicks;

    internal WebSession(string key, string accountId, string? passwordHash, string csrfToken, DateTimeOffset created)
    {
        Key = key;
        AccountId = accountId;
        PasswordHash = passwordHash;
        CsrfToken = csrfToken;
        Created = created;
        _lastSeenTicks = created.UtcTicks;
    }

    /// <summary>The store's key: a hash of the cookie value, which itself is never kept.</summary>
    internal string Key { get; }

    /// <summary>The signed-in account's stable id.</summary>
    public string AccountId { get; }

    /// <summary>The password hash at sign-in: a password change ends the session.</summary>
    internal string? PasswordHash { get; }

    /// <summary>The token every state-changing API request must carry in <c>X-CSRF-Token</c>.</summary>
    public string CsrfToken { get; }

    /// <summary>When the session began.</summary>
    public DateTimeOffset Created { get; }

    /// <summary>The last request that used it.</summary>
    public DateTimeOffset LastSeen => new(Interlocked.Read(ref _lastSeenTicks), TimeSpan.Zero);

    internal void Touch(DateTimeOffset now) => Interlocked.Exchange(ref _lastSeenTicks, now.UtcTicks);
}
