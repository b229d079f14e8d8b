using System.Net;
using MailKit.Security;
using Preau.IntegrationTests.Infrastructure;

namespace Preau.IntegrationTests.Web;

/// <summary><c>/api/admin/accounts</c>: search, create, suspend, reactivate, reset a password; refused to
/// those without administration.accounts.</summary>
public class AdminAccountTests : SharedServerFixture
{
    [Test]
    public async Task Search_ByTextProfileAndClass_Paged()
    {
        using var admin = await WebApiSession.SignInAsync(Server, "admin");
        var byText = await admin.GetJsonAsync("api/admin/accounts?q=eleve.6a");
        var logins = byText.GetProperty("items").EnumerateArray().Select(a => a.GetProperty("login").GetString()).ToArray();
        Assert.That(logins, Does.Contain("eleve.6a"));
        var row = byText.GetProperty("items").EnumerateArray().Single(a => a.GetProperty("login").GetString() == "eleve.6a");
        Assert.That(row.GetProperty("profile").GetString(), Is.EqualTo("Eleve"));
        Assert.That(row.GetProperty("state").GetString(), Is.EqualTo("Active"));
        Assert.That(row.GetProperty("classes").EnumerateArray().Select(c => c.GetString()), Does.Contain("6A"));

        var teachers = await admin.GetJsonAsync("api/admin/accounts?profile=enseignant&limit=5&offset=5");
        Assert.That(teachers.GetProperty("total").GetInt32(), Is.GreaterThan(10));
        Assert.That(teachers.GetProperty("items").GetArrayLength(), Is.EqualTo(5));
        Assert.That(teachers.GetProperty("offset").GetInt32(), Is.EqualTo(5));
        Assert.That(teachers.GetProperty("items").EnumerateArray().All(a => a.GetProperty("profile").GetString() == "Enseignant"), Is.True);

        var sixA = await admin.GetJsonAsync("api/admin/accounts?class=6A&profile=Eleve&limit=500");
        var pupils = sixA.GetProperty("items").EnumerateArray().Select(a => a.GetProperty("login").GetString()).ToArray();
        Assert.That(pupils, Does.Contain("eleve.6a").And.Contain("eleve2.6a").And.Not.Contain("eleve.5b"));
        Assert.That(sixA.GetProperty("total").GetInt32(), Is.EqualTo(pupils.Length));

        var unknown = await admin.SendJsonAsync(HttpMethod.Get, "api/admin/accounts?state=Bizarre", null, HttpStatusCode.BadRequest);
        Assert.That(unknown.GetProperty("error").GetString(), Does.Contain("Bizarre"));
    }

    [Test]
    public async Task Create_GeneratesPrenomNomThenNumbered_InitialPasswordWorksForImap()
    {
        using var admin = await WebApiSession.SignInAsync(Server, "admin");
        var body = new { firstName = "Hélène", lastName = "Le Bœuf", profile = "Enseignant" };
        var first = await admin.SendJsonAsync(HttpMethod.Post, "api/admin/accounts", body, HttpStatusCode.Created);
        var second = await admin.SendJsonAsync(HttpMethod.Post, "api/admin/accounts", body, HttpStatusCode.Created);
        Assert.That(first.GetProperty("account").GetProperty("login").GetString(), Is.EqualTo("helene.le-boeuf"));
        Assert.That(second.GetProperty("account").GetProperty("login").GetString(), Is.EqualTo("helene.le-boeuf2"));
        var password = first.GetProperty("initialPassword").GetString()!;
        Assert.That(password, Has.Length.GreaterThanOrEqualTo(12));
        Assert.That(second.GetProperty("initialPassword").GetString(), Is.Not.EqualTo(password));

        using var imap = await ImapAsync("helene.le-boeuf", password);
        Assert.That(imap.IsAuthenticated, Is.True);
        Assert.That(Server.Runtime.Audit.Recent(50).Any(e => e.Action == "account.add" && e.Actor == "admin" && e.Detail.StartsWith("helene.le-boeuf ", StringComparison.Ordinal)), Is.True);
    }

    [Test]
    public async Task Create_Invalid_Is400WithReason()
    {
        using var admin = await WebApiSession.SignInAsync(Server, "admin");
        var taken = await admin.SendJsonAsync(HttpMethod.Post, "api/admin/accounts", new { login = "eleve.6a", firstName = "A", lastName = "B", profile = "Eleve" }, HttpStatusCode.BadRequest);
        Assert.That(taken.GetProperty("error").GetString(), Does.Contain("déjà pris"));
        var list = await admin.SendJsonAsync(HttpMethod.Post, "api/admin/accounts", new { login = "eleves.6a", firstName = "A", lastName = "B", profile = "Eleve" }, HttpStatusCode.BadRequest);
        Assert.That(list.GetProperty("error").GetString(), Does.Contain("réservé"));
        var noName = await admin.SendJsonAsync(HttpMethod.Post, "api/admin/accounts", new { firstName = "", lastName = "B", profile = "Eleve" }, HttpStatusCode.BadRequest);
        Assert.That(noName.GetProperty("error").GetString(), Does.Contain("prénom"));
        var badProfile = await admin.SendJsonAsync(HttpMethod.Post, "api/admin/accounts", new { firstName = "A", lastName = "B", profile = "Pirate" }, HttpStatusCode.BadRequest);
        Assert.That(badProfile.GetProperty("error").GetString(), Does.Contain("profile"));
        var pupilFunction = await admin.SendJsonAsync(HttpMethod.Post, "api/admin/accounts", new { firstName = "A", lastName = "B", profile = "Eleve", function = "Cpe" }, HttpStatusCode.BadRequest);
        Assert.That(pupilFunction.GetProperty("error").GetString(), Does.Contain("fonction"));
    }

    [Test]
    public async Task Suspend_EndsImapAndWebLogins_ReactivateRestoresThem()
    {
        using var admin = await WebApiSession.SignInAsync(Server, "admin");
        var created = await admin.SendJsonAsync(HttpMethod.Post, "api/admin/accounts", new { firstName = "Sam", lastName = "Suspens", profile = "Responsable" }, HttpStatusCode.Created);
        var login = created.GetProperty("account").GetProperty("login").GetString()!;
        var password = created.GetProperty("initialPassword").GetString()!;
        using var victim = await WebApiSession.SignInAsync(Server, login, password);

        var suspended = await admin.SendJsonAsync(HttpMethod.Post, $"api/admin/accounts/{login}/suspend", null);
        Assert.That(suspended.GetProperty("state").GetString(), Is.EqualTo("Suspended"));

        using (var ended = await victim.GetAsync("api/session"))
        {
            Assert.That(ended.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized), "the open web session ends");
        }

        using (var http = WebApiSession.Anonymous(Server))
        using (var signIn = await http.PostAsync("api/session", System.Net.Http.Json.JsonContent.Create(new { login, password })))
        {
            Assert.That(signIn.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
            Assert.That(await signIn.Content.ReadAsStringAsync(), Does.Contain("suspendu"));
        }

        await Assert.ThrowsAsync<AuthenticationException>(async () => (await ImapAsync(login, password)).Dispose());

        var reactivated = await admin.SendJsonAsync(HttpMethod.Post, $"api/admin/accounts/{login}/reactivate", null);
        Assert.That(reactivated.GetProperty("state").GetString(), Is.EqualTo("Active"));
        using var imap = await ImapAsync(login, password);
        Assert.That(imap.IsAuthenticated, Is.True);
        using var back = await WebApiSession.SignInAsync(Server, login, password);
        Assert.That(Server.Runtime.Audit.Recent(50).Count(e => e.Action == "account.state" && e.Detail.StartsWith(login + " ", StringComparison.Ordinal)), Is.EqualTo(2));
    }

    [Test]
    public async Task Suspend_Self_Is400_UnknownAccount_Is404()
    {
        using var admin = await WebApiSession.SignInAsync(Server, "admin");
        var self = await admin.SendJsonAsync(HttpMethod.Post, "api/admin/accounts/admin/suspend", null, HttpStatusCode.BadRequest);
        Assert.That(self.GetProperty("error").GetString(), Does.Contain("propre compte"));
        await admin.SendJsonAsync(HttpMethod.Post, "api/admin/accounts/personne.inconnue/suspend", null, HttpStatusCode.NotFound);
        await admin.SendJsonAsync(HttpMethod.Post, "api/admin/accounts/personne.inconnue/reset-password", null, HttpStatusCode.NotFound);
    }

    [Test]
    public async Task ResetPassword_NewOneWorks_OldOneFails()
    {
        using var admin = await WebApiSession.SignInAsync(Server, "admin");
        var created = await admin.SendJsonAsync(HttpMethod.Post, "api/admin/accounts", new { firstName = "Rémi", lastName = "Oubli", profile = "Eleve" }, HttpStatusCode.Created);
        var login = created.GetProperty("account").GetProperty("login").GetString()!;
        var old = created.GetProperty("initialPassword").GetString()!;
        var reset = await admin.SendJsonAsync(HttpMethod.Post, $"api/admin/accounts/{login}/reset-password", null);
        var fresh = reset.GetProperty("password").GetString()!;
        Assert.That(fresh, Is.Not.EqualTo(old));
        await Assert.ThrowsAsync<AuthenticationException>(async () => (await ImapAsync(login, old)).Dispose());
        using var imap = await ImapAsync(login, fresh);
        Assert.That(imap.IsAuthenticated, Is.True);
    }

    [Test]
    public async Task Pupil_IsRefused403OnEveryAdminEndpoint()
    {
        using var pupil = await WebApiSession.SignInAsync(Server, "eleve.6a");
        (HttpMethod Method, string Path, object? Body, string Right)[] calls =
        [
            (HttpMethod.Get, "api/admin/accounts", null, "administration.accounts"),
            (HttpMethod.Post, "api/admin/accounts", new { firstName = "A", lastName = "B", profile = "Eleve" }, "administration.accounts"),
            (HttpMethod.Post, "api/admin/accounts/eleve2.6a/suspend", null, "administration.accounts"),
            (HttpMethod.Post, "api/admin/accounts/eleve2.6a/reactivate", null, "administration.accounts"),
            (HttpMethod.Post, "api/admin/accounts/eleve2.6a/reset-password", null, "administration.accounts"),
            (HttpMethod.Get, "api/admin/policy", null, "administration.policy"),
            (HttpMethod.Put, "api/admin/policy/external", new { scope = "all", open = true }, "administration.policy"),
            (HttpMethod.Put, "api/admin/policy/emergency-stop", new { stopped = true }, "administration.policy"),
            (HttpMethod.Put, "api/admin/policy/rules", Array.Empty<object>(), "administration.policy"),
            (HttpMethod.Put, "api/admin/policy/list-rules", Array.Empty<object>(), "administration.policy"),
            (HttpMethod.Put, "api/admin/policy/rate-limits", Array.Empty<object>(), "administration.policy"),
            (HttpMethod.Delete, "api/admin/policy/rules", null, "administration.policy"),
            (HttpMethod.Delete, "api/admin/policy/list-rules", null, "administration.policy"),
            (HttpMethod.Delete, "api/admin/policy/rate-limits", null, "administration.policy"),
        ];
        foreach (var (method, path, body, right) in calls)
        {
            var refusal = await pupil.SendJsonAsync(method, path, body, HttpStatusCode.Forbidden);
            Assert.That(refusal.GetProperty("right").GetString(), Is.EqualTo(right), $"{method} {path}");
        }

        Assert.That(Server.Runtime.Directory.Find("eleve2.6a")!.State, Is.EqualTo(Preau.Core.Accounts.AccountState.Active));
        Assert.That(Server.Runtime.Policy.State.PupilSendingStopped, Is.False);
    }

    [Test]
    public async Task Session_ListsTheRightsHeld()
    {
        using var admin = await WebApiSession.SignInAsync(Server, "admin");
        var adminRights = admin.Info.GetProperty("rights").EnumerateArray().Select(r => r.GetString()).ToArray();
        Assert.That(adminRights, Does.Contain("administration.accounts").And.Contain("administration.policy").And.Contain("messagerie.read"));
        Assert.That(admin.Info.GetProperty("language").GetString(), Is.EqualTo("fr"));

        using var pupil = await WebApiSession.SignInAsync(Server, "eleve.6a");
        var pupilRights = (await pupil.GetJsonAsync("api/session")).GetProperty("rights").EnumerateArray().Select(r => r.GetString()).ToArray();
        Assert.That(pupilRights, Does.Contain("messagerie.send"));
        Assert.That(pupilRights.Where(r => r!.StartsWith("administration.", StringComparison.Ordinal)), Is.Empty);
        Assert.That(pupilRights, Does.Not.Contain("communication.publish-announcement"));
    }

    private async Task<MailKit.Net.Imap.ImapClient> ImapAsync(string login, string password)
    {
        var client = new MailKit.Net.Imap.ImapClient { ServerCertificateValidationCallback = (_, _, _, _) => true, Timeout = 30_000 };
        try
        {
            await client.ConnectAsync("127.0.0.1", Server.ImapTlsPort, SecureSocketOptions.SslOnConnect);
            await client.AuthenticateAsync(login, password);
            return client;
        }
        catch
        {
            client.Dispose();
            throw;
        }
    }
}
