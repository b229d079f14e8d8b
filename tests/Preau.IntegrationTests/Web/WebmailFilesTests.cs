using System.Net;
using System.Text.RegularExpressions;
using Preau.IntegrationTests.Infrastructure;

namespace Preau.IntegrationTests.Web;

/// <summary>The webmail's static files as the real HTTP listener serves them: the page and its client
/// routes, content types, caching, the security headers, and that every module the page imports exists.</summary>
public partial class WebmailFilesTests : SharedServerFixture
{
    private const string Csp = "default-src 'self'; img-src 'self' data:; style-src 'self'; frame-ancestors 'none'";

    private HttpClient Http() => new() { BaseAddress = new Uri($"http://127.0.0.1:{Server.WebPort}/") };

    [TestCase("")]
    [TestCase("mail/1/1-2")]
    [TestCase("compose?reply=1-2")]
    [TestCase("admin/policy")]
    [TestCase("modules/Preau.Plugins.Directory?fiche=acc-1")]
    public async Task Page_AndClientRoutes_ServeIndexHtml_WithTheSecurityHeaders(string path)
    {
        using var http = Http();
        using var response = await http.GetAsync(path);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(response.Content.Headers.ContentType!.MediaType, Is.EqualTo("text/html"));
        Assert.That(await response.Content.ReadAsStringAsync(), Does.Contain("<script type=\"module\" src=\"/js/main.js\"></script>"));
        Assert.That(response.Headers.GetValues("Content-Security-Policy").Single(), Is.EqualTo(Csp));
        Assert.That(response.Headers.GetValues("X-Content-Type-Options").Single(), Is.EqualTo("nosniff"));
        Assert.That(response.Headers.GetValues("Referrer-Policy").Single(), Is.EqualTo("no-referrer"));
        Assert.That(response.Headers.CacheControl!.NoCache, Is.True, "the page is revalidated, so an upgrade is seen at once");
    }

    [TestCase("js/main.js", "text/javascript")]
    [TestCase("js/i18n/fr.js", "text/javascript")]
    [TestCase("css/tokens.css", "text/css")]
    [TestCase("assets/preau.svg", "image/svg+xml")]
    public async Task Files_HaveTheirContentType(string path, string type)
    {
        using var http = Http();
        using var response = await http.GetAsync(path);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(response.Content.Headers.ContentType!.MediaType, Is.EqualTo(type));
        Assert.That(response.Headers.GetValues("X-Content-Type-Options").Single(), Is.EqualTo("nosniff"));
    }

    [Test]
    public async Task Modules_AreRevalidated_AndAssetsCached()
    {
        using var http = Http();
        using var module = await http.GetAsync("js/main.js");
        Assert.That(module.Headers.CacheControl!.NoCache, Is.True);
        using var again = new HttpRequestMessage(HttpMethod.Get, "js/main.js");
        again.Headers.IfNoneMatch.Add(module.Headers.ETag!);
        using var notModified = await http.SendAsync(again);
        Assert.That(notModified.StatusCode, Is.EqualTo(HttpStatusCode.NotModified));

        using var asset = await http.GetAsync("assets/preau.svg");
        Assert.That(asset.Headers.CacheControl!.MaxAge, Is.GreaterThanOrEqualTo(TimeSpan.FromDays(1)));
    }

    [Test]
    public async Task UnknownApiPath_IsAJson404_NotThePage()
    {
        using var http = Http();
        using var response = await http.GetAsync("api/no-such-thing");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(response.Content.Headers.ContentType!.MediaType, Is.EqualTo("application/json"));
        Assert.That(await response.Content.ReadAsStringAsync(), Does.Contain("\"error\""));
    }

    [TestCase("GET", "js/no-such-module.js")]
    [TestCase("GET", "favicon.ico")]
    [TestCase("POST", "mail/1")]
    public async Task MissingFiles_AndNonGetRequests_AreNotAnsweredWithThePage(string method, string path)
    {
        using var http = Http();
        using var response = await http.SendAsync(new HttpRequestMessage(new HttpMethod(method), path));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(await response.Content.ReadAsStringAsync(), Does.Not.Contain("<script"));
    }

    [Test]
    public async Task EveryModuleAndStyleSheetThePageLoads_Exists()
    {
        using var http = Http();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Queue<string>();
        var index = await http.GetStringAsync("");
        foreach (Match m in HtmlReference().Matches(index))
        {
            pending.Enqueue(m.Groups["path"].Value);
        }

        while (pending.TryDequeue(out var path))
        {
            if (!seen.Add(path))
            {
                continue;
            }

            using var response = await http.GetAsync(path.TrimStart('/'));
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), path);
            if (!path.EndsWith(".js", StringComparison.Ordinal))
            {
                continue;
            }

            var directory = path[..(path.LastIndexOf('/') + 1)];
            foreach (Match m in ModuleImport().Matches(await response.Content.ReadAsStringAsync()))
            {
                pending.Enqueue(new Uri(new Uri("http://x" + directory), m.Groups["path"].Value).AbsolutePath);
            }
        }

        Assert.That(seen, Has.Member("/js/pages/mail.js").And.Member("/js/pages/admin/plugins.js").And.Member("/css/pages.css"));
    }

    [Test]
    public async Task EnglishDictionary_HasEveryFrenchKey()
    {
        using var http = Http();
        var fr = Keys(await http.GetStringAsync("js/i18n/fr.js"));
        var en = Keys(await http.GetStringAsync("js/i18n/en.js"));
        Assert.That(fr, Has.Count.GreaterThan(300));
        Assert.That(en, Is.EquivalentTo(fr));
    }

    private static HashSet<string> Keys(string dictionary) =>
        DictionaryKey().Matches(dictionary).Select(m => m.Groups["key"].Value).ToHashSet(StringComparer.Ordinal);

    [GeneratedRegex("(?:href|src)=\"(?<path>/(?:js|css)/[^\"]+)\"")]
    private static partial Regex HtmlReference();

    [GeneratedRegex("(?:from\\s+|import\\()'(?<path>\\.{1,2}/[^']+\\.js)'")]
    private static partial Regex ModuleImport();

    [GeneratedRegex("^\\s*'(?<key>[a-zA-Z0-9_.]+)':", RegexOptions.Multiline)]
    private static partial Regex DictionaryKey();
}
