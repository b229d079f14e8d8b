using System.Net;
using System.Text;
using System.Xml.Linq;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Preau.Web;

/// <summary>The HTTP listener on <see cref="WebOptions.Port"/>. For now it serves what mail clients
/// ask for when set up (Thunderbird autoconfig, Outlook autodiscover); the webmail and the JSON API
/// come with their own issue and plug in here.</summary>
public sealed class WebHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    /// <summary>Builds the host; nothing listens before <see cref="StartAsync"/>.</summary>
    public WebHost(WebOptions options, MailEndpoints endpoints, ILoggerFactory loggers)
    {
        ArgumentNullException.ThrowIfNull(options);
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton(loggers);
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Parse(options.ListenAddress), options.Port));
        _app = builder.Build();
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
        _app.MapGet("/", () => Results.Text("Préau : la messagerie de l'établissement. Le webmail arrive bientôt ; en attendant, configurez Thunderbird ou Outlook avec votre adresse.", "text/plain", Encoding.UTF8));
    }

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
