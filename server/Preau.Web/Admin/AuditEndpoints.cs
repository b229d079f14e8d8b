using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Preau.Core.Rights;
using Preau.Core.Storage;

namespace Preau.Web.Admin;

/// <summary><c>GET /api/admin/audit?actor=&amp;action=&amp;from=&amp;to=&amp;limit=&amp;before=</c>: the audit log,
/// newest first; <c>next</c> is the <c>before</c> of the following page.</summary>
internal static class AuditEndpoints
{
    public const int MaxLimit = 500;

    public static void Map(RouteGroupBuilder admin, IAuditLog audit, TimeProvider time)
    {
        admin.MapGet("/audit", (string? actor, string? action, string? from, string? to, string? limit, string? before) =>
        {
            var count = 50;
            if (limit is not null && (!int.TryParse(limit, NumberStyles.None, CultureInfo.InvariantCulture, out count) || count < 1 || count > MaxLimit))
            {
                return ApiResults.BadRequest($"« limit » doit être un nombre de 1 à {MaxLimit}.");
            }

            long? cursor = null;
            if (before is not null)
            {
                if (!long.TryParse(before, NumberStyles.None, CultureInfo.InvariantCulture, out var b))
                {
                    return ApiResults.BadRequest("« before » doit être l'identifiant d'une entrée.");
                }

                cursor = b;
            }

            var start = Moment(from, time, endOfDay: false, out var fromError);
            var end = Moment(to, time, endOfDay: true, out var toError);
            if (fromError || toError)
            {
                return ApiResults.BadRequest("« from » et « to » sont des dates (2026-09-30) ou des instants ISO 8601.");
            }

            var entries = audit.Query(new AuditQuery(Blank(actor), Blank(action), start, end, count + 1, cursor));
            var page = entries.Take(count).ToArray();
            return Results.Json(new
            {
                Entries = page.Select(e => new { e.Id, e.At, e.Actor, e.Action, e.Detail }),
                Next = entries.Count > count ? page[^1].Id : (long?)null,
            });
        }).RequireRight(CoreRights.AdminAudit);
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    /// <summary>A date is the start of that day (<c>from</c>) or the end of it (<c>to</c>), where the school is.</summary>
    private static DateTimeOffset? Moment(string? text, TimeProvider time, bool endOfDay, out bool invalid)
    {
        invalid = false;
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return endOfDay ? Delegation.EndOfDay(date, time.LocalTimeZone) : Delegation.EndOfDay(date.AddDays(-1), time.LocalTimeZone);
        }

        if (DateTimeOffset.TryParse(text.Trim(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var instant))
        {
            return instant;
        }

        invalid = true;
        return null;
    }
}
