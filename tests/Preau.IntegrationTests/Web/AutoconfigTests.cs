using System.Net;
using System.Text;
using System.Xml.Linq;
using Preau.IntegrationTests.Infrastructure;

namespace Preau.IntegrationTests.Web;

/// <summary>Client set-up without typing server names, through the real HTTP listener.</summary>
public class AutoconfigTests : SharedServerFixture
{
    private HttpClient Http() => new() { BaseAddress = new Uri($"http://127.0.0.1:{Server.WebPort}/") };

    [TestCase(".well-known/autoconfig/mail/config-v1.1.xml")]
    [TestCase("mail/config-v1.1.xml?emailaddress=eleve.6a%40demo.preau.test")]
    public async Task Thunderbird_Autoconfig_AnnouncesImapAndSmtpPorts(string path)
    {
        using var http = Http();
        var document = XDocument.Parse(await http.GetStringAsync(path));
        var servers = document.Descendants().Where(e => e.Name.LocalName is "incomingServer" or "outgoingServer").ToArray();
        Assert.That(document.Root!.Name.LocalName, Is.EqualTo("clientConfig"));
        Assert.That(document.Descendants("domain").Single().Value, Is.EqualTo(TestServer.Domain));
        var ports = servers.Select(s => ((string)s.Attribute("type")!, int.Parse(s.Element("port")!.Value, System.Globalization.CultureInfo.InvariantCulture), s.Element("socketType")!.Value)).ToArray();
        Assert.That(ports, Does.Contain(("imap", Server.ImapTlsPort, "SSL")).And.Contain(("imap", Server.ImapPort, "STARTTLS")));
        Assert.That(ports, Does.Contain(("smtp", Server.SubmissionTlsPort, "SSL")).And.Contain(("smtp", Server.SubmissionPort, "STARTTLS")));
        Assert.That(servers.All(s => s.Element("username")!.Value == "%EMAILLOCALPART%"), Is.True);
    }

    [Test]
    public async Task Outlook_Autodiscover_AnswersThePostedAddress()
    {
        using var http = Http();
        const string request = """
            <?xml version="1.0" encoding="utf-8"?>
            <Autodiscover xmlns="http://schemas.microsoft.com/exchange/autodiscover/outlook/requestschema/2006">
              <Request><EMailAddress>prof.maths@demo.preau.test</EMailAddress>
              <AcceptableResponseSchema>http://schemas.microsoft.com/exchange/autodiscover/outlook/responseschema/2006a</AcceptableResponseSchema></Request>
            </Autodiscover>
            """;
        using var response = await http.PostAsync("autodiscover/autodiscover.xml", new StringContent(request, Encoding.UTF8, "text/xml"));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var document = XDocument.Parse(await response.Content.ReadAsStringAsync());
        var protocols = document.Descendants().Where(e => e.Name.LocalName == "Protocol").ToArray();
        Assert.That(protocols.Select(p => p.Elements().Single(e => e.Name.LocalName == "Type").Value), Is.EquivalentTo(new[] { "IMAP", "SMTP" }));
        Assert.That(protocols.All(p => p.Elements().Single(e => e.Name.LocalName == "LoginName").Value == "prof.maths"), Is.True);
    }

    [Test]
    public async Task Outlook_Autodiscover_MalformedRequest_BadRequest()
    {
        using var http = Http();
        using var response = await http.PostAsync("autodiscover/autodiscover.xml", new StringContent("<not xml", Encoding.UTF8, "text/xml"));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
    }
}
