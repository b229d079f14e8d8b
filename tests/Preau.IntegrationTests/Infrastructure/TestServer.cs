using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;
using MimeKit;
using Preau.Core.Mail;
using Preau.IntegrationTests;
using Preau.Server.Hosting;

namespace Preau.IntegrationTests.Infrastructure;

/// <summary>A real Préau server on loopback ports over a copy of the demo school, as the executable
/// runs it (same runtime, same listeners), plus helpers to talk to it with MailKit.</summary>
internal sealed class TestServer : IAsyncDisposable
{
    public const string Domain = "demo.preau.test";
    public const string Password = "demo";

    private readonly Dictionary<string, string?> _settings;
    private readonly TimeProvider? _time;

    private TestServer(Dictionary<string, string?> settings, TimeProvider? time)
    {
        _settings = settings;
        _time = time;
        DataFolder = settings["Storage:DataDirectory"]!;
    }

    public string DataFolder { get; }

    public PreauRuntime Runtime { get; private set; } = null!;

    public ServerHost Host { get; private set; } = null!;

    public int InboundPort => int.Parse(_settings["Smtp:InboundPort"]!, System.Globalization.CultureInfo.InvariantCulture);

    public int SubmissionPort => int.Parse(_settings["Smtp:SubmissionPort"]!, System.Globalization.CultureInfo.InvariantCulture);

    public int WebPort => int.Parse(_settings["Web:Port"]!, System.Globalization.CultureInfo.InvariantCulture);

    public int ImapPort => int.Parse(_settings["Imap:Port"]!, System.Globalization.CultureInfo.InvariantCulture);

    public int ImapTlsPort => int.Parse(_settings["Imap:TlsPort"]!, System.Globalization.CultureInfo.InvariantCulture);

    public int SubmissionTlsPort => int.Parse(_settings["Smtp:SubmissionTlsPort"]!, System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Starts a server on a fresh copy of the demo school; <paramref name="configure"/> may change
    /// settings, <paramref name="time"/> replace the clock.</summary>
    public static async Task<TestServer> StartAsync(Action<Dictionary<string, string?>>? configure = null, TimeProvider? time = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Storage:DataDirectory"] = DemoTemplate.NewDataFolder(),
            ["Mail:Domain"] = Domain,
            ["Smtp:InboundPort"] = FreePort.Next().ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Smtp:SubmissionPort"] = FreePort.Next().ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Smtp:SubmissionTlsPort"] = FreePort.Next().ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Smtp:RelayPollInterval"] = "00:00:00.200",
            ["Imap:Port"] = FreePort.Next().ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Imap:TlsPort"] = FreePort.Next().ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Web:Port"] = FreePort.Next().ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        configure?.Invoke(settings);
        var server = new TestServer(settings, time);
        await server.OpenAsync();
        return server;
    }

    /// <summary>Stops everything and starts again on the same data folder and ports.</summary>
    public async Task RestartAsync()
    {
        await CloseAsync();
        await OpenAsync();
    }

    /// <summary>A client logged in on the submission port (STARTTLS, or implicit TLS).</summary>
    public async Task<SmtpClient> SubmitAsync(string login, bool implicitTls = false)
    {
        var client = new SmtpClient { ServerCertificateValidationCallback = (_, _, _, _) => true, Timeout = 30_000 };
        if (implicitTls)
        {
            await client.ConnectAsync("127.0.0.1", SubmissionTlsPort, SecureSocketOptions.SslOnConnect);
        }
        else
        {
            await client.ConnectAsync("127.0.0.1", SubmissionPort, SecureSocketOptions.StartTls);
        }

        await client.AuthenticateAsync(login, Password);
        return client;
    }

    /// <summary>An IMAP client logged in (STARTTLS on the plain port, or implicit TLS).</summary>
    public async Task<MailKit.Net.Imap.ImapClient> ImapAsync(string login, bool implicitTls = false)
    {
        var client = new MailKit.Net.Imap.ImapClient { ServerCertificateValidationCallback = (_, _, _, _) => true, Timeout = 30_000 };
        await client.ConnectAsync("127.0.0.1", implicitTls ? ImapTlsPort : ImapPort, implicitTls ? SecureSocketOptions.SslOnConnect : SecureSocketOptions.StartTls);
        await client.AuthenticateAsync(login, Password);
        return client;
    }

    /// <summary>A client on the inbound port, as another mail server would be.</summary>
    public async Task<SmtpClient> InboundAsync()
    {
        var client = new SmtpClient { ServerCertificateValidationCallback = (_, _, _, _) => true, Timeout = 30_000 };
        await client.ConnectAsync("127.0.0.1", InboundPort, SecureSocketOptions.None);
        return client;
    }

    /// <summary>A simple message from <paramref name="from"/> to the given logins or addresses.</summary>
    public static MimeMessage Message(string from, params string[] to)
    {
        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(Address(from)));
        foreach (var recipient in to)
        {
            message.To.Add(MailboxAddress.Parse(Address(recipient)));
        }

        message.Subject = "Test " + Guid.NewGuid().ToString("N")[..8];
        message.Body = new TextPart("plain") { Text = "Bonjour, ceci est un message de test.\n" };
        return message;
    }

    public static string Address(string loginOrAddress) =>
        loginOrAddress.Contains('@', StringComparison.Ordinal) ? loginOrAddress : $"{loginOrAddress}@{Domain}";

    /// <summary>The INBOX entries of an account.</summary>
    public IReadOnlyList<MessageEntry> Inbox(string login)
    {
        var account = Runtime.Directory.Find(login) ?? throw new ArgumentException($"no account {login}");
        var inbox = Runtime.Store.GetMailboxes(account.Id).FirstOrDefault(m => m.Name == DefaultMailboxes.Inbox);
        return inbox is null ? [] : Runtime.Store.GetMessages(inbox.Id);
    }

    /// <summary>Whether an INBOX holds a message with this subject.</summary>
    public bool HasMessage(string login, string? subject) => Inbox(login).Any(e => e.Summary.Subject == subject);

    public async ValueTask DisposeAsync()
    {
        await CloseAsync();
        try
        {
            System.IO.Directory.Delete(DataFolder, recursive: true);
        }
        catch (IOException)
        {
            // A file still held by a closing socket: the run's root folder is removed at the end.
        }
    }

    private async Task OpenAsync()
    {
        var config = new ConfigurationBuilder().AddInMemoryCollection(_settings).Build();
        Runtime = PreauRuntime.Open(config, NullLoggerFactory.Instance, _time);
        Host = new ServerHost(Runtime);
        await Host.StartAsync();
    }

    private async Task CloseAsync()
    {
        if (Host is not null)
        {
            await Host.DisposeAsync();
        }

        Runtime?.Dispose();
    }
}
