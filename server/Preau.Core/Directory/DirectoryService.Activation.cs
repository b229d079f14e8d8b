using Preau.Core.Accounts;
using Preau.Core.Auth;

namespace Preau.Core.Directory;

// Account activation: the first password of an account that has none (an imported account's
// activation code, checked by the directory plugin).
public sealed partial class DirectoryService
{
    /// <summary>Gives an account that has no password its first one, after the password policy
    /// (<see cref="PasswordStrength"/>), and makes it active; atomic with respect to every other
    /// change of the account (two activations at once: the second finds a password and fails). The
    /// audit entry has the account as actor and <paramref name="how"/> as detail, never the password.</summary>
    /// <exception cref="PasswordException">The policy refuses the password (its French reason).</exception>
    /// <exception cref="DirectoryException">No such account (<see cref="DirectoryException.NotFound"/>),
    /// an account that already has a password (<see cref="DirectoryException.PasswordAlreadySet"/>), or one
    /// suspended or departed.</exception>
    public Account SetFirstPassword(string login, string password, string how)
    {
        ArgumentNullException.ThrowIfNull(password);
        var account = Find(login ?? "") ?? throw new DirectoryException($"Aucun compte « {login} ».") { NotFound = true };
        if (PasswordStrength.Weakness(password, account.Login) is { } weakness)
        {
            throw new PasswordException(weakness);
        }

        var hash = _hasher.Hash(password);
        var updated = Update(account.Login, a =>
        {
            if (a.PasswordHash is not null)
            {
                throw new DirectoryException($"{a.Login} a déjà un mot de passe.") { PasswordAlreadySet = true };
            }

            if (a.State is AccountState.Suspended or AccountState.Left)
            {
                throw new DirectoryException($"{a.Login} est {(a.State == AccountState.Suspended ? "suspendu" : "sorti de l'établissement")} : il ne peut pas être activé.");
            }

            return a with { PasswordHash = hash, State = AccountState.Active };
        });
        _credentials.Forget(updated.Login);
        Audit(updated.Login, "account.activate", $"{updated.Login} : premier mot de passe choisi ({how})");
        return updated;
    }
}
