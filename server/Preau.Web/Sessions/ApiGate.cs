using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;
using Preau.Core.Directory;
using Preau.Core.Rights;

namespace Preau.Web.Sessions;

/// <summary>The middleware every request passes after routing: it resolves the session cookie to the
/// caller, checks the CSRF token of state-changing API requests, then enforces the endpoint's
/// <see cref="SessionRequirement"/> and <see cref="RightRequirement"/> through <see cref="RightsService.Check"/>.</summary>
internal sealed class ApiGate(SessionStore sessions, DirectoryService directory, RightsService rights)
{
    /// <summary>The session cookie.</summary>
    public const string CookieName = "preau_session";

    /// <summary>The header carrying the CSRF token.</summary>
    public const string CsrfHeader = "X-CSRF-Token";

    public async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        var session = Resolve(context);
        var isApi = context.Request.Path.StartsWithSegments("/api", StringComparison.Ordinal);
        if (isApi)
        {
            context.Response.Headers.CacheControl = "no-store";
        }

        // CSRF guards what the cookie authorises: a request without a live session carries no ambient
        // credential (and meets a 401 wherever a session is needed). Signing in is the one exception.
        if (isApi && session is not null && IsStateChanging(context.Request.Method) && !IsSignIn(context.Request) && !CsrfMatches(context, session))
        {
            await ApiResults.Error(StatusCodes.Status403Forbidden, $"Jeton CSRF absent ou invalide : envoyez l'en-tête {CsrfHeader} reçu à la connexion.").ExecuteAsync(context);
            return;
        }

        if (context.GetEndpoint() is { } endpoint)
        {
            var needsSession = endpoint.Metadata.GetMetadata<SessionRequirement>() is not null;
            var required = endpoint.Metadata.GetOrderedMetadata<RightRequirement>();
            if ((needsSession || required.Count > 0) && context.GetCaller() is not { } caller)
            {
                await ApiResults.Unauthorized().ExecuteAsync(context);
                return;
            }

            foreach (var requirement in required)
            {
                var decision = rights.Check(context.GetCaller()!, requirement.Right);
                if (!decision.Allowed)
                {
                    await ApiResults.Forbidden(decision.Reason, requirement.Right).ExecuteAsync(context);
                    return;
                }
            }
        }

        await next(context);
    }

    /// <summary>The live session of the cookie, with its account's current record; a session whose account
    /// was suspended, removed or had its password changed ends here, at its next use.</summary>
    private WebSession? Resolve(HttpContext context)
    {
        if (!context.Request.Cookies.TryGetValue(CookieName, out var cookie) || sessions.Find(cookie) is not { } session)
        {
            return null;
        }

        var account = directory.Graph.FindById(session.AccountId);
        if (account is null || !account.CanLogIn)
        {
            sessions.DropAccount(session.AccountId);
            return null;
        }

        if (!string.Equals(account.PasswordHash, session.PasswordHash, StringComparison.Ordinal))
        {
            sessions.Remove(session);
            return null;
        }

        context.Items[CallerExtensions.CallerKey] = account;
        context.Items[CallerExtensions.SessionKey] = session;
        return session;
    }

    private static bool IsStateChanging(string method) =>
        !(HttpMethods.IsGet(method) || HttpMethods.IsHead(method) || HttpMethods.IsOptions(method) || HttpMethods.IsTrace(method));

    private static bool IsSignIn(HttpRequest request) =>
        HttpMethods.IsPost(request.Method) && request.Path.Equals(SessionEndpoints.Path, StringComparison.Ordinal);

    private static bool CsrfMatches(HttpContext context, WebSession session)
    {
        var sent = context.Request.Headers[CsrfHeader].ToString();
        return sent.Length > 0 && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(sent), Encoding.UTF8.GetBytes(session.CsrfToken));
    }
}
