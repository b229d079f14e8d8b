using Microsoft.AspNetCore.Builder;

namespace Preau.Web;

/// <summary>Declares what an endpoint or a route group needs; the API gate enforces it after routing, for
/// any kind of endpoint (minimal API handlers, request delegates, plugin dispatch).</summary>
public static class RightsEndpointExtensions
{
    /// <summary>A signed-in caller is needed: 401 JSON otherwise.</summary>
    public static TBuilder RequireSession<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(SessionRequirement.Instance);

    /// <summary>The caller must hold <paramref name="right"/> ("administration.plugins"): 401 JSON without a
    /// session, 403 JSON <c>{"error", "right"}</c> without the right. On a group and an endpoint, both apply.</summary>
    public static TBuilder RequireRight<TBuilder>(this TBuilder builder, string right)
        where TBuilder : IEndpointConventionBuilder
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(right);
        return builder.WithMetadata(SessionRequirement.Instance, new RightRequirement(right));
    }
}

/// <summary>Endpoint metadata: a session is needed.</summary>
public sealed class SessionRequirement
{
    /// <summary>The one instance.</summary>
    public static SessionRequirement Instance { get; } = new();

    private SessionRequirement()
    {
    }
}

/// <summary>Endpoint metadata: a right is needed.</summary>
/// <param name="Right">The right.</param>
public sealed record RightRequirement(string Right);
