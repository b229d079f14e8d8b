using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Preau.Core.Accounts;
using Preau.Core.Announcements;
using Preau.Core.Rights;
using Preau.Web.Portal;

namespace Preau.Web.Announcements;

/// <summary><c>/api/announcements</c>: every announcement (GET), publish (POST), remove (DELETE), for the
/// holders of <see cref="CoreRights.PublishAnnouncement"/>. The Core service checks the right again, so a
/// plugin publishing through it is held to the same rule.</summary>
internal static class AnnouncementEndpoints
{
    public static void Map(IEndpointRouteBuilder routes, AnnouncementService announcements, AnnouncementHtml html, TimeProvider time)
    {
        var group = routes.MapGroup("/api/announcements").RequireRight(CoreRights.PublishAnnouncement);
        group.MapGet("", () => Results.Json(announcements.All.Select(a => AnnouncementDto.Of(a, html))));

        group.MapPost("", async (HttpContext context) =>
        {
            var (body, error) = await JsonBody.ReadAsync<AnnouncementRequest>(context.Request, 256 * 1024);
            if (error is not null)
            {
                return error;
            }

            var zone = time.LocalTimeZone;
            var start = string.IsNullOrWhiteSpace(body!.Start) ? time.GetUtcNow() : ApiDates.Parse(body.Start, zone, endOfDay: false);
            var end = ApiDates.Parse(body.End, zone, endOfDay: true);
            if (start is null || end is null)
            {
                return ApiResults.BadRequest("« start » et « end » sont des dates (2026-09-30) ou des instants ISO 8601 ; « end » est obligatoire.");
            }

            var profiles = new List<Profile>();
            foreach (var name in body.Profiles ?? [])
            {
                if (string.IsNullOrWhiteSpace(name) || !char.IsAsciiLetter(name.Trim()[0]) || !Enum.TryParse<Profile>(name.Trim(), true, out var profile) || !Enum.IsDefined(profile))
                {
                    return ApiResults.BadRequest($"Profil inconnu « {name} » ; valeurs possibles : {string.Join(", ", Enum.GetNames<Profile>())}.");
                }

                profiles.Add(profile);
            }

            return Run(() =>
            {
                var published = announcements.Publish(context.GetCaller()!, new AnnouncementDraft(body.Title ?? "", body.Body ?? "", start.Value, end.Value, profiles));
                return Results.Json(AnnouncementDto.Of(published, html), statusCode: StatusCodes.Status201Created);
            });
        });

        group.MapDelete("/{id}", (HttpContext context, string id) => Run(() =>
        {
            announcements.Delete(context.GetCaller()!, id);
            return Results.NoContent();
        }));
    }

    private static IResult Run(Func<IResult> action)
    {
        try
        {
            return action();
        }
        catch (AnnouncementException ex) when (ex.MissingRight is { } right)
        {
            return ApiResults.Forbidden(ex.Message, right);
        }
        catch (AnnouncementException ex)
        {
            return ex.NotFound ? ApiResults.NotFound(ex.Message) : ApiResults.BadRequest(ex.Message);
        }
    }

    private sealed record AnnouncementRequest(string? Title, string? Body, string? Start, string? End, IReadOnlyList<string?>? Profiles);
}
