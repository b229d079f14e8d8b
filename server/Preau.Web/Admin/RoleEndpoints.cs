using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Preau.Core.Rights;

namespace Preau.Web.Admin;

/// <summary><c>/api/admin/roles</c>: the school's ENT roles (Administrateur ENT, Référent numérique,
/// Personne ressource au numérique).</summary>
internal static class RoleEndpoints
{
    public static void Map(RouteGroupBuilder admin, RightsService rights)
    {
        admin.MapGet("/roles", (string? uai) => Results.Json(new
        {
            Roles = rights.Roles(uai).Select(Dto),
            Available = Enum.GetValues<EntRole>().Select(r => new { Role = r.ToString(), Label = RightsLabels.Of(r) }),
        })).RequireRight(CoreRights.AdminRoles);

        admin.MapPost("/roles", async (HttpContext context) =>
        {
            var (body, error) = await JsonBody.ReadAsync<RoleRequest>(context.Request);
            if (error is not null)
            {
                return error;
            }

            if (string.IsNullOrWhiteSpace(body!.Login) || string.IsNullOrWhiteSpace(body.Role))
            {
                return ApiResults.BadRequest("Indiquez « login » et « role » (et « uai » pour un autre établissement que celui du compte).");
            }

            return AdminEndpoints.Change(() =>
            {
                var role = RightsService.ParseRole(body.Role);
                var added = rights.AssignRole(body.Login, role, body.Uai, AdminEndpoints.Actor(context));
                var assignment = rights.Roles().First(r => r.Role == role && r.Login == body.Login.Trim().ToLowerInvariant()
                    && (body.Uai is null || string.Equals(r.Uai, body.Uai, StringComparison.OrdinalIgnoreCase)));
                return Results.Json(Dto(assignment), statusCode: added ? StatusCodes.Status201Created : StatusCodes.Status200OK);
            });
        }).RequireRight(CoreRights.AdminRoles);

        admin.MapDelete("/roles/{role}/{login}", (HttpContext context, string role, string login, string? uai) => AdminEndpoints.Change(() =>
        {
            rights.UnassignRole(login, RightsService.ParseRole(role), uai, AdminEndpoints.Actor(context));
            return Results.NoContent();
        })).RequireRight(CoreRights.AdminRoles);
    }

    private static object Dto(EntRoleAssignment a) => new
    {
        a.Uai,
        Role = a.Role.ToString(),
        a.RoleLabel,
        a.Login,
        a.AccountId,
        a.AssignedBy,
        a.AssignedAt,
    };

    private sealed record RoleRequest(string? Login, string? Role, string? Uai);
}
