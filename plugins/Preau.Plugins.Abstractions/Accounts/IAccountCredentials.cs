using Preau.Plugins.Graph;

namespace Preau.Plugins.Accounts;

/// <summary>What a plugin may know and do about passwords: whether an account has one, whether the
/// server's password policy accepts a candidate, and the first password of an account that has none
/// (activation by code). A plugin never reads a password or its hash, and never replaces a password an
/// account already has. Contract 1.3.</summary>
public interface IAccountCredentials
{
    /// <summary>Whether the account has a password (false for an unknown id). An account without one
    /// cannot log in; reactivated, it goes back to <see cref="AccountStatus.NotActivated"/>.</summary>
    bool HasPassword(string accountId);

    /// <summary>Why the server's password policy refuses <paramref name="password"/> for the account
    /// <paramref name="login"/>, in French, or null when it accepts it.</summary>
    string? PasswordProblem(string password, string login);

    /// <summary>Gives an account that has no password its first one and makes it
    /// <see cref="AccountStatus.Active"/>, atomically: the policy is checked, the server hashes the
    /// password, and the change is audited with the account as actor (never the password).</summary>
    /// <returns>The account as it is now.</returns>
    /// <exception cref="AccountCredentialsException">Unknown account, an account that already has a
    /// password, one suspended or departed, or a password the policy refuses (see
    /// <see cref="AccountCredentialsException.Problem"/>); nothing was changed.</exception>
    AccountRecord SetInitialPassword(string accountId, string password);
}
