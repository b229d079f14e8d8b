using System.Net;
using System.Text;
using System.Text.Json;
using Preau.IntegrationTests.Infrastructure;

namespace Preau.IntegrationTests.Web;

/// <summary>The admin API for rights, delegations, roles and the audit log, through the real HTTP listener.</summary>
public class AdminApiTests : SharedServerFixture
{
    [TestCase("api/admin/services", "administration.services")]
    [TestCase("api/admin/delegations", "administration.delegation")]
    [TestCase("api/admin/roles", "administration.roles")]
    [TestCase("api/admin/audit", "administration.audit")]
    public async Task Pupil_AdminEndpoint_403NamingTheRight(string path, string right)
    {
        using var pupil = await WebClient.SignedInAsync(Server, "eleve.6a");
        using var response = await pupil.GetAsync(path);
        using var json = await WebClient.Json(response);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That(json.RootElement.GetProperty("right").GetString(), Is.EqualTo(right));
        Assert.That(json.RootElement.GetProperty("error").GetString(), Does.StartWith($"eleve.6a n'a pas le droit {right} (Administration : "));
    }

    [Test]
    public async Task Pupil_StateChangingAdminCall_403NothingChanges()
    {
        using var pupil = await WebClient.SignedInAsync(Server, "eleve.6a");
        using var response = await pupil.SendAsync(HttpMethod.Put, "api/admin/grants/administration.services/account:eleve.6a", new { granted = true });
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That(Server.Runtime.Rights.Check(Server.Runtime.Directory.Find("eleve.6a")!, "administration.services").Allowed, Is.False);
    }

    [TestCase("api/admin/services")]
    [TestCase("api/admin/audit")]
    public async Task Anonymous_AdminEndpoint_401(string path)
    {
        using var client = new WebClient(Server);
        using var response = await client.GetAsync(path);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
    }

    [Test]
    public async Task HeadTeacher_PublicationIdentityDoesNotAdminister_AdministrationIdentityDoes()
    {
        using var principal = await WebClient.SignedInAsync(Server, "principal");
        using var principalAdmin = await WebClient.SignedInAsync(Server, "principal.admin");
        using var refused = await principal.GetAsync("api/admin/services");
        using var allowed = await principalAdmin.GetAsync("api/admin/services");
        Assert.That(refused.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That(allowed.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task Services_ShowsTheMatrixWithDefaultsAndTheSchoolsPendingDecisions()
    {
        using var admin = await WebClient.SignedInAsync(Server, "admin");
        using var response = await admin.GetAsync("api/admin/services");
        using var json = await WebClient.Json(response);
        var services = json.RootElement.GetProperty("services").EnumerateArray().ToArray();
        var ids = services.Select(s => s.GetProperty("id").GetString()).ToArray();
        Assert.That(ids, Is.SupersetOf(new[] { "messagerie", "communication", "administration", "cahier-de-textes", "fiche-eleve", "notes", "sanctions" }));
        var cahier = services.Single(s => s.GetProperty("id").GetString() == "cahier-de-textes");
        Assert.That(cahier.GetProperty("installed").GetBoolean(), Is.False);
        var send = services.Single(s => s.GetProperty("id").GetString() == "communication").GetProperty("actions").EnumerateArray()
            .Single(a => a.GetProperty("right").GetString() == "communication.send-targeted");
        var granted = send.GetProperty("grants").EnumerateArray().Where(g => g.GetProperty("granted").GetBoolean()).Select(g => g.GetProperty("grantee").GetString());
        Assert.That(granted, Is.EquivalentTo(new[] { "profile:AdministrateurEnt", "function:Direction" }));

        using var one = await admin.GetAsync("api/admin/services?service=messagerie");
        using var oneJson = await WebClient.Json(one);
        Assert.That(oneJson.RootElement.GetProperty("services").GetArrayLength(), Is.EqualTo(1));
    }

    [Test]
    public async Task Admin_GrantsARight_ItTakesEffectAndIsAudited_ResetTakesItBack()
    {
        using var admin = await WebClient.SignedInAsync(Server, "admin");
        using var teacher = await WebClient.SignedInAsync(Server, "prof.maths");
        using (var before = await teacher.GetAsync("api/admin/audit"))
        {
            Assert.That(before.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        }

        using var put = await admin.SendAsync(HttpMethod.Put, "api/admin/grants/administration.audit/account:prof.maths", new { granted = true });
        using var putJson = await WebClient.Json(put);
        Assert.That(put.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(putJson.RootElement.GetProperty("changed").GetBoolean(), Is.True);
        var cell = putJson.RootElement.GetProperty("action").GetProperty("grants").EnumerateArray().Single(g => g.GetProperty("grantee").GetString() == "account:prof.maths");
        Assert.That((cell.GetProperty("granted").GetBoolean(), cell.GetProperty("default").GetBoolean(), cell.GetProperty("overridden").GetBoolean()), Is.EqualTo((true, false, true)));

        using (var after = await teacher.GetAsync("api/admin/audit?action=rights&limit=5"))
        {
            using var audit = await WebClient.Json(after);
            Assert.That(after.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            var entry = audit.RootElement.GetProperty("entries").EnumerateArray().First();
            Assert.That(entry.GetProperty("actor").GetString(), Is.EqualTo("admin"));
            Assert.That(entry.GetProperty("action").GetString(), Is.EqualTo("rights.grant"));
            Assert.That(entry.GetProperty("detail").GetString(), Does.StartWith("administration.audit : account:prof.maths"));
        }

        using var reset = await admin.SendAsync(HttpMethod.Delete, "api/admin/grants/administration.audit/account:prof.maths");
        Assert.That(reset.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        using var again = await teacher.GetAsync("api/admin/audit");
        Assert.That(again.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
    }

    [TestCase("api/admin/grants/agenda.read/profile:Eleve", "{\"granted\": true}", HttpStatusCode.NotFound)]
    [TestCase("api/admin/grants/messagerie.send/account:personne", "{\"granted\": true}", HttpStatusCode.NotFound)]
    [TestCase("api/admin/grants/messagerie.send/groupe:6A", "{\"granted\": true}", HttpStatusCode.BadRequest)]
    [TestCase("api/admin/grants/messagerie.send/profile:Directeur", "{\"granted\": true}", HttpStatusCode.BadRequest)]
    [TestCase("api/admin/grants/messagerie.send/profile:Eleve", "{}", HttpStatusCode.BadRequest)]
    [TestCase("api/admin/grants/messagerie.send/profile:Eleve", "oui", HttpStatusCode.BadRequest)]
    [TestCase("api/admin/grants/administration.services/profile:AdministrateurEnt", "{\"granted\": false}", HttpStatusCode.BadRequest)]
    public async Task Grants_BadInput_ClearFrenchError(string path, string body, HttpStatusCode expected)
    {
        using var admin = await WebClient.SignedInAsync(Server, "admin");
        using var response = await admin.SendAsync(HttpMethod.Put, path, new StringContent(body, Encoding.UTF8, "application/json"));
        using var json = await WebClient.Json(response);
        Assert.That(response.StatusCode, Is.EqualTo(expected));
        Assert.That(json.RootElement.GetProperty("error").GetString(), Is.Not.Empty);
    }

    [Test]
    public async Task Delegation_DaneAdministersUntilRevoked_AndCannotDelegate()
    {
        using var admin = await WebClient.SignedInAsync(Server, "admin");
        using var dane = await WebClient.SignedInAsync(Server, "dane");
        using (var before = await dane.GetAsync("api/admin/services"))
        {
            Assert.That(before.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        }

        using var granted = await admin.SendAsync(HttpMethod.Post, "api/admin/delegations", new { login = "dane" });
        using var grantedJson = await WebClient.Json(granted);
        Assert.That(granted.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        Assert.That(grantedJson.RootElement.GetProperty("active").GetBoolean(), Is.True);
        try
        {
            using (var services = await dane.GetAsync("api/admin/services"))
            {
                Assert.That(services.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            }

            using (var change = await dane.SendAsync(HttpMethod.Put, "api/admin/grants/cahier-de-textes.read-all/function:PsyEn", new { granted = true }))
            {
                Assert.That(change.StatusCode, Is.EqualTo(HttpStatusCode.OK), "the delegate administers");
            }

            using (var reset = await dane.SendAsync(HttpMethod.Delete, "api/admin/grants/cahier-de-textes.read-all/function:PsyEn"))
            {
                Assert.That(reset.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            }

            using var extend = await dane.SendAsync(HttpMethod.Post, "api/admin/delegations", new { login = "dane" });
            using var extendJson = await WebClient.Json(extend);
            Assert.That(extend.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
            Assert.That(extendJson.RootElement.GetProperty("right").GetString(), Is.EqualTo("administration.delegation"));

            using var list = await admin.GetAsync("api/admin/delegations");
            using var listJson = await WebClient.Json(list);
            Assert.That(listJson.RootElement.GetProperty("delegations").EnumerateArray().Select(d => d.GetProperty("login").GetString()), Is.EqualTo(new[] { "dane" }));
        }
        finally
        {
            using var revoke = await admin.SendAsync(HttpMethod.Delete, "api/admin/delegations/dane");
            Assert.That(revoke.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        }

        using var after = await dane.GetAsync("api/admin/services");
        using var afterJson = await WebClient.Json(after);
        Assert.That(after.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That(afterJson.RootElement.GetProperty("right").GetString(), Is.EqualTo("administration.services"));

        using var audit = await admin.GetAsync("api/admin/audit?action=delegation");
        using var auditJson = await WebClient.Json(audit);
        Assert.That(auditJson.RootElement.GetProperty("entries").EnumerateArray().Select(e => e.GetProperty("action").GetString()).Take(2),
            Is.EqualTo(new[] { "delegation.revoke", "delegation.grant" }));
        Assert.That(auditJson.RootElement.GetProperty("entries")[1].GetProperty("actor").GetString(), Is.EqualTo("admin"));
    }

    [TestCase("{\"login\": \"cpe\"}", HttpStatusCode.BadRequest, "support académique")]
    [TestCase("{\"login\": \"personne\"}", HttpStatusCode.NotFound, "personne")]
    [TestCase("{\"login\": \"dane\", \"until\": \"2001-01-01\"}", HttpStatusCode.BadRequest, "déjà passée")]
    [TestCase("{\"login\": \"dane\", \"until\": \"demain\"}", HttpStatusCode.BadRequest, "until")]
    [TestCase("{}", HttpStatusCode.BadRequest, "login")]
    public async Task Delegation_BadInput_ClearFrenchError(string body, HttpStatusCode expected, string words)
    {
        using var admin = await WebClient.SignedInAsync(Server, "admin");
        using var response = await admin.SendAsync(HttpMethod.Post, "api/admin/delegations", new StringContent(body, Encoding.UTF8, "application/json"));
        using var json = await WebClient.Json(response);
        Assert.That(response.StatusCode, Is.EqualTo(expected));
        Assert.That(json.RootElement.GetProperty("error").GetString(), Does.Contain(words));
    }

    [Test]
    public async Task Roles_AssignListUnassign()
    {
        using var admin = await WebClient.SignedInAsync(Server, "admin");
        using var assign = await admin.SendAsync(HttpMethod.Post, "api/admin/roles", new { login = "prof.anglais", role = "referent-numerique" });
        using var assignJson = await WebClient.Json(assign);
        Assert.That(assign.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        Assert.That(assignJson.RootElement.GetProperty("roleLabel").GetString(), Is.EqualTo("Référent numérique"));
        Assert.That(assignJson.RootElement.GetProperty("uai").GetString(), Is.EqualTo("0519999Z"));

        using (var list = await admin.GetAsync("api/admin/roles?uai=0519999Z"))
        {
            using var json = await WebClient.Json(list);
            Assert.That(json.RootElement.GetProperty("roles").EnumerateArray().Select(r => (r.GetProperty("login").GetString(), r.GetProperty("role").GetString())),
                Does.Contain(("prof.anglais", "ReferentNumerique")));
            Assert.That(json.RootElement.GetProperty("available").GetArrayLength(), Is.EqualTo(3));
        }

        using var unassign = await admin.SendAsync(HttpMethod.Delete, "api/admin/roles/ReferentNumerique/prof.anglais");
        Assert.That(unassign.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        using var again = await admin.SendAsync(HttpMethod.Delete, "api/admin/roles/ReferentNumerique/prof.anglais");
        Assert.That(again.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        using var pupil = await admin.SendAsync(HttpMethod.Post, "api/admin/roles", new { login = "eleve.6a", role = "ReferentNumerique" });
        Assert.That(pupil.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        using var unknown = await admin.SendAsync(HttpMethod.Post, "api/admin/roles", new { login = "cpe", role = "Directeur" });
        Assert.That(unknown.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
    }

    [Test]
    public async Task Audit_PagesNewestFirst_FiltersByActor()
    {
        using var admin = await WebClient.SignedInAsync(Server, "admin");
        for (var i = 0; i < 3; i++)
        {
            using var r = await admin.SendAsync(HttpMethod.Post, "api/admin/roles", new { login = "cpe", role = "PersonneRessourceNumerique" });
            using var d = await admin.SendAsync(HttpMethod.Delete, "api/admin/roles/PersonneRessourceNumerique/cpe");
        }

        using var first = await admin.GetAsync("api/admin/audit?actor=admin&action=roles&limit=4");
        using var firstJson = await WebClient.Json(first);
        var page = firstJson.RootElement.GetProperty("entries").EnumerateArray().ToArray();
        var next = firstJson.RootElement.GetProperty("next").GetInt64();
        Assert.That(page.Select(e => e.GetProperty("action").GetString()), Is.EqualTo(new[] { "roles.unassign", "roles.assign", "roles.unassign", "roles.assign" }));
        Assert.That(page.Select(e => e.GetProperty("id").GetInt64()), Is.Ordered.Descending);

        using var second = await admin.GetAsync($"api/admin/audit?actor=admin&action=roles&limit=4&before={next}");
        using var secondJson = await WebClient.Json(second);
        Assert.That(secondJson.RootElement.GetProperty("entries").GetArrayLength(), Is.GreaterThanOrEqualTo(2));
        Assert.That(secondJson.RootElement.GetProperty("entries").EnumerateArray().All(e => e.GetProperty("id").GetInt64() < next), Is.True);

        using var future = await admin.GetAsync("api/admin/audit?from=2999-01-01");
        using var futureJson = await WebClient.Json(future);
        Assert.That(futureJson.RootElement.GetProperty("entries").GetArrayLength(), Is.Zero);
        Assert.That(futureJson.RootElement.GetProperty("next").ValueKind, Is.EqualTo(JsonValueKind.Null));
    }

    [TestCase("limit=0")]
    [TestCase("limit=100000")]
    [TestCase("limit=abc")]
    [TestCase("before=-1")]
    [TestCase("from=hier")]
    public async Task Audit_BadQuery_400(string query)
    {
        using var admin = await WebClient.SignedInAsync(Server, "admin");
        using var response = await admin.GetAsync("api/admin/audit?" + query);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
    }
}
