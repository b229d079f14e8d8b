using Preau.Plugins.Http;

namespace Preau.PluginHost.Http;

/// <summary>One plugin's routes, matched at request time by the host's dispatcher.</summary>
/// <remarks>Routes are tried most specific first (more literal segments, then fewer parameters, a
/// catch-all last), then in declaration order.</remarks>
internal sealed class RouteTable
{
    private readonly PluginRoute[] _routes;

    public RouteTable(IEnumerable<PluginRoute> routes) =>
        _routes = routes
            .Select((route, index) => (route, index))
            .OrderByDescending(r => r.route.Segments.Count(s => s.Kind == SegmentKind.Literal))
            .ThenBy(r => r.route.Segments.Any(s => s.Kind == SegmentKind.CatchAll))
            .ThenBy(r => r.index)
            .Select(r => r.route)
            .ToArray();

    public static RouteTable Empty { get; } = new([]);

    public IReadOnlyList<PluginRoute> Routes => _routes;

    /// <summary>The route for a method and a path relative to the plugin's prefix.</summary>
    public RouteMatch Match(string method, string path)
    {
        var segments = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var allowed = new List<string>();
        foreach (var route in _routes)
        {
            if (!route.TryMatch(segments, out var values))
            {
                continue;
            }

            if (string.Equals(route.Method, method, StringComparison.OrdinalIgnoreCase)
                || (route.Method == "GET" && string.Equals(method, "HEAD", StringComparison.OrdinalIgnoreCase)))
            {
                return new RouteMatch(route, values, []);
            }

            allowed.Add(route.Method);
        }

        return new RouteMatch(null, new Dictionary<string, string>(), allowed.Distinct().ToArray());
    }
}

/// <summary>A match: the route and its values, or the methods the path allows (405) or nothing (404).</summary>
internal sealed record RouteMatch(PluginRoute? Route, IReadOnlyDictionary<string, string> Values, IReadOnlyList<string> AllowedMethods);

internal enum SegmentKind
{
    Literal,
    Parameter,
    CatchAll,
}

internal sealed record RouteSegment(SegmentKind Kind, string Text);

/// <summary>One declared route.</summary>
internal sealed class PluginRoute : IPluginRouteConventions
{
    private static readonly HashSet<string> Methods = new(StringComparer.OrdinalIgnoreCase) { "GET", "POST", "PUT", "PATCH", "DELETE" };

    public PluginRoute(string method, string pattern, PluginRequestHandler handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        if (method is null || !Methods.Contains(method))
        {
            throw new ArgumentException($"unsupported HTTP method '{method}' (GET, POST, PUT, PATCH, DELETE)", nameof(method));
        }

        Method = method.ToUpperInvariant();
        Pattern = (pattern ?? throw new ArgumentNullException(nameof(pattern))).Trim('/');
        Segments = Parse(Pattern);
        Handler = handler;
    }

    public string Method { get; }

    public string Pattern { get; }

    public IReadOnlyList<RouteSegment> Segments { get; }

    public PluginRequestHandler Handler { get; }

    public string? Right { get; private set; }

    public bool Anonymous { get; private set; }

    public IPluginRouteConventions RequireRight(string right)
    {
        if (string.IsNullOrWhiteSpace(right) || !right.Contains('.', StringComparison.Ordinal))
        {
            throw new ArgumentException($"a right is \"<service>.<action>\", not '{right}'", nameof(right));
        }

        Right = right.Trim();
        return this;
    }

    public IPluginRouteConventions AllowAnonymous()
    {
        Anonymous = true;
        return this;
    }

    public bool TryMatch(string[] path, out IReadOnlyDictionary<string, string> values)
    {
        var found = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        values = found;
        for (var i = 0; i < Segments.Count; i++)
        {
            var segment = Segments[i];
            if (segment.Kind == SegmentKind.CatchAll)
            {
                found[segment.Text] = string.Join('/', path.Skip(i).Select(Uri.UnescapeDataString));
                return true;
            }

            if (i >= path.Length)
            {
                return false;
            }

            if (segment.Kind == SegmentKind.Literal)
            {
                if (!string.Equals(segment.Text, Uri.UnescapeDataString(path[i]), StringComparison.OrdinalIgnoreCase))
                {
                    return false;
                }
            }
            else
            {
                found[segment.Text] = Uri.UnescapeDataString(path[i]);
            }
        }

        return path.Length == Segments.Count;
    }

    public override string ToString() => $"{Method} {Pattern}";

    private static RouteSegment[] Parse(string pattern)
    {
        var parts = pattern.Length == 0 ? [] : pattern.Split('/');
        var segments = new RouteSegment[parts.Length];
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < parts.Length; i++)
        {
            var part = parts[i];
            if (part.Length == 0)
            {
                throw new ArgumentException($"route '{pattern}' has an empty segment");
            }

            if (part.StartsWith('{') && part.EndsWith('}'))
            {
                var name = part[1..^1];
                var catchAll = name.StartsWith('*');
                name = name.TrimStart('*');
                if (name.Length == 0 || !name.All(c => char.IsAsciiLetterOrDigit(c) || c == '_') || !names.Add(name))
                {
                    throw new ArgumentException($"route '{pattern}': '{part}' is not a valid parameter (letters, digits, '_', each name once)");
                }

                if (catchAll && i != parts.Length - 1)
                {
                    throw new ArgumentException($"route '{pattern}': the catch-all '{part}' must be the last segment");
                }

                segments[i] = new RouteSegment(catchAll ? SegmentKind.CatchAll : SegmentKind.Parameter, name);
            }
            else if (part.AsSpan().IndexOfAny("{}?#") >= 0)
            {
                throw new ArgumentException($"route '{pattern}': '{part}' mixes text and a parameter, or holds '?' or '#'");
            }
            else
            {
                segments[i] = new RouteSegment(SegmentKind.Literal, part);
            }
        }

        return segments;
    }
}

/// <summary>Collects the routes a plugin declares.</summary>
internal sealed class PluginRouteBuilder : IPluginRouteBuilder
{
    private readonly List<PluginRoute> _routes = [];

    public IPluginRouteConventions Map(string method, string pattern, PluginRequestHandler handler)
    {
        var route = new PluginRoute(method, pattern, handler);
        if (_routes.Any(r => r.Method == route.Method && Same(r.Segments, route.Segments)))
        {
            throw new ArgumentException($"route {route} is declared twice");
        }

        _routes.Add(route);
        return route;
    }

    public IPluginRouteConventions MapGet(string pattern, PluginRequestHandler handler) => Map("GET", pattern, handler);

    public IPluginRouteConventions MapPost(string pattern, PluginRequestHandler handler) => Map("POST", pattern, handler);

    public IPluginRouteConventions MapPut(string pattern, PluginRequestHandler handler) => Map("PUT", pattern, handler);

    public IPluginRouteConventions MapDelete(string pattern, PluginRequestHandler handler) => Map("DELETE", pattern, handler);

    public RouteTable Build() => new(_routes);

    private static bool Same(IReadOnlyList<RouteSegment> a, IReadOnlyList<RouteSegment> b) =>
        a.Count == b.Count && a.Zip(b).All(p => p.First.Kind == p.Second.Kind
            && (p.First.Kind != SegmentKind.Literal || string.Equals(p.First.Text, p.Second.Text, StringComparison.OrdinalIgnoreCase)));
}
