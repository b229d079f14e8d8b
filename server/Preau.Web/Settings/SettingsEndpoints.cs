using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Preau.Core.Auth;
using Preau.Core.Preferences;
using Preau.Web.Sessions;

namespace Preau.Web.Settings;

/// <summary><c>/api/settings</c>: the caller's signature, notification address and language (GET, PUT), and
/// their password (<c>POST /api/settings/password</c>).</summary>
internal static class SettingsEndpoints
{
    public static void Map(IEndpointRouteBuilder routes, PreferencesService preferences, PasswordChangeService passwords, SessionStore sessions)
    {
        var group = routes.MapGroup("/api/settings").RequireSession();
        group.MapGet("", (HttpContext context) => Results.Json(preferences.Get(context.GetCaller()!)));

        // A full replacement: a missing or empty notification address clears it, a missing signature
        // empties it; a missing language keeps the current one.
        group.MapPut("", async (HttpContext context) =>
        {
            var (body, error) = await JsonBody.ReadAsync<SettingsRequest>(context.Request);
            if (error is not null)
            {
                return error;
            }

            var caller = context.GetCaller()!;
            var language = body!.Language ?? preferences.Preferences(caller).Language;
            try
            {
                return Results.Json(preferences.Update(caller, new AccountSettings(body.Signature ?? "", body.NotificationAddress, language)));
            }
            catch (PreferencesException ex)
            {
                return ApiResults.BadRequest(ex.Message);
            }
        });

        group.MapPost("/password", async (HttpContext context) =>
        {
            var (body, error) = await JsonBody.ReadAsync<PasswordRequest>(context.Request, 4096);
            if (error is not null)
            {
                return error;
            }

            if (body!.Current is null || body.New is null)
            {
                return ApiResults.BadRequest("Indiquez « current » (le mot de passe actuel) et « new » (le nouveau).");
            }

            var remote = context.Connection.RemoteIpAddress?.ToString() ?? "inconnue";
            try
            {
                var updated = await passwords.ChangeAsync(context.GetCaller()!, body.Current, body.New, remote, context.RequestAborted);

                // This browser stays signed in; every other session of the account ends at its next request.
                sessions.Rebind(context.GetSession()!, updated);
                return Results.NoContent();
            }
            catch (PasswordException ex)
            {
                if (ex.RetryAfter > TimeSpan.Zero)
                {
                    context.Response.Headers.RetryAfter = Math.Ceiling(ex.RetryAfter.TotalSeconds).ToString(CultureInfo.InvariantCulture);
                }

                return ApiResults.BadRequest(ex.Message);
            }
        });
    }

    private sealed record SettingsRequest(string? Signature, string? NotificationAddress, string? Language);

    private sealed record PasswordRequest(string? Current, string? New);
}
