using Preau.Plugins.Accounts;
using Preau.Plugins.Audit;
using Preau.Plugins.Graph;
using Preau.Plugins.Http;

namespace Preau.Plugins.Directory.Plugin.Actions;

/// <summary><c>POST people/{id}/suspend</c> and <c>POST people/{id}/reactivate</c> (right
/// <c>annuaire.suspend</c>), written through the graph writer with the server's meaning of each state:
/// a suspended account cannot log in (IMAP, SMTP, webmail: its web sessions end at their next request)
/// and mail to it is refused; reactivated, it is Active when it has a password and NotActivated
/// (waiting for its activation code) when it has none. A departed account (Left) reactivated by hand
/// leaves again at the next import whose files still lack it.</summary>
public sealed class StatusEndpoints(ActionRunner runner, AccountWriter accounts, IAccountCredentials credentials, IAuditTrail audit) : IPluginEndpoints
{
    /// <inheritdoc />
    public void Map(IPluginRouteBuilder routes)
    {
        ArgumentNullException.ThrowIfNull(routes);
        routes.MapPost("people/{id}/suspend", request => runner.RunAsync(request, rules => rules.CanSuspend(), scope =>
            Change(scope, AccountStatus.Suspended, "annuaire.suspend", "suspendu"))).RequireRight(AnnuaireService.Suspend);
        routes.MapPost("people/{id}/reactivate", request => runner.RunAsync(request, rules => rules.CanReactivate(), scope =>
            Change(scope, AccountStatus.Active, "annuaire.reactivate", "réactivé"))).RequireRight(AnnuaireService.Suspend);
    }

    private ActionDecision? Change(ActionScope scope, AccountStatus status, string action, string verb)
    {
        var person = scope.Person;
        var by = scope.CallerAccount.Login;
        accounts.Write(person with { Status = status }, $"annuaire : compte {person.Login} {verb} par {by}");
        var now = status == AccountStatus.Active && !credentials.HasPassword(person.Id) ? AccountStatus.NotActivated : status;
        var note = now == AccountStatus.NotActivated ? " (sans mot de passe : il attend son code d'activation)" : "";
        audit.Record(scope.CallerAccount.Id, action, $"{person.Login} : {person.Status} → {now}{note}");
        return null;
    }
}
