using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Preau.IntegrationTests.Infrastructure;
using Preau.IntegrationTests.Plugins;

namespace Preau.IntegrationTests.Annuaire;

/// <summary>The directory plugin's webmail module « Annuaire » as the plugin host serves it: listed for
/// every profile holding <c>annuaire.search</c>, every file its entry imports present with its type,
/// and an English dictionary with every French key.</summary>
public partial class DirectoryModuleFilesTests
{
    private const string Plugin = "Preau.Plugins.Directory";

    private TestServer _server = null!;

    [OneTimeSetUp]
    public async Task StartAsync() => _server = await PluginServer.StartAsync([Plugin]);

    [OneTimeTearDown]
    public async Task StopAsync() => await _server.DisposeAsync();

    [TestCase("admin")]
    [TestCase("eleve.6a")]
    [TestCase("parent.5b")]
    public async Task Module_IsListedForEveryProfileThatMaySearch(string login)
    {
        using var client = await PluginServer.SignInAsync(_server, login);
        using var modules = JsonDocument.Parse(await client.GetStringAsync("/api/ui/modules"));
        var module = modules.RootElement.EnumerateArray().Single(m => m.GetProperty("id").GetString() == Plugin);
        Assert.That(module.GetProperty("label").GetString(), Is.EqualTo("Annuaire"));
        Assert.That(module.GetProperty("entry").GetString(), Is.EqualTo($"/plugins/{Plugin}/ui/index.js"));
    }

    [Test]
    public async Task EveryFileTheEntryImports_IsServedWithItsType()
    {
        using var http = PluginServer.Anonymous(_server);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Queue<string>([$"/plugins/{Plugin}/ui/index.js", $"/plugins/{Plugin}/ui/annuaire.css"]);
        while (pending.TryDequeue(out var path))
        {
            if (!seen.Add(path))
            {
                continue;
            }

            using var response = await http.GetAsync(path);
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), path);
            var script = path.EndsWith(".js", StringComparison.Ordinal);
            Assert.That(response.Content.Headers.ContentType!.MediaType, Is.EqualTo(script ? "text/javascript" : "text/css"), path);
            Assert.That(response.Headers.GetValues("X-Content-Type-Options").Single(), Is.EqualTo("nosniff"));
            var text = await response.Content.ReadAsStringAsync();
            Assert.That(MarkupSink().IsMatch(text), Is.False, $"{path} builds the DOM without markup strings");
            if (!script)
            {
                Assert.That(text.All(char.IsAscii), Is.True, $"{path} is served without a charset: ASCII only");
                continue;
            }

            var directory = path[..(path.LastIndexOf('/') + 1)];
            foreach (Match m in ModuleImport().Matches(text))
            {
                pending.Enqueue(new Uri(new Uri("http://x" + directory), m.Groups["path"].Value).AbsolutePath);
            }
        }

        Assert.That(seen, Has.Member($"/plugins/{Plugin}/ui/views/import.js").And.Member($"/plugins/{Plugin}/ui/views/card.js").And.Member($"/plugins/{Plugin}/ui/i18n/en.js"));
    }

    [Test]
    public async Task EnglishDictionary_HasEveryFrenchKey()
    {
        using var http = PluginServer.Anonymous(_server);
        var fr = Keys(await http.GetStringAsync($"/plugins/{Plugin}/ui/i18n/fr.js"));
        var en = Keys(await http.GetStringAsync($"/plugins/{Plugin}/ui/i18n/en.js"));
        Assert.That(fr, Has.Count.GreaterThan(100));
        Assert.That(en, Is.EquivalentTo(fr));
    }

    private static HashSet<string> Keys(string dictionary) =>
        DictionaryKey().Matches(dictionary).Select(m => m.Groups["key"].Value).ToHashSet(StringComparer.Ordinal);

    [GeneratedRegex("(?:from\\s+|import\\()'(?<path>\\.{1,2}/[^']+\\.js)'")]
    private static partial Regex ModuleImport();

    [GeneratedRegex(@"\.(?:inner|outer)HTML\s*=|insertAdjacentHTML|document\.write")]
    private static partial Regex MarkupSink();

    [GeneratedRegex("^\\s*'(?<key>[a-zA-Z0-9_.]+)':", RegexOptions.Multiline)]
    private static partial Regex DictionaryKey();
}
