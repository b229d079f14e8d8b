using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MailKit;
using MailKit.Net.Smtp;
using Preau.Core.Accounts;
using Preau.Core.Storage;
using Preau.IntegrationTests.Infrastructure;
using Preau.IntegrationTests.Plugins;
using static Preau.IntegrationTests.Annuaire.AnnuaireHttp;

namespace Preau.IntegrationTests.Annuaire;

/// <summary>Modifying a card and its outside identifiers over HTTP on the demo school: the card shows
/// it, mail headers and the sending policy follow, bad values are refused, every change is audited.</summary>
public class DirectoryModifyTests : AnnuaireServerTests
{
    [Test]
    public async Task DisplayName_CardShowsIt_MailHeadersCarryIt_AndTheChangeIsAudited()
    {
        using var admin = await PluginServer.SignInAsync(Server, "admin");
        var card = (await ExpectAsync(admin, HttpStatusCode.OK, HttpMethod.Patch, $"people/{Id("prof.maths")}", new { displayName = "M. Thalès (maths)" })).Json;

        Assert.That(card.GetProperty("modifiable").GetProperty("displayName").GetString(), Is.EqualTo("M. Thalès (maths)"));
        Assert.That(card.GetProperty("valeursManuelles").EnumerateArray().Select(v => v.GetString()), Is.EqualTo(new[] { "displayName" }));
        Assert.That(Server.Runtime.Directory.Find("prof.maths")!.DisplayName, Is.EqualTo("M. Thalès (maths)"));

        using var teacher = await PluginServer.SignInAsync(Server, "prof.maths");
        var subject = "Devoir " + Guid.NewGuid().ToString("N")[..8];
        using (var sent = await teacher.PostAsJsonAsync("/api/mail/send", new { to = new[] { "eleve.6a@" + TestServer.Domain }, subject, text = "Pour lundi." }))
        {
            Assert.That(sent.StatusCode, Is.EqualTo(HttpStatusCode.OK), await sent.Content.ReadAsStringAsync());
        }

        using var imap = await Server.ImapAsync("eleve.6a");
        await imap.Inbox.OpenAsync(FolderAccess.ReadOnly);
        var uids = await imap.Inbox.SearchAsync(MailKit.Search.SearchQuery.SubjectContains(subject));
        var message = await imap.Inbox.GetMessageAsync(uids.Single());
        Assert.That(message.From.Mailboxes.Single().Name, Is.EqualTo("M. Thalès (maths)"));

        var entry = Server.Runtime.Audit.Query(new AuditQuery(Actor: "admin", Action: "annuaire.modify")).First();
        Assert.That(entry.Detail, Does.Contain("prof.maths").And.Contain("« M. Thalès (maths) »").And.Contain("extension Preau.Plugins.Directory"));
    }

    [Test]
    public async Task Names_DisplayNameFollows_NullGivesTheOldValuesBack()
    {
        using var admin = await PluginServer.SignInAsync(Server, "admin");
        var id = Id("eleve2.6a");
        var before = Server.Runtime.Directory.Find("eleve2.6a")!;

        var renamed = (await ExpectAsync(admin, HttpStatusCode.OK, HttpMethod.Patch, $"people/{id}", new { firstName = "Zoé" })).Json;
        Assert.That(renamed.GetProperty("person").GetProperty("prenom").GetString(), Is.EqualTo("Zoé"));
        Assert.That(renamed.GetProperty("modifiable").GetProperty("displayName").GetString(), Is.EqualTo($"Zoé {before.LastName}"));
        Assert.That(renamed.GetProperty("valeursManuelles").EnumerateArray().Select(v => v.GetString()), Is.EqualTo(new[] { "firstName" }));

        var back = (await ExpectAsync(admin, HttpStatusCode.OK, HttpMethod.Patch, $"people/{id}", new Dictionary<string, object?> { ["firstName"] = null })).Json;
        Assert.That(back.GetProperty("person").GetProperty("prenom").GetString(), Is.EqualTo(before.FirstName));
        Assert.That(back.GetProperty("modifiable").GetProperty("displayName").GetString(), Is.EqualTo(before.DisplayName));
        Assert.That(back.GetProperty("valeursManuelles").GetArrayLength(), Is.Zero);
        Assert.That(Server.Runtime.Directory.Graph.StructuresOf(id), Is.EquivalentTo(Server.Runtime.Directory.Graph.StructuresOf(before.Id)).And.Contain("6A"), "relations untouched");
    }

    [Test]
    public async Task AnAccountNoFeedManages_IsWritten_WithNothingKeptForImports()
    {
        using var principal = await PluginServer.SignInAsync(Server, "principal.admin");
        var admin = Id("admin");

        var card = (await ExpectAsync(principal, HttpStatusCode.OK, HttpMethod.Patch, $"people/{admin}", new { displayName = "Administration de l'ENT" })).Json;

        Assert.That(card.GetProperty("modifiable").GetProperty("displayName").GetString(), Is.EqualTo("Administration de l'ENT"));
        Assert.That(card.GetProperty("valeursManuelles").GetArrayLength(), Is.Zero, "no feed, nothing to keep over it");
        Assert.That(Server.Runtime.Directory.Find("admin")!.DisplayName, Is.EqualTo("Administration de l'ENT"));
    }

    [Test]
    public async Task BadValues_Are400WithTheReason_OwnFunction409_NothingWritten()
    {
        using var admin = await PluginServer.SignInAsync(Server, "admin");
        var pupil = Id("eleve.5b");
        var before = Server.Runtime.Directory.Find("eleve.5b")!;

        Assert.That((await ExpectAsync(admin, HttpStatusCode.BadRequest, HttpMethod.Patch, $"people/{pupil}", new { login = "pirate" })).Error, Does.Contain("Champ inconnu"));
        Assert.That((await ExpectAsync(admin, HttpStatusCode.BadRequest, HttpMethod.Patch, $"people/{pupil}", new { lastName = "" })).Error, Does.Contain("de 1 à 100"));
        Assert.That((await ExpectAsync(admin, HttpStatusCode.BadRequest, HttpMethod.Patch, $"people/{pupil}", new { displayName = new string('x', 101) })).Error, Does.Contain("100"));
        Assert.That((await ExpectAsync(admin, HttpStatusCode.BadRequest, HttpMethod.Patch, $"people/{pupil}", new { function = "Cpe" })).Error, Does.Contain("personnels"));
        Assert.That((await ExpectAsync(admin, HttpStatusCode.BadRequest, HttpMethod.Patch, $"people/{pupil}", new { firstName = 12 })).Error, Does.Contain("texte"));
        Assert.That((await ExpectAsync(admin, HttpStatusCode.Conflict, HttpMethod.Patch, $"people/{Id("admin")}", new { function = "Direction" })).Error, Does.Contain("propre fonction"));
        using (var invalid = new StringContent("{ pas du json", System.Text.Encoding.UTF8, "application/json"))
        using (var response = await admin.PatchAsync($"{Api}/people/{pupil}", invalid))
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        }

        var after = Server.Runtime.Directory.Find("eleve.5b")!;
        Assert.That((after.FirstName, after.LastName, after.DisplayName), Is.EqualTo((before.FirstName, before.LastName, before.DisplayName)));
    }

    [Test]
    public async Task Function_TheSendingPolicyFollows()
    {
        var agent = Server.Runtime.Directory.Graph.Data.Accounts.First(a => a.Profile == Profile.Personnel && a.Function == StaffFunction.Agent && a.CanReceive);
        using var smtp = await Server.SubmitAsync("eleve.6a");
        var refused = await Assert.ThrowsAsync<SmtpCommandException>(() => smtp.SendAsync(TestServer.Message("eleve.6a", agent.Login)));
        Assert.That(refused!.StatusCode, Is.EqualTo(SmtpStatusCode.MailboxUnavailable), "pupils do not write to the agents");

        using var admin = await PluginServer.SignInAsync(Server, "admin");
        var card = (await ExpectAsync(admin, HttpStatusCode.OK, HttpMethod.Patch, $"people/{agent.Id}", new { function = "Secretariat" })).Json;
        Assert.That(card.GetProperty("modifiable").GetProperty("function").GetString(), Is.EqualTo("Secretariat"));

        using var again = await Server.SubmitAsync("eleve.6a");
        var message = TestServer.Message("eleve.6a", agent.Login);
        await again.SendAsync(message);
        Assert.That(Server.HasMessage(agent.Login, message.Subject), Is.True, "pupils write to the secretariat");
    }

    [Test]
    public async Task ExternalIdentifiers_RoundTrip_AreValidated_AndBelongToOneAccount()
    {
        using var admin = await PluginServer.SignInAsync(Server, "admin");
        var catalogue = (await ExpectAsync(admin, HttpStatusCode.OK, HttpMethod.Get, "external-services")).Json;
        Assert.That(catalogue.EnumerateArray().Select(s => (s.GetProperty("key").GetString(), s.GetProperty("label").GetString())), Is.EqualTo(new[]
        {
            ("pronote", "Identifiant PRONOTE"), ("educonnect", "Identifiant ÉduConnect"), ("gar", "Identifiant GAR (ressources numériques)"),
        }));
        var id = Id("prof.anglais");

        var set = (await ExpectAsync(admin, HttpStatusCode.OK, HttpMethod.Put, $"people/{id}/external", new { values = new { pronote = " SMITHJ ", educonnect = "j.smith7" } })).Json;
        Assert.That(Externe(set), Is.EqualTo(new Dictionary<string, string?> { ["pronote"] = "SMITHJ", ["educonnect"] = "j.smith7", ["gar"] = null }));
        var removed = (await ExpectAsync(admin, HttpStatusCode.OK, HttpMethod.Put, $"people/{id}/external", new Dictionary<string, object> { ["values"] = new Dictionary<string, string?> { ["pronote"] = null } })).Json;
        Assert.That(Externe(removed), Is.EqualTo(new Dictionary<string, string?> { ["pronote"] = null, ["educonnect"] = "j.smith7", ["gar"] = null }));
        Assert.That(Externe(await CardAsync(admin, id))["educonnect"], Is.EqualTo("j.smith7"));

        Assert.That((await ExpectAsync(admin, HttpStatusCode.BadRequest, HttpMethod.Put, $"people/{id}/external", new { values = new { ent77 = "x" } })).Error, Does.Contain("Service inconnu « ent77 »"));
        Assert.That((await ExpectAsync(admin, HttpStatusCode.BadRequest, HttpMethod.Put, $"people/{id}/external", new { values = new { gar = new string('a', 129) } })).Error, Does.Contain("au plus 128"));
        Assert.That((await ExpectAsync(admin, HttpStatusCode.BadRequest, HttpMethod.Put, $"people/{id}/external", new { values = new { educonnect = "j smith" } })).Error, Does.Contain("ÉduConnect"));
        Assert.That((await ExpectAsync(admin, HttpStatusCode.BadRequest, HttpMethod.Put, $"people/{id}/external", new { pronote = "x" })).Error, Does.Contain("values"));
        var taken = await ExpectAsync(admin, HttpStatusCode.Conflict, HttpMethod.Put, $"people/{Id("prof.maths")}/external", new { values = new { educonnect = "J.SMITH7" } });
        Assert.That(taken.Error, Does.Contain("déjà attribué"));
        Assert.That(Externe(await CardAsync(admin, Id("prof.maths")))["educonnect"], Is.Null);
        Assert.That(Server.Runtime.Audit.Query(new AuditQuery(Actor: "admin", Action: "annuaire.external")).Count, Is.EqualTo(2));
    }

    private static Dictionary<string, string?> Externe(JsonElement card) =>
        card.GetProperty("externe").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString());
}
