using Preau.Core.Auth;
using Preau.Core.Directory;
using Preau.Core.Rights;
using Preau.Core.Storage;

namespace Preau.Web;

/// <summary>The Core services the HTTP host uses.</summary>
/// <param name="Authenticator">Logins, throttled.</param>
/// <param name="Directory">Accounts (a session's account is re-read on every request).</param>
/// <param name="Rights">The one rights check; the matrix, delegations and roles.</param>
/// <param name="Audit">The audit log.</param>
/// <param name="Time">The clock (session expiry).</param>
public sealed record WebServices(Authenticator Authenticator, DirectoryService Directory, RightsService Rights, IAuditLog Audit, TimeProvider Time)
{
    /// <summary>What the home page, the settings and the account and policy administration use.</summary>
    public required PortalServices Portal { get; init; }
}
