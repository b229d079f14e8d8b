using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Preau.Core.Rights;

namespace Preau.Web.Admin;

/// <summary><c>/api/admin/delegations</c>: delegated administration to an académie support account.</summary>
internal static class DelegationEndpoints
{
    public static void Map(RouteGroupBuilder admin, RightsService rights)
    {
        admin.MapGet("/delegations", () => Results.Json(new { Delegations = rights.Delegations.Select(d => Dto(rights, d)) }))
            .RequireRight(CoreRights.AdminDelegation);

        admin.MapPost("/delegations", async (HttpContext context) =>
        {
            var (body, error) = await JsonBody.ReadAsync<DelegationRequest>(context.Request);
            if (error is not null)
            {
                return error;
            }

            if (string.IsNullOrWhiteSpace(body!.Login))
            {
                return ApiResults.BadRequest("Indiquez « login », le compte de support académique.");
            }

            DateTimeOffset? until = null;
            if (!string.IsNullOrWhiteSpace(body.Until))
            {
                if (ParseUntil(rights, body.Until) is not { } parsed)
                {
                    return ApiResults.BadRequest($"« until » doit être une date (2026-09-30, valable toute la journée) ou un instant ISO 8601, pas « {body.Until} ».");
                }

                until = parsed;
            }

            return AdminEndpoints.Change(() =>
            {
                var delegation = rights.GrantDelegation(body.Login, until, AdminEndpoints.Actor(context));
                return Results.Json(Dto(rights, delegation), statusCode: StatusCodes.Status201Created);
            });
        }).RequireRight(CoreRights.AdminDelegation);

        admin.MapDelete("/delegations/{login}", (HttpContext context, string login) => AdminEndpoints.Change(() =>
        {
            rights.RevokeDelegation(login, AdminEndpoints.Actor(context));
            return Results.NoContent();
        })).RequireRight(CoreRights.AdminDelegation);
    }

    /// <summary>A date means the end of that day where the school is; otherwise an ISO 8601 instant.</summary>
    internal static DateTimeOffset? ParseUntil(RightsService rights, string text)
    {
        if (DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return rights.EndOfDay(date);
        }

        return DateTimeOffset.TryParse(text.Trim(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var instant) ? instant : null;
    }

    private static object Dto(RightsService rights, Delegation d) => new
    {
        d.Login,
        d.AccountId,
        d.GrantedBy,
        d.GrantedAt,
        d.Until,
        UntilText = d.Until is { } until ? rights.EndText(until) : null,
        Active = rights.IsActive(d),
    };

    private sealed record DelegationRequest(string? Login, string? Until);
}
