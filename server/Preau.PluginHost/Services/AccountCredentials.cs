using Preau.Core.Accounts;
using Preau.Core.Auth;
using Preau.Core.Directory;
using Preau.Plugins.Accounts;
using Preau.Plugins.Graph;

namespace Preau.PluginHost.Services;

/// <summary><see cref="IAccountCredentials"/> over Core: the password policy is
/// <see cref="PasswordStrength"/>, the first password goes through
/// <see cref="DirectoryService.SetFirstPassword"/> (Argon2id hash, atomic check that the account has
/// none, audit). Nothing here reads or returns a hash.</summary>
internal sealed class AccountCredentials(DirectoryService directory, string pluginId) : IAccountCredentials
{
    public bool HasPassword(string accountId) =>
        accountId is not null && directory.Graph.FindById(accountId)?.PasswordHash is not null;

    public string? PasswordProblem(string password, string login)
    {
        ArgumentNullException.ThrowIfNull(password);
        return PasswordStrength.Weakness(password, login ?? "");
    }

    public AccountRecord SetInitialPassword(string accountId, string password)
    {
        ArgumentNullException.ThrowIfNull(password);
        var account = (accountId is null ? null : directory.Graph.FindById(accountId))
            ?? throw new AccountCredentialsException(CredentialsProblem.UnknownAccount, $"Aucun compte « {accountId} ».");
        try
        {
            return directory.SetFirstPassword(account.Login, password, $"activation par l'extension {pluginId}").ToRecord();
        }
        catch (PasswordException ex)
        {
            throw new AccountCredentialsException(CredentialsProblem.WeakPassword, ex.Message);
        }
        catch (DirectoryException ex)
        {
            var problem = ex.NotFound ? CredentialsProblem.UnknownAccount
                : ex.PasswordAlreadySet ? CredentialsProblem.AlreadyHasPassword
                : CredentialsProblem.NotActivatable;
            throw new AccountCredentialsException(problem, ex.Message);
        }
    }
}
