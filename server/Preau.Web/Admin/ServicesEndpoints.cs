using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Preau.Core.Rights;

namespace Preau.Web.Admin;

/// <summary>The matrix (<c>GET /api/admin/services</c>) and its cells
/// (<c>PUT</c>/<c>DELETE /api/admin/grants/{right}/{grantee}</c>).</summary>
internal static class ServicesEndpoints
{
    public static void Map(RouteGroupBuilder admin, RightsService rights)
    {
        admin.MapGet("/services", (string? service) => Results.Json(new { Services = rights.Matrix(service).Select(Dto) }))
            .RequireRight(CoreRights.AdminServices);

        admin.MapPut("/grants/{right}/{grantee}", async (HttpContext context, string right, string grantee) =>
        {
            var (body, error) = await JsonBody.ReadAsync<GrantRequest>(context.Request);
            if (error is not null)
            {
                return error;
            }

            if (body!.Granted is not { } granted)
            {
                return ApiResults.BadRequest("Indiquez « granted » : true pour accorder, false pour retirer.");
            }

            return AdminEndpoints.Change(() =>
            {
                var changed = rights.SetGrant(right, Grantee.Parse(grantee), granted, AdminEndpoints.Actor(context));
                return Results.Json(new { Changed = changed, Action = ActionOf(rights, right) });
            });
        }).RequireRight(CoreRights.AdminServices);

        admin.MapDelete("/grants/{right}/{grantee}", (HttpContext context, string right, string grantee) => AdminEndpoints.Change(() =>
        {
            var changed = rights.ResetGrant(right, Grantee.Parse(grantee), AdminEndpoints.Actor(context));
            return Results.Json(new { Changed = changed, Action = ActionOf(rights, right) });
        })).RequireRight(CoreRights.AdminServices);
    }

    private static object ActionOf(RightsService rights, string right) =>
        ActionDto(rights.Matrix(right[..right.IndexOf('.', StringComparison.Ordinal)]).SelectMany(s => s.Actions).Single(a => a.Right == right));

    private static object Dto(MatrixService s) => new
    {
        s.Id,
        s.Label,
        s.Owner,
        s.Installed,
        Actions = s.Actions.Select(ActionDto),
    };

    private static object ActionDto(MatrixAction a) => new
    {
        a.Right,
        a.Action.Id,
        a.Action.Label,
        a.Action.Description,
        Grants = a.Grants.Select(g => new
        {
            Grantee = g.Grantee.ToString(),
            Kind = g.Grantee.Kind.ToString().ToLowerInvariant(),
            g.Grantee.Value,
            g.Grantee.Label,
            g.Granted,
            g.Default,
            g.Overridden,
        }),
    };

    private sealed record GrantRequest(bool? Granted);
}
