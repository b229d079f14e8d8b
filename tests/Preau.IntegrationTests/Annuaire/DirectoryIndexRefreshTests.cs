using System.Net;
using System.Text.Json;
using Preau.Core.Accounts;
using Preau.IntegrationTests.Plugins;

namespace Preau.IntegrationTests.Annuaire;

/// <summary>The plugin's search index follows the graph: a change made in the server (here a
/// suspension) shows in the next search (own server: the test changes the directory).</summary>
public class DirectoryIndexRefreshTests
{
    private static async Task<string[]> SuspendedAsync(HttpClient client)
    {
        using var response = await client.GetAsync("/api/plugins/Preau.Plugins.Directory/search?state=Suspended&limit=200");
        var body = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), body);
        return [.. JsonDocument.Parse(body).RootElement.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("login").GetString()!)];
    }

    [Test]
    public async Task Search_SeesAChangeMadeAfterTheIndexWasBuilt()
    {
        await using var server = await PluginServer.StartAsync(["Preau.Plugins.Directory"]);
        using var principal = await PluginServer.SignInAsync(server, "principal");
        Assert.That(await SuspendedAsync(principal), Does.Not.Contain("prof.anglais"));

        server.Runtime.Directory.SetState("prof.anglais", AccountState.Suspended, "test");

        Assert.That(await SuspendedAsync(principal), Does.Contain("prof.anglais"));
    }
}
