using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Preau.IntegrationTests.Plugins;

namespace Preau.IntegrationTests.Annuaire;

/// <summary>The right « fiche-eleve.read » decides whether a teacher's view of a pupil's card shows
/// the parents (own server: the test changes the rights).</summary>
public class DirectoryFicheEleveTests
{
    private const string Api = "/api/plugins/Preau.Plugins.Directory";

    private static async Task<JsonElement> CardAsync(HttpClient client, string id)
    {
        using var response = await client.GetAsync($"{Api}/people/{id}");
        var body = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), body);
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    private static async Task GrantAsync(HttpClient admin, bool granted)
    {
        using var response = await admin.PutAsJsonAsync("/api/admin/grants/fiche-eleve.read/profile:Enseignant", new { granted });
        Assert.That(response.IsSuccessStatusCode, Is.True, await response.Content.ReadAsStringAsync());
    }

    [Test]
    public async Task Teacher_SeesPupilsParentsOnlyWithFicheEleve()
    {
        await using var server = await PluginServer.StartAsync(["Preau.Plugins.Directory"]);
        var pupil = server.Runtime.Directory.Graph.FindByLogin("eleve.6a")!.Id;
        using var admin = await PluginServer.SignInAsync(server, "admin");
        using var teacher = await PluginServer.SignInAsync(server, "prof.maths");

        await GrantAsync(admin, false);
        var without = await CardAsync(teacher, pupil);
        Assert.That(without.GetProperty("responsables").ValueKind, Is.EqualTo(JsonValueKind.Null));
        Assert.That(without.GetProperty("classes").EnumerateArray().Select(c => c.GetProperty("code").GetString()), Does.Contain("6A"));

        await GrantAsync(admin, true);
        var with = await CardAsync(teacher, pupil);
        Assert.That(with.GetProperty("responsables").EnumerateArray().Select(r => r.GetProperty("person").GetProperty("login").GetString()),
            Is.EquivalentTo(new[] { "parent.6a" }));
    }
}
