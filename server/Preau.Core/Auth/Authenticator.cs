using Preau.Core.Accounts;
using Preau.Core.Directory;
using Preau.Core.Rights;

namespace Preau.Core.Auth;

/// <summary>The result of a login attempt.</summary>
/// <param name="Account">The account, when the login succeeded.</param>
/// <param name="Error">Why it failed, in words safe to show (never says whether the login exists).</param>
public sealed record AuthResult(Account? Account, string? Error)
{
    /// <summary>Whether the login succeeded.</summary>
    public bool Succeeded => Account is not null;

    /// <summary>Why it failed, for front ends that word it themselves.</summary>
    public AuthFailure Failure { get; init; }

    /// <summary>After a failure: how long the next attempt from this address for this login will be held
    /// back (zero while the free failures last), so a front end can say so (HTTP <c>Retry-After</c>).</summary>
    public TimeSpan RetryAfter { get; init; }
}

/// <summary>Why a login failed.</summary>
public enum AuthFailure
{
    /// <summary>It did not fail.</summary>
    None,

    /// <summary>Unknown login or wrong password (never told apart).</summary>
    InvalidCredentials,

    /// <summary>The password is right but the account is not active (suspended, left…).</summary>
    NotActive,

    /// <summary>The password is right but the account lacks the right the front end asked for.</summary>
    RightMissing,
}

/// <summary>Checks logins for every protocol: throttled, cached, and refusing accounts that may not log in.</summary>
public sealed class Authenticator
{
    private const string InvalidCredentials = "invalid login or password";
    private readonly DirectoryService _directory;
    private readonly CredentialCache _cache;
    private readonly LoginThrottle _throttle;
    private readonly RightsService? _rights;

    /// <summary>Creates the authenticator.</summary>
    /// <param name="directory">Accounts.</param>
    /// <param name="cache">Recently verified credentials.</param>
    /// <param name="throttle">Delays after failures.</param>
    /// <param name="rights">Checks the right a front end requires at login (IMAP: <see cref="CoreRights.MessagerieRead"/>).</param>
    public Authenticator(DirectoryService directory, CredentialCache cache, LoginThrottle throttle, RightsService? rights = null)
    {
        _directory = directory;
        _cache = cache;
        _throttle = throttle;
        _rights = rights;
    }

    /// <summary>Verifies a login (or local address) and password coming from <paramref name="remoteAddress"/>.</summary>
    public Task<AuthResult> AuthenticateAsync(string login, string password, string remoteAddress, CancellationToken cancellationToken = default) =>
        AuthenticateAsync(login, password, remoteAddress, null, cancellationToken);

    /// <summary>Verifies a login and password, then that the account holds <paramref name="requiredRight"/>
    /// (when given): a right withdrawn by the administrator refuses the login with the right's name.</summary>
    public async Task<AuthResult> AuthenticateAsync(string login, string password, string remoteAddress, string? requiredRight, CancellationToken cancellationToken = default)
    {
        login = (login ?? "").Trim();
        password ??= "";
        var delay = _throttle.DelayFor(remoteAddress, login);
        if (delay > TimeSpan.Zero)
        {
            await Task.Delay(delay, cancellationToken);
        }

        var account = _directory.Find(login);
        if (account?.PasswordHash is not { } hash)
        {
            return Fail(remoteAddress, login);
        }

        var ok = _cache.IsVerified(account.Login, password, hash);
        if (!ok)
        {
            // The KDF is CPU-bound for tens of milliseconds: keep it off the I/O threads.
            ok = await Task.Run(() => PasswordHasher.Verify(password, hash), cancellationToken);
        }

        if (!ok)
        {
            return Fail(remoteAddress, login);
        }

        _cache.Remember(account.Login, password, hash);
        if (account.State != AccountState.Active)
        {
            return new AuthResult(null, $"account {account.Login} is {account.State.ToString().ToLowerInvariant()}") { Failure = AuthFailure.NotActive };
        }

        _throttle.Succeeded(login);
        if (requiredRight is not null && _rights?.Check(account, requiredRight) is { Allowed: false } refused)
        {
            return new AuthResult(null, refused.Reason) { Failure = AuthFailure.RightMissing };
        }

        return new AuthResult(account, null);
    }

    private AuthResult Fail(string remoteAddress, string login)
    {
        _throttle.Failed(remoteAddress, login);
        return new AuthResult(null, InvalidCredentials)
        {
            Failure = AuthFailure.InvalidCredentials,
            RetryAfter = _throttle.DelayFor(remoteAddress, login),
        };
    }
}
