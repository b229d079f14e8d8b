using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Preau.Core.Rights;

namespace Preau.Web.Admin;

/// <summary><c>/api/admin/…</c> for rights: the services matrix and its grants, delegations, ENT roles and
/// the audit log. Each endpoint requires its administration right; every change is audited by Core.</summary>
internal static class AdminEndpoints
{
    public static void Map(IEndpointRouteBuilder routes, WebServices services)
    {
        var admin = routes.MapGroup("/api/admin").RequireSession();
        ServicesEndpoints.Map(admin, services.Rights);
        DelegationEndpoints.Map(admin, services.Rights);
        RoleEndpoints.Map(admin, services.Rights);
        AuditEndpoints.Map(admin, services.Audit, services.Time);
    }

    /// <summary>Runs a change; a <see cref="RightsException"/> becomes 404 or 400 with its French message.</summary>
    public static IResult Change(Func<IResult> change)
    {
        try
        {
            return change();
        }
        catch (RightsException ex)
        {
            return ex.NotFound ? ApiResults.NotFound(ex.Message) : ApiResults.BadRequest(ex.Message);
        }
    }

    /// <summary>The audit's actor for a web request: the caller's login.</summary>
    public static string Actor(HttpContext context) => context.GetCaller()!.Login;
}
