using System.Net;
using System.Text;
using System.Xml.Linq;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Preau.Web.Admin;
using Preau.Web.Sessions;

namespace Preau.Web;

/// <summary>The HTTP listener on <see cref="WebOptions.Port"/>: what mail clients ask for when set up
/// (Thunderbird autoconfig, Outlook autodiscover), web sessions (<c>/api/session</c>) and the admin API
/// for rights (<c>/api/admin/…</c>). Every request passes the API gate after routing (session, CSRF,
/// the endpoint's required rights); more endpoints plug in through <see cref="Routes"/>.</summary>
public sealed class WebHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    /// <summary>Builds the host; nothing listens before <see cref="StartAsync"/>.</summary>
    public WebHost(WebOptions options, MailEndpoints endpoints, WebServices services, ILoggerFactory loggers)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(services);
        Sessions = new SessionStore(options.SessionIdleTimeout, options.SessionLifetime, services.Time);
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton(loggers);
        builder.Services.AddSingleton(services);
        builder.Services.AddSingleton(services.Rights);
        builder.Services.AddSingleton(services.Directory);
        builder.Services.AddSingleton(Sessions);
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Parse(options.ListenAddress), options.Port));
        _app = builder.Build();
        _app.UseWebmail(options.WebmailRoot);
        _app.UseRouting();
        var gate = new ApiGate(Sessions, services.Directory, services.Rights);
        _app.Use(gate.InvokeAsync);
        SessionEndpoints.Map(_app, services, Sessions);
        AdminEndpoints.Map(_app, services);
        Portal.PortalEndpoints.Map(_app, services, Sessions);
        IResult Xml(XDocument document) => Results.Text(document.Declaration + "\n" + document.Root, "application/xml", Encoding.UTF8);
        _app.MapGet("/.well-known/autoconfig/mail/config-v1.1.xml", () => Xml(Autoconfig.Thunderbird(endpoints)));
        _app.MapGet("/mail/config-v1.1.xml", () => Xml(Autoconfig.Thunderbird(endpoints)));
        _app.MapMethods("/autodiscover/autodiscover.xml", ["GET", "POST"], async (HttpRequest request) =>
        {
            var address = await RequestedAddressAsync(request);
            return address is null
                ? Results.BadRequest("expected an autodiscover request with an EMailAddress")
                : Xml(Autoconfig.Outlook(endpoints, address));
        });
        _app.MapWebmailFallback(options.WebmailRoot);
    }

    /// <summary>The signed-in browsers.</summary>
    public SessionStore Sessions { get; }

    /// <summary>Where other parts of the server (the plugin dispatcher, their admin endpoints) map their
    /// routes, before <see cref="StartAsync"/>; protect them with
    /// <see cref="RightsEndpointExtensions.RequireRight{TBuilder}"/> or <see cref="Rights.Require"/>.</summary>
    public IEndpointRouteBuilder Routes => _app;

    /// <summary>Binds the port and starts serving.</summary>
    public Task StartAsync(CancellationToken cancellationToken = default) => _app.StartAsync(cancellationToken);

    /// <summary>Stops serving.</summary>
    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private static async Task<string?> RequestedAddressAsync(HttpRequest request)
    {
        if (HttpMethods.IsGet(request.Method))
        {
            return request.Query["emailaddress"].FirstOrDefault();
        }

        try
        {
            // Bounded: an autodiscover request is a few hundred bytes.
            using var reader = new StreamReader(request.Body, Encoding.UTF8);
            var buffer = new char[16 * 1024];
            var read = await reader.ReadBlockAsync(buffer, request.HttpContext.RequestAborted);
            var document = XDocument.Parse(new string(buffer, 0, read));
            return document.Descendants().FirstOrDefault(e => e.Name.LocalName == "EMailAddress")?.Value.Trim();
        }
        catch (System.Xml.XmlException)
        {
            return null;
        }
    }
}
