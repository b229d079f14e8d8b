using Microsoft.Playwright;
using Preau.IntegrationTests;

namespace Preau.BrowserTests;

/// <summary>Once per run (a set-up fixture at the root namespace, so for every test): seeds the demo-school template the test servers copy, and launches Debian's
/// Chromium headless through Playwright (its driver ships in the NuGet package; no browser is downloaded).</summary>
[SetUpFixture]
public sealed class BrowserSetup
{
    /// <summary>The system browser the tests drive; <c>PREAU_CHROMIUM</c> points elsewhere if needed.</summary>
    public static string ChromiumPath => Environment.GetEnvironmentVariable("PREAU_CHROMIUM") is { Length: > 0 } path ? path : "/usr/bin/chromium";

    private readonly DemoTemplate _template = new();
    private static IPlaywright? _playwright;
    private static IBrowser? _browser;

    /// <summary>The browser shared by every test (each test opens its own context: cookies and storage apart).</summary>
    public static IBrowser Browser => _browser ?? throw new InvalidOperationException("the browser is not started");

    /// <summary>Where screenshots go: the test output folder's <c>screenshots/</c>.</summary>
    public static string ScreenshotFolder => Path.Combine(TestContext.CurrentContext.WorkDirectory, "screenshots");

    [OneTimeSetUp]
    public async Task Start()
    {
        if (!File.Exists(ChromiumPath))
        {
            Assert.Fail($"Chromium is missing at {ChromiumPath}: install Debian's chromium package (scripts/test.sh does it when run as root).");
        }

        _template.Seed();
        if (Directory.Exists(ScreenshotFolder))
        {
            Directory.Delete(ScreenshotFolder, recursive: true);
        }

        Directory.CreateDirectory(ScreenshotFolder);
        // Auto-waiting bound for every expectation: generous for a loaded two-core machine, never a timing check.
        Assertions.SetDefaultExpectTimeout(20_000);
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
        });
    }

    [OneTimeTearDown]
    public async Task Stop()
    {
        if (_browser is not null)
        {
            await _browser.CloseAsync();
        }

        _playwright?.Dispose();
        _template.Clean();
    }
}
