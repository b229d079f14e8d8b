using Preau.Core.Auth;
using SmtpServer;
using SmtpServer.Authentication;

namespace Preau.Smtp.Adapters;

/// <summary>AUTH PLAIN and LOGIN against Préau accounts (throttled and cached by Core's <see cref="Authenticator"/>).
/// SmtpServer only offers AUTH once the session is under TLS.</summary>
internal sealed class AccountAuthenticator(Authenticator authenticator) : IUserAuthenticator
{
    public async Task<bool> AuthenticateAsync(ISessionContext context, string user, string password, CancellationToken cancellationToken)
    {
        var result = await authenticator.AuthenticateAsync(user ?? "", password ?? "", context.RemoteAddress(), cancellationToken);
        if (result.Account is { } account)
        {
            context.SetAccount(account);
            return true;
        }

        return false;
    }
}
