namespace Preau.Imap.Protocol.Commands;

/// <summary><c>LOGIN</c> authenticates with a user name and a cleartext password (RFC 9051 §6.2.3).</summary>
/// <param name="Tag">The client's tag.</param>
/// <param name="UserName">The user name.</param>
/// <param name="Password">The password (UTF-8; may have come as a literal).</param>
/// <remarks>
/// <code>
/// login    = "LOGIN" SP userid SP password
/// userid   = astring
/// password = astring
/// </code>
/// Whether LOGIN is allowed at all (LOGINDISABLED before TLS) is the session's decision.
/// </remarks>
public sealed record LoginCommand(string Tag, string UserName, string Password) : ImapCommand(Tag)
{
    /// <inheritdoc />
    public override string Name => "LOGIN";

    /// <summary>Keeps the password out of logs.</summary>
    public override string ToString() => $"{Tag} LOGIN {UserName} ****";

    internal static LoginCommand Parse(ArgumentReader args)
    {
        var user = args.AString("user name");
        var password = args.AString("password");
        args.End();
        return new LoginCommand(args.Tag, user, password);
    }
}
