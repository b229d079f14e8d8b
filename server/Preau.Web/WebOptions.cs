namespace Preau.Web;

/// <summary>The <c>Web</c> configuration section.</summary>
public sealed class WebOptions
{
    /// <summary>Address the HTTP listener binds to.</summary>
    public string ListenAddress { get; set; } = "127.0.0.1";

    /// <summary>HTTP port of the webmail, the admin pages, the API and client autoconfiguration.</summary>
    public int Port { get; set; } = 8080;

    /// <summary>A web session ends after this long without a request (sliding expiry).</summary>
    public TimeSpan SessionIdleTimeout { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>A web session ends this long after sign-in, however active.</summary>
    public TimeSpan SessionLifetime { get; set; } = TimeSpan.FromHours(12);

    /// <summary>The webmail's static files; empty: the <c>webmail</c> folder beside the executable. Point it at
    /// the repository's <c>webmail/</c> to work on the front end without rebuilding.</summary>
    public string WebmailDirectory { get; set; } = "";

    /// <summary>The folder the webmail is served from.</summary>
    public string WebmailRoot => string.IsNullOrWhiteSpace(WebmailDirectory) ? Path.Combine(AppContext.BaseDirectory, "webmail") : WebmailDirectory;
}
