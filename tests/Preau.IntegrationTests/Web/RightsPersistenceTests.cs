using System.Net;
using Preau.Core.Rights;
using Preau.IntegrationTests.Infrastructure;

namespace Preau.IntegrationTests.Web;

/// <summary>The administrator's rights decisions live in the data folder, not in the process.</summary>
public class RightsPersistenceTests
{
    [Test]
    public async Task GrantsDelegationsAndRoles_SurviveARestart_SessionsDoNot()
    {
        await using var server = await TestServer.StartAsync();
        using (var admin = await WebClient.SignedInAsync(server, "admin"))
        {
            using var grant = await admin.SendAsync(HttpMethod.Put, "api/admin/grants/notes.read-all/function:VieScolaire", new { granted = false });
            using var delegation = await admin.SendAsync(HttpMethod.Post, "api/admin/delegations", new { login = "dane", until = "2999-06-30" });
            using var role = await admin.SendAsync(HttpMethod.Post, "api/admin/roles", new { login = "prof.maths", role = "ReferentNumerique" });
            Assert.That((grant.StatusCode, delegation.StatusCode, role.StatusCode), Is.EqualTo((HttpStatusCode.OK, HttpStatusCode.Created, HttpStatusCode.Created)));

            await server.RestartAsync();
            using var old = await admin.GetAsync("api/session");
            Assert.That(old.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized), "sessions live in memory");
        }

        var rights = server.Runtime.Rights;
        using (Assert.EnterMultipleScope())
        {
            Assert.That(rights.Matrix("notes").Single().Actions[0].Grants.Single(g => g.Grantee == Grantee.Parse("function:VieScolaire")).Granted, Is.False);
            Assert.That(rights.Check(server.Runtime.Directory.Find("dane")!, CoreRights.AdminServices).Allowed, Is.True);
            Assert.That(rights.Roles().Select(r => (r.Login, r.Role)), Is.EqualTo(new[] { ("prof.maths", EntRole.ReferentNumerique) }));
            Assert.That(server.Runtime.Audit.Query(new Core.Storage.AuditQuery(Actor: "admin")).Select(e => e.Action),
                Is.EqualTo(new[] { "roles.assign", "delegation.grant", "rights.revoke" }));
        }
    }
}
