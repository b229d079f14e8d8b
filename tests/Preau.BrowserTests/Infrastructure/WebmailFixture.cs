using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using MimeKit;
using Preau.Core.Mail;
using Preau.IntegrationTests.Infrastructure;

namespace Preau.BrowserTests.Infrastructure;

/// <summary>A fixture whose tests share one real server (a fresh copy of the demo school); each test gets
/// its own browser context and page, desktop-sized unless the fixture says otherwise.</summary>
[Parallelizable(ParallelScope.None)]
public abstract class WebmailFixture
{
    private readonly List<string> _log = [];
    private IBrowserContext? _context;

    private protected TestServer Server { get; private set; } = null!;

    /// <summary>The page of the current test.</summary>
    protected IPage Page { get; private set; } = null!;

    /// <summary>The webmail's address.</summary>
    protected string BaseUrl => $"http://127.0.0.1:{Server.WebPort}";

    /// <summary>The viewport of this fixture's pages.</summary>
    protected virtual ViewportSize Viewport => new() { Width = 1440, Height = 900 };

    [OneTimeSetUp]
    public async Task StartServer() => Server = await TestServer.StartAsync(Configure);

    [OneTimeTearDown]
    public async Task StopServer() => await Server.DisposeAsync();

    [SetUp]
    public async Task OpenPage()
    {
        _context = await BrowserSetup.Browser.NewContextAsync(new()
        {
            BaseURL = BaseUrl,
            ViewportSize = Viewport,
            Locale = "fr-FR",
            TimezoneId = "Europe/Paris",
            AcceptDownloads = true,
            ReducedMotion = ReducedMotion.Reduce,
        });
        Page = await _context.NewPageAsync();
        _log.Clear();
        Page.Console += (_, message) => _log.Add($"console.{message.Type}: {message.Text}");
        Page.PageError += (_, error) => _log.Add($"page error: {error}");
        Page.FrameNavigated += (_, frame) => { if (frame == Page.MainFrame) _log.Add($"at {frame.Url}"); };
    }

    [TearDown]
    public async Task ClosePage()
    {
        if (TestContext.CurrentContext.Result.Outcome.Status == NUnit.Framework.Interfaces.TestStatus.Failed && Page is not null)
        {
            await ScreenshotAsync($"failed-{TestContext.CurrentContext.Test.Name}");
            await TestContext.Out.WriteLineAsync("Browser log:\n" + string.Join('\n', _log));
        }

        if (_context is not null)
        {
            await _context.CloseAsync();
        }
    }

    /// <summary>Settings this fixture's server needs beyond the defaults.</summary>
    private protected virtual void Configure(Dictionary<string, string?> settings)
    {
    }

    /// <summary>Signs in through the login page and waits for the signed-in shell.</summary>
    protected async Task SignInAsync(string login, string path = "/")
    {
        await Page.GotoAsync(path);
        await Page.GetByLabel("Identifiant").FillAsync(login);
        await Page.GetByLabel("Mot de passe").FillAsync(TestServer.Password);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Se connecter" }).ClickAsync();
        await Assertions.Expect(Page.GetByRole(AriaRole.Banner)).ToBeVisibleAsync();
    }

    /// <summary>Saves a screenshot of the page as a test artefact (screenshots/&lt;name&gt;.png, attached to the result).</summary>
    protected async Task ScreenshotAsync(string name)
    {
        var path = Path.Combine(BrowserSetup.ScreenshotFolder, name + ".png");
        await Page.ScreenshotAsync(new() { Path = path, Animations = ScreenshotAnimations.Disabled });
        TestContext.AddTestAttachment(path, name);
    }

    /// <summary>Sends a message over SMTP submission, as a mail client would; returns its subject.</summary>
    protected async Task<string> DeliverAsync(string from, string to, string subject, string text, Action<MimeMessage>? shape = null)
    {
        var message = TestServer.Message(from, to);
        message.Subject = subject;
        message.Body = new TextPart("plain") { Text = text };
        shape?.Invoke(message);
        using var client = await Server.SubmitAsync(from);
        await client.SendAsync(message);
        await client.DisconnectAsync(true);
        return subject;
    }

    /// <summary>The messages of one of an account's special folders (Corbeille, Brouillons…).</summary>
    private protected IReadOnlyList<MessageEntry> InFolder(string login, SpecialUse use)
    {
        var account = Server.Runtime.Directory.Find(login)!;
        var name = DefaultMailboxes.NameOf(use);
        var mailbox = Server.Runtime.Store.GetMailboxes(account.Id).SingleOrDefault(m => m.Name == name);
        return mailbox is null ? [] : Server.Runtime.Store.GetMessages(mailbox.Id);
    }

    /// <summary>A unique subject, so a test finds its own message.</summary>
    protected static string Unique(string text) => $"{text} {Guid.NewGuid().ToString("N")[..6]}";

    /// <summary>An HTTP client signed in through the API (cookie and CSRF header), to check the server's side.</summary>
    protected async Task<HttpClient> ApiAsync(string login)
    {
        var client = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer(), UseCookies = true }, disposeHandler: true)
        {
            BaseAddress = new Uri(BaseUrl),
        };
        using var response = await client.PostAsJsonAsync("/api/session", new { login, password = TestServer.Password });
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        client.DefaultRequestHeaders.Add("X-CSRF-Token", json.RootElement.GetProperty("csrfToken").GetString());
        return client;
    }
}
