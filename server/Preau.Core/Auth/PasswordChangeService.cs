using Preau.Core.Accounts;
using Preau.Core.Directory;

namespace Preau.Core.Auth;

/// <summary>A user changes their own password: the current one is checked like a login (throttled,
/// so a stolen session cannot guess it quickly), the new one must pass <see cref="PasswordStrength"/>,
/// then <see cref="DirectoryService.SetPassword"/> stores its hash, drops the cached credential and
/// audits the change (the login only, never a password).</summary>
public sealed class PasswordChangeService
{
    private readonly Authenticator _authenticator;
    private readonly DirectoryService _directory;

    /// <summary>Creates the service.</summary>
    public PasswordChangeService(Authenticator authenticator, DirectoryService directory)
    {
        _authenticator = authenticator ?? throw new ArgumentNullException(nameof(authenticator));
        _directory = directory ?? throw new ArgumentNullException(nameof(directory));
    }

    /// <summary>Replaces <paramref name="account"/>'s password; returns the updated account.</summary>
    /// <param name="account">The signed-in account.</param>
    /// <param name="current">The password in use, typed again.</param>
    /// <param name="next">The new password.</param>
    /// <param name="remoteAddress">Where the request comes from (the throttle counts failures per address).</param>
    /// <param name="cancellationToken">Cancels the wait of a throttled attempt.</param>
    /// <exception cref="PasswordException">The current password is wrong, or the new one is too weak.</exception>
    public async Task<Account> ChangeAsync(Account account, string current, string next, string remoteAddress, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(account);
        current ??= "";
        next ??= "";
        var check = await _authenticator.AuthenticateAsync(account.Login, current, remoteAddress, cancellationToken);
        if (check.Account is null || check.Account.Id != account.Id)
        {
            throw new PasswordException(check.Failure == AuthFailure.NotActive
                ? "Ce compte n'est pas actif : son mot de passe ne peut pas être changé."
                : "Le mot de passe actuel est incorrect.")
            {
                RetryAfter = check.RetryAfter,
            };
        }

        if (PasswordStrength.Weakness(next, account.Login) is { } weakness)
        {
            throw new PasswordException(weakness);
        }

        if (string.Equals(current, next, StringComparison.Ordinal))
        {
            throw new PasswordException("Le nouveau mot de passe doit être différent de l'actuel.");
        }

        return _directory.SetPassword(account.Login, next, account.Login);
    }
}
