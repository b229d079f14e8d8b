using System.Net;
using System.Text.Json;
using Preau.Core.Accounts;
using Preau.Core.Rights;
using Preau.IntegrationTests.Infrastructure;
using Preau.IntegrationTests.Plugins;
using static Preau.IntegrationTests.Annuaire.AnnuaireHttp;

namespace Preau.IntegrationTests.Annuaire;

/// <summary>Who may do what on a card, over HTTP on the demo school: each action needs its right (403
/// naming it), a hidden person is 404 for every action, the card lists what the caller may do, a
/// pupil has no administrative action, an administrator's account needs administration.accounts too.</summary>
public class DirectoryActionRightsTests : AnnuaireServerTests
{
    private static (HttpMethod Method, string Path, object? Body, string Right)[] WriteActions(string id) =>
    [
        (HttpMethod.Patch, $"people/{id}", new { displayName = "Nom changé" }, "annuaire.modify"),
        (HttpMethod.Get, "external-services", null, "annuaire.modify"),
        (HttpMethod.Put, $"people/{id}/external", new { values = new { pronote = "X" } }, "annuaire.modify"),
        (HttpMethod.Post, $"people/{id}/suspend", null, "annuaire.suspend"),
        (HttpMethod.Post, $"people/{id}/reactivate", null, "annuaire.suspend"),
    ];

    [Test]
    public async Task Teacher_WithoutTheRights_Gets403NamingEachRight_AndNothingChanges()
    {
        using var teacher = await PluginServer.SignInAsync(Server, "prof.maths");
        var pupil = Id("eleve2.6a");
        var before = Server.Runtime.Directory.Find("eleve2.6a")!;
        Assert.That(Actions(await CardAsync(teacher, pupil)), Is.EqualTo(new[] { "rubriques" }), "teachers may see rubriques, nothing more");

        foreach (var (method, path, body, right) in WriteActions(pupil))
        {
            var reply = await ExpectAsync(teacher, HttpStatusCode.Forbidden, method, path, body);
            Assert.That(reply.Right, Is.EqualTo(right), path);
            Assert.That(reply.Error, Does.Contain(right).And.Contain("prof.maths"), path);
        }

        using var parent = await PluginServer.SignInAsync(Server, "parent.5b");
        var rubriques = await ExpectAsync(parent, HttpStatusCode.Forbidden, HttpMethod.Get, $"people/{Id("prof.anglais")}/rubriques");
        Assert.That(rubriques.Right, Is.EqualTo("annuaire.rubriques"));

        var account = Server.Runtime.Directory.Find("eleve2.6a")!;
        Assert.That((account.State, account.DisplayName), Is.EqualTo((before.State, before.DisplayName)));
    }

    [Test]
    public async Task Pupil_CannotUseAnyAdministrativeAction_OnAClassmateNorOnThemselves()
    {
        using var pupil = await PluginServer.SignInAsync(Server, "eleve.6a");
        var classmate = Id("eleve2.6a");
        var self = Id("eleve.6a");

        foreach (var target in new[] { classmate, self })
        {
            foreach (var (method, path, body, right) in WriteActions(target))
            {
                var reply = await ExpectAsync(pupil, HttpStatusCode.Forbidden, method, path, body);
                Assert.That(reply.Right, Is.EqualTo(right), path);
            }
        }

        Assert.That((await ExpectAsync(pupil, HttpStatusCode.Forbidden, HttpMethod.Get, $"people/{classmate}/rubriques")).Right, Is.EqualTo("annuaire.rubriques"));
        Assert.That(Actions(await CardAsync(pupil, classmate)), Is.Empty);
        var own = await CardAsync(pupil, self);
        Assert.That(Actions(own), Is.EqualTo(new[] { "rubriques" }), "everyone sees their own rubriques");
        Assert.That(own.GetProperty("modifiable").ValueKind, Is.EqualTo(JsonValueKind.Null));
        Assert.That(own.GetProperty("externe").ValueKind, Is.EqualTo(JsonValueKind.Null));
        var mine = await ExpectAsync(pupil, HttpStatusCode.OK, HttpMethod.Get, $"people/{self}/rubriques");
        Assert.That(mine.Json.ValueKind, Is.EqualTo(JsonValueKind.Array));
    }

    [Test]
    public async Task HiddenOrUnknownPerson_Is404ForEveryAction_EvenWithEveryRight()
    {
        var rights = Server.Runtime.Rights;
        foreach (var right in new[] { "annuaire.modify", "annuaire.suspend", "annuaire.rubriques" })
        {
            rights.SetGrant(right, Grantee.ForAccount("parent.6a"), true, "test");
        }

        using var parent = await PluginServer.SignInAsync(Server, "parent.6a");
        foreach (var hidden in new[] { Id("parent.5b"), Id("eleve.5b"), "no-such-id" })
        {
            foreach (var (method, path, body, _) in WriteActions(hidden).Where(a => a.Path != "external-services"))
            {
                var reply = await ExpectAsync(parent, HttpStatusCode.NotFound, method, path, body);
                Assert.That(reply.Error, Is.EqualTo("Personne introuvable."), path);
            }

            await ExpectAsync(parent, HttpStatusCode.NotFound, HttpMethod.Get, $"people/{hidden}/rubriques");
        }

        Assert.That(Server.Runtime.Directory.Find("parent.5b")!.State, Is.EqualTo(AccountState.Active));
        var child = await CardAsync(parent, Id("eleve.6a"));
        Assert.That(Actions(child), Is.EqualTo(new[] { "modify", "external", "suspend", "rubriques" }), "the rights work on whom the parent sees");
    }

    [Test]
    public async Task Administrator_CardListsEveryAction_ButNoSuspensionOfThemselves()
    {
        using var admin = await PluginServer.SignInAsync(Server, "admin");

        var teacher = await CardAsync(admin, Id("prof.anglais"));
        Assert.That(Actions(teacher), Is.EqualTo(new[] { "modify", "external", "suspend", "rubriques" }));
        var modifiable = teacher.GetProperty("modifiable");
        Assert.That(modifiable.GetProperty("displayName").GetString(), Is.EqualTo(Server.Runtime.Directory.Find("prof.anglais")!.DisplayName));
        Assert.That(modifiable.GetProperty("function").GetString(), Is.EqualTo("None"));
        Assert.That(teacher.GetProperty("externe").EnumerateObject().Select(p => (p.Name, p.Value.ValueKind)),
            Is.EqualTo(new[] { ("pronote", JsonValueKind.Null), ("educonnect", JsonValueKind.Null), ("gar", JsonValueKind.Null) }));
        Assert.That(teacher.GetProperty("valeursManuelles").GetArrayLength(), Is.Zero);

        var own = await CardAsync(admin, Id("admin"));
        Assert.That(Actions(own), Is.EqualTo(new[] { "modify", "external", "rubriques" }));
        Assert.That((await ExpectAsync(admin, HttpStatusCode.Conflict, HttpMethod.Post, $"people/{Id("admin")}/suspend")).Error, Does.Contain("propre compte"));
        Assert.That((await ExpectAsync(admin, HttpStatusCode.Conflict, HttpMethod.Post, $"people/{Id("prof.anglais")}/reactivate")).Error, Does.Contain("déjà actif"));
    }

    [Test]
    public async Task AnAdministratorsAccount_NeedsAdministrationAccountsBesidesTheAnnuairesRight()
    {
        var rights = Server.Runtime.Rights;
        rights.SetGrant("annuaire.modify", Grantee.ForAccount("cpe"), true, "test");
        rights.SetGrant("annuaire.suspend", Grantee.ForAccount("cpe"), true, "test");
        Assert.That(rights.Check(Server.Runtime.Directory.Find("cpe")!, CoreRights.AdminAccounts).Allowed, Is.False);
        using var cpe = await PluginServer.SignInAsync(Server, "cpe");
        var admin = Id("principal.admin");

        Assert.That(Actions(await CardAsync(cpe, admin)), Does.Not.Contain("modify").And.Not.Contain("suspend"));
        var refused = await ExpectAsync(cpe, HttpStatusCode.Forbidden, HttpMethod.Post, $"people/{admin}/suspend");
        Assert.That(refused.Right, Is.EqualTo(CoreRights.AdminAccounts));
        await ExpectAsync(cpe, HttpStatusCode.Forbidden, HttpMethod.Patch, $"people/{admin}", new { displayName = "Pris" });
        Assert.That(Server.Runtime.Directory.Find("principal.admin")!.State, Is.EqualTo(AccountState.Active));

        var teacher = await CardAsync(cpe, Id("prof.anglais"));
        Assert.That(Actions(teacher), Does.Contain("modify").And.Contain("suspend"), "the same rights reach other accounts");
    }
}
