using System.Net;
using System.Text.Json;
using Preau.Core.Accounts;
using Preau.IntegrationTests.Infrastructure;
using Preau.IntegrationTests.Plugins;

namespace Preau.IntegrationTests.Annuaire;

/// <summary>The users' directory of the plugin on the demo school, over HTTP: search by subject
/// against the graph, and what each profile may find and see on a card.</summary>
public class DirectorySearchTests
{
    private const string Api = "/api/plugins/Preau.Plugins.Directory";

    private const string Anglais = "030201";

    private const string Maths = "061300";

    private TestServer _server = null!;

    [OneTimeSetUp]
    public async Task StartAsync() => _server = await PluginServer.StartAsync(["Preau.Plugins.Directory"]);

    [OneTimeTearDown]
    public async Task StopAsync() => await _server.DisposeAsync();

    private string IdOf(string login) => _server.Runtime.Directory.Graph.FindByLogin(login)!.Id;

    private static async Task<JsonElement> JsonAsync(HttpClient client, string url)
    {
        using var response = await client.GetAsync(url);
        var body = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), body);
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    private static async Task<HashSet<string>> LoginsAsync(HttpClient client, string query)
    {
        var json = await JsonAsync(client, $"{Api}/search?limit=200&{query}");
        var logins = json.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("login").GetString()!).ToHashSet();
        Assert.That(json.GetProperty("total").GetInt32(), Is.EqualTo(logins.Count), "the test pages fit in one page");
        return logins;
    }

    [TestCase("030201")]
    [TestCase("anglais lv1")]
    public async Task SearchBySubject_ReturnsExactlyTheTeachersOfThatSubject(string subject)
    {
        var graph = _server.Runtime.Directory.Graph;
        var expected = graph.Data.Teachings.Where(t => t.SubjectCode == Anglais)
            .Select(t => graph.FindById(t.TeacherId)!.Login).ToHashSet();
        Assert.That(expected, Does.Contain("prof.anglais"));

        using var principal = await PluginServer.SignInAsync(_server, "principal");
        var found = await LoginsAsync(principal, "subject=" + Uri.EscapeDataString(subject));

        Assert.That(found, Is.EquivalentTo(expected));
    }

    [Test]
    public async Task SearchBySubjectWord_ReturnsTheTeachersOfEverySubjectNamedSo()
    {
        var graph = _server.Runtime.Directory.Graph;
        var subjects = graph.Data.Subjects.Where(s => s.Name.Split(' ').Any(w => w.StartsWith("ANGL", StringComparison.OrdinalIgnoreCase))).Select(s => s.Code).ToHashSet();
        var expected = graph.Data.Teachings.Where(t => subjects.Contains(t.SubjectCode)).Select(t => graph.FindById(t.TeacherId)!.Login).ToHashSet();
        Assert.That(subjects, Does.Contain(Anglais));

        using var principal = await PluginServer.SignInAsync(_server, "principal");
        Assert.That(await LoginsAsync(principal, "subject=angl"), Is.EquivalentTo(expected));
        Assert.That(await LoginsAsync(principal, "subject=latin%20grec%20ancien%20inconnu"), Is.Empty, "every word must match");
    }

    [Test]
    public async Task Catalogue_ListsClassesGroupsLevelsSubjects_ForAnySignedInProfile()
    {
        using var pupil = await PluginServer.SignInAsync(_server, "eleve.6a");
        var catalogue = await JsonAsync(pupil, $"{Api}/catalogue");
        var graph = _server.Runtime.Directory.Graph;
        Assert.That(catalogue.GetProperty("classes").EnumerateArray().Select(c => c.GetProperty("code").GetString()), Does.Contain("6A").And.Not.Contain("5-ESP-1"));
        Assert.That(catalogue.GetProperty("groupes").EnumerateArray().Select(c => c.GetProperty("code").GetString()), Does.Contain("5-ESP-1"));
        Assert.That(catalogue.GetProperty("niveaux").EnumerateArray().Select(c => c.GetProperty("code").GetString()), Is.EqualTo(graph.Data.Levels.OrderBy(l => l.Order).Select(l => l.Code)));
        Assert.That(catalogue.GetProperty("matieres").EnumerateArray().Select(c => c.GetProperty("nom").GetString()), Does.Contain("ANGLAIS LV1"));

        using var anonymous = PluginServer.Anonymous(_server);
        using var refused = await anonymous.GetAsync($"{Api}/catalogue");
        Assert.That(refused.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
    }

    [Test]
    public async Task Search_ResultLineHasNamesProfileStateEstablishment_AndRefusesBadCriteria()
    {
        using var principal = await PluginServer.SignInAsync(_server, "principal");
        var json = await JsonAsync(principal, $"{Api}/search?q=prof%20maths&profile=enseignant");
        var item = json.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("login").GetString() == "prof.maths");
        Assert.That(item.GetProperty("profil").GetString(), Is.EqualTo("Enseignant"));
        Assert.That(item.GetProperty("etat").GetString(), Is.Not.Empty);
        Assert.That(item.GetProperty("etablissement").GetString(), Is.Not.Empty);
        Assert.That(item.GetProperty("address").GetString(), Does.StartWith("prof.maths" + "@"));

        using var bad = await principal.GetAsync($"{Api}/search?profile=Pirate");
        Assert.That(bad.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(await bad.Content.ReadAsStringAsync(), Does.Contain("profile"));
        using var badLimit = await principal.GetAsync($"{Api}/search?limit=100000");
        Assert.That(badLimit.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
    }

    [Test]
    public async Task Pupil_SeesClassmatesTeachersAndOwnParent_NeverAnotherPupilsParent()
    {
        using var pupil = await PluginServer.SignInAsync(_server, "eleve.6a");

        var parents = await LoginsAsync(pupil, "profile=Responsable");
        Assert.That(parents, Is.EquivalentTo(new[] { "parent.6a" }));
        var pupils = await LoginsAsync(pupil, "profile=Eleve&class=6A");
        Assert.That(pupils, Does.Contain("eleve2.6a"));
        Assert.That(await LoginsAsync(pupil, "q=" + "eleve.5b"), Is.Empty);
        Assert.That(await LoginsAsync(pupil, "q=" + "prof.maths"), Does.Contain("prof.maths"));

        using var otherParent = await pupil.GetAsync($"{Api}/people/{IdOf("parent.5b")}");
        Assert.That(otherParent.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        using var unknown = await pupil.GetAsync($"{Api}/people/no-such-id");
        Assert.That(unknown.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(await unknown.Content.ReadAsStringAsync(), Is.EqualTo(await otherParent.Content.ReadAsStringAsync()), "a hidden person looks like nobody");

        var classmate = await JsonAsync(pupil, $"{Api}/people/{IdOf("eleve2.6a")}");
        Assert.That(classmate.GetProperty("responsables").ValueKind, Is.EqualTo(JsonValueKind.Null), "a pupil never sees another pupil's parents");
    }

    [Test]
    public async Task Parent_SeesChildAndChildsTeachers_NotOtherPupilsNorOtherParents()
    {
        var graph = _server.Runtime.Directory.Graph;
        var child = IdOf("eleve.6a");
        var structures = graph.StructuresOf(child);
        var teachers = graph.Data.Teachings.Where(t => structures.Contains(t.StructureCode)).Select(t => graph.FindById(t.TeacherId)!.Login).ToHashSet();
        var stranger = graph.Data.Accounts.First(a => a.Profile == Profile.Enseignant && !teachers.Contains(a.Login));

        using var parent = await PluginServer.SignInAsync(_server, "parent.6a");
        var found = await LoginsAsync(parent, "profile=Enseignant");
        Assert.That(found, Is.EquivalentTo(teachers));
        Assert.That(await LoginsAsync(parent, "profile=Eleve"), Is.EquivalentTo(new[] { "eleve.6a" }));
        Assert.That(await LoginsAsync(parent, "profile=Responsable"), Is.EquivalentTo(new[] { "parent.6a" }));

        var card = await JsonAsync(parent, $"{Api}/people/{IdOf("prof.maths")}");
        Assert.That(card.GetProperty("matieres").EnumerateArray().Select(m => m.GetProperty("code").GetString()), Does.Contain(Maths));
        var childCard = await JsonAsync(parent, $"{Api}/people/{child}");
        Assert.That(childCard.GetProperty("responsables").EnumerateArray().Select(r => r.GetProperty("person").GetProperty("login").GetString()), Does.Contain("parent.6a"));
        using var hidden = await parent.GetAsync($"{Api}/people/{stranger.Id}");
        Assert.That(hidden.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        using var classmate = await parent.GetAsync($"{Api}/people/{IdOf("eleve2.6a")}");
        Assert.That(classmate.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }
}
