using System.Xml.Linq;

namespace Preau.Web;

/// <summary>Client set-up documents, so users type only their address and password:
/// Thunderbird's autoconfig (clientConfig 1.1) and Outlook's POX autodiscover.</summary>
public static class Autoconfig
{
    private static readonly XNamespace ResponseSchema = "http://schemas.microsoft.com/exchange/autodiscover/responseschema/2006";
    private static readonly XNamespace OutlookSchema = "http://schemas.microsoft.com/exchange/autodiscover/outlook/responseschema/2006a";

    /// <summary>Thunderbird's document: implicit TLS first (preferred), STARTTLS as the alternative.</summary>
    public static XDocument Thunderbird(MailEndpoints e)
    {
        ArgumentNullException.ThrowIfNull(e);
        XElement Server(string kind, string type, int port, string socket) => new(
            kind,
            new XAttribute("type", type),
            new XElement("hostname", e.HostName),
            new XElement("port", port),
            new XElement("socketType", socket),
            new XElement("username", "%EMAILLOCALPART%"),
            new XElement("authentication", "password-cleartext"));

        return new XDocument(
            new XDeclaration("1.0", "utf-8", null),
            new XElement(
                "clientConfig",
                new XAttribute("version", "1.1"),
                new XElement(
                    "emailProvider",
                    new XAttribute("id", e.Domain),
                    new XElement("domain", e.Domain),
                    new XElement("displayName", e.DisplayName),
                    new XElement("displayShortName", "Préau"),
                    Server("incomingServer", "imap", e.ImapTlsPort, "SSL"),
                    Server("incomingServer", "imap", e.ImapPort, "STARTTLS"),
                    Server("outgoingServer", "smtp", e.SubmissionTlsPort, "SSL"),
                    Server("outgoingServer", "smtp", e.SubmissionPort, "STARTTLS"))));
    }

    /// <summary>Outlook's POX autodiscover answer for <paramref name="address"/>.</summary>
    public static XDocument Outlook(MailEndpoints e, string address)
    {
        ArgumentNullException.ThrowIfNull(e);
        var login = address.Split('@')[0];
        XElement Protocol(string type, int port, bool ssl, bool startTls) => new(
            OutlookSchema + "Protocol",
            new XElement(OutlookSchema + "Type", type),
            new XElement(OutlookSchema + "Server", e.HostName),
            new XElement(OutlookSchema + "Port", port),
            new XElement(OutlookSchema + "LoginName", login),
            new XElement(OutlookSchema + "DomainRequired", "off"),
            new XElement(OutlookSchema + "SPA", "off"),
            new XElement(OutlookSchema + "SSL", ssl ? "on" : "off"),
            startTls ? new XElement(OutlookSchema + "Encryption", "TLS") : null,
            new XElement(OutlookSchema + "AuthRequired", "on"));

        return new XDocument(
            new XDeclaration("1.0", "utf-8", null),
            new XElement(
                ResponseSchema + "Autodiscover",
                new XElement(
                    OutlookSchema + "Response",
                    new XElement(OutlookSchema + "User", new XElement(OutlookSchema + "DisplayName", address)),
                    new XElement(
                        OutlookSchema + "Account",
                        new XElement(OutlookSchema + "AccountType", "email"),
                        new XElement(OutlookSchema + "Action", "settings"),
                        Protocol("IMAP", e.ImapTlsPort, ssl: true, startTls: false),
                        Protocol("SMTP", e.SubmissionTlsPort, ssl: true, startTls: false)))));
    }
}
