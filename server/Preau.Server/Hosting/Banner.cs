using Preau.Demo;

namespace Preau.Server.Hosting;

/// <summary>What the server prints once it listens.</summary>
internal static class Banner
{
    public static void Print(TextWriter output, PreauRuntime runtime, bool demo)
    {
        var smtp = runtime.Smtp;
        var host = smtp.ListenAddress;
        output.WriteLine();
        output.WriteLine($"Préau is running for {runtime.Mail.Domain} (data: {runtime.DataDirectory})");
        output.WriteLine($"  SMTP inbound (MX)          {host}:{smtp.InboundPort}  STARTTLS offered");
        output.WriteLine($"  SMTP submission            {host}:{smtp.SubmissionPort}  STARTTLS, then AUTH PLAIN/LOGIN");
        output.WriteLine($"  SMTP submission over TLS   {host}:{smtp.SubmissionTlsPort}  implicit TLS, AUTH PLAIN/LOGIN");
        output.WriteLine($"  IMAP                       {runtime.Imap.ListenAddress}:{runtime.Imap.Port}  STARTTLS, then LOGIN or AUTHENTICATE");
        output.WriteLine($"  IMAP over TLS              {runtime.Imap.ListenAddress}:{runtime.Imap.TlsPort}  implicit TLS");
        output.WriteLine($"  Webmail and API            http://{runtime.Web.ListenAddress}:{runtime.Web.Port}/  webmail, /api, client set-up (Thunderbird autoconfig, Outlook autodiscover)");
        output.WriteLine($"  Relay for outside mail     {(string.IsNullOrWhiteSpace(smtp.RelayHost) ? "none configured (Smtp:RelayHost): outside mail waits in the queue" : $"{smtp.RelayHost}:{smtp.RelayPort}")}");
        output.WriteLine($"  Certificate                {(runtime.Configuration["Tls:CertificatePath"] is { Length: > 0 } p ? p : Path.Combine(runtime.DataDirectory, "tls", "cert.pem") + " (self-signed)")}");
        if (demo)
        {
            output.WriteLine();
            output.WriteLine($"Demo school {DemoSchool.Uai}: log in as any of these with the password \"{DemoSchool.Password}\":");
            foreach (var persona in DemoSchool.Personas)
            {
                output.WriteLine($"  {persona.Login + "@" + runtime.Mail.Domain,-40} {persona.Description}");
            }
        }

        output.WriteLine();
        output.WriteLine("Administration in another terminal: dotnet run --project server/Preau.Server -- account list   (Ctrl-C stops)");
    }
}
