using Preau.Core.Accounts;
using Preau.Core.Directory;

namespace Preau.Core.Auth;

/// <summary>The result of a login attempt.</summary>
/// <param name="Account">The account, when the login succeeded.</param>
/// <param name="Error">Why it failed, in words safe to show (never says whether the login exists).</param>
public sealed record AuthResult(Account? Account, string? Error)
{
    /// <summary>Whether the login succeeded.</summary>
    public bool Succeeded => Account is not null;
}

/// <summary>Checks logins for every protocol: throttled, cached, and refusing accounts that may not log in.</summary>
public sealed class Authenticator
{
    private const string InvalidCredentials = "invalid login or password";
    private readonly DirectoryService _directory;
    private readonly CredentialCache _cache;
    private readonly LoginThrottle _throttle;

    /// <summary>Creates the authenticator.</summary>
    public Authenticator(DirectoryService directory, CredentialCache cache, LoginThrottle throttle)
    {
        _directory = directory;
        _cache = cache;
        _throttle = throttle;
    }

    /// <summary>Verifies a login (or local address) and password coming from <paramref name="remoteAddress"/>.</summary>
    public async Task<AuthResult> AuthenticateAsync(string login, string password, string remoteAddress, CancellationToken cancellationToken = default)
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
            _throttle.Failed(remoteAddress, login);
            return new AuthResult(null, InvalidCredentials);
        }

        var ok = _cache.IsVerified(account.Login, password, hash);
        if (!ok)
        {
            // The KDF is CPU-bound for tens of milliseconds: keep it off the I/O threads.
            ok = await Task.Run(() => PasswordHasher.Verify(password, hash), cancellationToken);
        }

        if (!ok)
        {
            _throttle.Failed(remoteAddress, login);
            return new AuthResult(null, InvalidCredentials);
        }

        _cache.Remember(account.Login, password, hash);
        if (account.State != AccountState.Active)
        {
            return new AuthResult(null, $"account {account.Login} is {account.State.ToString().ToLowerInvariant()}");
        }

        _throttle.Succeeded(login);
        return new AuthResult(account, null);
    }
}
