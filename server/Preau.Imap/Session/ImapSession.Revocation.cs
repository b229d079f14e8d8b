using Preau.Imap.Protocol.Writing;

namespace Preau.Imap.Session;

// A session whose account was suspended (or has left, or lost its password) ends at its next command.
internal sealed partial class ImapSession
{
    /// <summary>Before each command of a logged-in session: when the account can no longer log in
    /// (suspended from the admin API or the annuaire, departed), says BYE and ends the session, as the
    /// web sessions end at their next request. A session in IDLE notices at its DONE.</summary>
    private bool EndIfRevoked()
    {
        if (Account is not { } account || Services.Directory.Graph.FindById(account.Id) is { CanLogIn: true })
        {
            return false;
        }

        Writer.Status(null, ImapStatus.Bye, $"{account.Login} ne peut plus se connecter (compte suspendu ou ferme)");
        State = SessionState.Logout;
        return true;
    }
}
