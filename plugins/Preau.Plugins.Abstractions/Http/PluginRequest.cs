using Microsoft.AspNetCore.Http;
using Preau.Plugins.Graph;
using Preau.Plugins.Rights;

namespace Preau.Plugins.Http;

/// <summary>One request to a plugin endpoint, with what the host knows about it.</summary>
public abstract class PluginRequest
{
    /// <summary>The ASP.NET Core request and response (headers, body, form files, status).</summary>
    public abstract HttpContext HttpContext { get; }

    /// <summary>The signed-in account, or null on an anonymous route.</summary>
    public abstract AccountRecord? Caller { get; }

    /// <summary>The values of the pattern's <c>{name}</c> segments, unescaped.</summary>
    public abstract IReadOnlyDictionary<string, string> RouteValues { get; }

    /// <summary>One route value, or null.</summary>
    public string? RouteValue(string name) => RouteValues.TryGetValue(name, out var value) ? value : null;

    /// <summary>Whether the caller holds <paramref name="right"/> (for rights that depend on the data).</summary>
    public abstract RightCheck CheckRight(string right);

    /// <summary>Reads the JSON body (camelCase, at most 1 MiB); null for an empty body.</summary>
    /// <exception cref="BadHttpRequestException">The body is not valid JSON for <typeparamref name="T"/> or is too large (the host answers 400).</exception>
    public abstract Task<T?> ReadJsonAsync<T>(CancellationToken cancellationToken = default);

    /// <summary>Writes <paramref name="value"/> as JSON (camelCase) with the status code.</summary>
    public abstract Task WriteJsonAsync<T>(T value, int statusCode = StatusCodes.Status200OK);

    /// <summary>Writes <c>{"error": message}</c> with the status code (French message for users).</summary>
    public abstract Task WriteErrorAsync(int statusCode, string message);
}
