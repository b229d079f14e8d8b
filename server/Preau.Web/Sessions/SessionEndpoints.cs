using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Preau.Core.Accounts;
using Preau.Core.Auth;

namespace Preau.Web.Sessions;

/// <summary><c>/api/session</c>: sign in (POST), who am I (GET), sign out (DELETE).</summary>
internal static class SessionEndpoints
{
    public const string Path = "/api/session";

    public static void Map(IEndpointRouteBuilder routes, WebServices services, SessionStore sessions)
    {
        routes.MapPost(Path, (Func<HttpContext, Task<IResult>>)(context => SignInAsync(context, services, sessions)));
        routes.MapGet(Path, (HttpContext context) => Results.Json(Info(services, context.GetCaller()!, context.GetSession()!))).RequireSession();
        routes.MapDelete(Path, (HttpContext context) =>
        {
            sessions.Remove(context.GetSession()!);
            context.Response.Cookies.Delete(ApiGate.CookieName, CookieOptions(context));
            return Results.NoContent();
        }).RequireSession();
    }

    private static async Task<IResult> SignInAsync(HttpContext context, WebServices services, SessionStore sessions)
    {
        var (request, error) = await JsonBody.ReadAsync<SignInRequest>(context.Request, 4096);
        if (error is not null)
        {
            return error;
        }

        if (string.IsNullOrWhiteSpace(request!.Login) || request.Password is null)
        {
            return ApiResults.BadRequest("Indiquez « login » et « password ».");
        }

        var remote = context.Connection.RemoteIpAddress?.ToString() ?? "inconnue";
        var result = await services.Authenticator.AuthenticateAsync(request.Login, request.Password, remote, context.RequestAborted);
        if (result.Account is not { } account)
        {
            if (result.RetryAfter > TimeSpan.Zero)
            {
                context.Response.Headers.RetryAfter = Math.Ceiling(result.RetryAfter.TotalSeconds).ToString(CultureInfo.InvariantCulture);
            }

            return ApiResults.Unauthorized(result.Failure == AuthFailure.NotActive
                ? $"Ce compte est {StateWord(services.Directory.Find(request.Login)?.State)} : il ne peut pas se connecter."
                : "Identifiant ou mot de passe incorrect.");
        }

        if (context.GetSession() is { } previous)
        {
            sessions.Remove(previous);
        }

        var (cookie, session) = sessions.Create(account);
        context.Response.Cookies.Append(ApiGate.CookieName, cookie, CookieOptions(context));
        return Results.Json(Info(services, account, session));
    }

    private static CookieOptions CookieOptions(HttpContext context) => new()
    {
        HttpOnly = true,
        SameSite = SameSiteMode.Strict,
        Secure = context.Request.IsHttps,
        Path = "/",
        IsEssential = true,
    };

    private static SessionInfo Info(WebServices services, Account account, WebSession session) =>
        new(
            account.Login,
            services.Directory.AddressOf(account),
            account.DisplayName,
            account.Profile.ToString(),
            account.Function.ToString(),
            session.CsrfToken,
            services.Rights.RightsOf(account),
            services.Portal.Preferences.Preferences(account).Language);

    private static string StateWord(AccountState? state) => state switch
    {
        AccountState.Suspended => "suspendu",
        AccountState.Left => "sorti de l'établissement",
        AccountState.NotActivated => "pas encore activé",
        _ => "inactif",
    };

    private sealed record SignInRequest(string? Login, string? Password);

    private sealed record SessionInfo(string Login, string Address, string DisplayName, string Profile, string Function, string CsrfToken, IReadOnlyList<string> Rights, string Language);
}
