using System.Text;
using Preau.Core.Auth;
using Preau.Core.Rights;
using Preau.Imap.Protocol.Commands;
using Preau.Imap.Protocol.Writing;
using Preau.Imap.Session;

namespace Preau.Imap.Handlers;

/// <summary>LOGIN and AUTHENTICATE (PLAIN, LOGIN; SASL-IR), only under TLS.</summary>
internal static class LoginHandlers
{
    public static Task LoginAsync(ImapSession s, LoginCommand c, CancellationToken cancellationToken) =>
        LogInAsync(s, c.Tag, c.UserName, c.Password, cancellationToken);

    public static async Task AuthenticateAsync(ImapSession s, AuthenticateCommand c, CancellationToken cancellationToken)
    {
        if (!RequireTls(s, c.Tag))
        {
            return;
        }

        switch (c.Mechanism.ToUpperInvariant())
        {
            case "PLAIN":
                var response = c.InitialResponse is { } initial ? initial.ToArray() : await ChallengeAsync(s, "", cancellationToken);
                if (response is null)
                {
                    s.Writer.Status(c.Tag, ImapStatus.Bad, "AUTHENTICATE cancelled or not base64");
                    return;
                }

                // authzid NUL authcid NUL password (RFC 4616); an authorization identity other than
                // the login itself is not supported.
                var parts = Encoding.UTF8.GetString(response).Split('\0');
                if (parts.Length != 3 || (parts[0].Length > 0 && parts[0] != parts[1]))
                {
                    s.Writer.Status(c.Tag, ImapStatus.No, "Invalid PLAIN credentials", ResponseCode.AuthenticationFailed);
                    return;
                }

                await LogInAsync(s, c.Tag, parts[1], parts[2], cancellationToken);
                return;
            case "LOGIN":
                var user = c.InitialResponse is { } first ? first.ToArray() : await ChallengeAsync(s, "Username:", cancellationToken);
                var password = user is null ? null : await ChallengeAsync(s, "Password:", cancellationToken);
                if (user is null || password is null)
                {
                    s.Writer.Status(c.Tag, ImapStatus.Bad, "AUTHENTICATE cancelled or not base64");
                    return;
                }

                await LogInAsync(s, c.Tag, Encoding.UTF8.GetString(user), Encoding.UTF8.GetString(password), cancellationToken);
                return;
            default:
                s.Writer.Status(c.Tag, ImapStatus.No, $"Unsupported mechanism {c.Mechanism}: use PLAIN or LOGIN", ResponseCode.Cannot);
                return;
        }
    }

    private static async Task<byte[]?> ChallengeAsync(ImapSession s, string prompt, CancellationToken cancellationToken)
    {
        s.Writer.ContinuationBase64(Encoding.ASCII.GetBytes(prompt));
        await s.Connection.FlushAsync(cancellationToken);
        var line = await s.Connection.Reader.ReadLineAsync(cancellationToken);
        if (line is null || line == "*")
        {
            return null;
        }

        var buffer = new byte[line.Length];
        return Convert.TryFromBase64String(line, buffer, out var written) ? buffer[..written] : null;
    }

    private static bool RequireTls(ImapSession s, string tag)
    {
        if (s.Connection.IsSecure)
        {
            return true;
        }

        s.Writer.Status(tag, ImapStatus.No, "Log in only after STARTTLS: passwords never travel in clear text", ResponseCode.PrivacyRequired);
        return false;
    }

    private static async Task LogInAsync(ImapSession s, string tag, string login, string password, CancellationToken cancellationToken)
    {
        if (!RequireTls(s, tag))
        {
            return;
        }

        // Reading mail is a right (messagerie.read): withdrawn, the login is refused with its name.
        var result = await s.Services.Authenticator.AuthenticateAsync(login, password, s.RemoteAddress, CoreRights.MessagerieRead, cancellationToken);
        if (result.Account is not { } account)
        {
            var code = result.Failure == AuthFailure.RightMissing ? ResponseCode.AuthorizationFailed : ResponseCode.AuthenticationFailed;
            s.Writer.Status(tag, ImapStatus.No, result.Error ?? "Authentication failed", code);
            return;
        }

        if (!s.TryLogIn(account))
        {
            s.Writer.Status(tag, ImapStatus.No, $"Too many connections for {account.Login}: close another mail client", ResponseCode.Limit);
            return;
        }

        s.Writer.Status(tag, ImapStatus.Ok, $"Logged in as {account.Login}", new ResponseCode("CAPABILITY", string.Join(' ', s.CurrentCapabilities())));
    }
}
