using Microsoft.AspNetCore.Http;
using Preau.Core.Accounts;
using Preau.Web.Sessions;

namespace Preau.Web;

/// <summary>Who is calling: the account of the request's session, resolved once per request by the API gate.</summary>
public static class CallerExtensions
{
    internal const string CallerKey = "preau.caller";
    internal const string SessionKey = "preau.session";

    /// <summary>The signed-in account (its current record), or null when the request has no live session.</summary>
    public static Account? GetCaller(this HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.Items.TryGetValue(CallerKey, out var caller) ? caller as Account : null;
    }

    /// <summary>The request's live session, or null.</summary>
    public static WebSession? GetSession(this HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.Items.TryGetValue(SessionKey, out var session) ? session as WebSession : null;
    }
}
