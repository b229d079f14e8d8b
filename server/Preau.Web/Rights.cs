using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Preau.Core.Rights;

namespace Preau.Web;

/// <summary>The rights check of the HTTP API, for handlers whose right depends on the request (a plugin's
/// action named in the path…). Static endpoints declare theirs with
/// <see cref="RightsEndpointExtensions.RequireRight{TBuilder}"/>; both end in <see cref="RightsService.Check"/>.</summary>
public static class Rights
{
    /// <summary>Null when the caller holds <paramref name="right"/>; otherwise the answer to return: 401 JSON
    /// without a session, 403 JSON <c>{"error", "right"}</c> naming the missing right.</summary>
    /// <example><code>if (Rights.Require(context, "administration.plugins") is { } refusal) return refusal;</code></example>
    public static IResult? Require(HttpContext context, string right)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.GetCaller() is not { } caller)
        {
            return ApiResults.Unauthorized();
        }

        var decision = context.RequestServices.GetRequiredService<RightsService>().Check(caller, right);
        return decision.Allowed ? null : ApiResults.Forbidden(decision.Reason, right);
    }
}
