using System.Net;
using MailKit.Net.Imap;
using MailKit.Security;
using Preau.Core.Accounts;
using Preau.Core.Rights;
using Preau.Core.Storage;
using Preau.IntegrationTests.Infrastructure;
using Preau.IntegrationTests.Plugins;
using static Preau.IntegrationTests.Annuaire.AnnuaireHttp;

namespace Preau.IntegrationTests.Annuaire;

/// <summary>Suspending and reactivating from the annuaire, with the server's meaning of each state:
/// logins refused and web sessions ended, then back; an account without a password goes back to
/// waiting for its code; a delegated DANE account's actions are audited as such.</summary>
public class DirectorySuspendTests : AnnuaireServerTests
{
    private async Task<bool> ImapLoginWorksAsync(string login, string password = TestServer.Password)
    {
        using var client = new ImapClient { ServerCertificateValidationCallback = (_, _, _, _) => true, Timeout = 30_000 };
        await client.ConnectAsync("127.0.0.1", Server.ImapPort, SecureSocketOptions.StartTls);
        try
        {
            await client.AuthenticateAsync(login, password);
            await client.DisconnectAsync(true);
            return true;
        }
        catch (AuthenticationException)
        {
            return false;
        }
    }

    [Test]
    public async Task Suspend_RefusesLoginsAndEndsTheWebSession_ReactivateGivesThemBack()
    {
        const string target = "eleve2.6a";
        using var session = await PluginServer.SignInAsync(Server, target);
        Assert.That((await session.GetAsync("/api/session")).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(await ImapLoginWorksAsync(target), Is.True);
        using var open = await Server.ImapAsync(target);
        await open.Inbox.OpenAsync(MailKit.FolderAccess.ReadWrite);
        using var admin = await PluginServer.SignInAsync(Server, "admin");

        var suspended = (await ExpectAsync(admin, HttpStatusCode.OK, HttpMethod.Post, $"people/{Id(target)}/suspend")).Json;

        Assert.That(suspended.GetProperty("person").GetProperty("etat").GetString(), Is.EqualTo("Suspended"));
        Assert.That(Actions(suspended), Does.Contain("reactivate").And.Not.Contain("suspend"));
        Assert.That((await session.GetAsync("/api/session")).StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized), "the web session ended");
        Assert.That(await ImapLoginWorksAsync(target), Is.False, "IMAP refuses the login");
        Assert.That(async () => await open.NoOpAsync(), Throws.InstanceOf<Exception>(), "an open IMAP session ends at its next command");
        Assert.That(open.IsConnected, Is.False);
        await Assert.ThrowsAsync<AuthenticationException>(async () => await Server.SubmitAsync(target), "SMTP refuses the login");
        Assert.That((await ExpectAsync(admin, HttpStatusCode.Conflict, HttpMethod.Post, $"people/{Id(target)}/suspend")).Error, Does.Contain("déjà suspendu"));

        var reactivated = (await ExpectAsync(admin, HttpStatusCode.OK, HttpMethod.Post, $"people/{Id(target)}/reactivate")).Json;

        Assert.That(reactivated.GetProperty("person").GetProperty("etat").GetString(), Is.EqualTo("Active"));
        Assert.That(await ImapLoginWorksAsync(target), Is.True);
        using var again = await PluginServer.SignInAsync(Server, target);
        var audit = Server.Runtime.Audit.Query(new AuditQuery(Actor: "admin", Action: "annuaire")).Select(e => (e.Action, e.Detail)).Reverse().ToArray();
        Assert.That(audit, Has.Some.Matches<(string Action, string Detail)>(e => e.Action == "annuaire.suspend" && e.Detail.StartsWith($"{target} : Active → Suspended", StringComparison.Ordinal)));
        Assert.That(audit, Has.Some.Matches<(string Action, string Detail)>(e => e.Action == "annuaire.reactivate" && e.Detail.StartsWith($"{target} : Suspended → Active", StringComparison.Ordinal)));
    }

    [Test]
    public async Task AccountWithoutPassword_SuspendedThenReactivated_WaitsForItsCodeAgain()
    {
        var model = Server.Runtime.Directory.Find("eleve.6a")!;
        var account = Server.Runtime.Directory.AddAccount(
            model with { Id = "acc-sans-mdp", Login = "sans.motdepasse", DisplayName = "Sans Motdepasse", FirstName = "Sans", LastName = "Motdepasse", State = AccountState.NotActivated, PasswordHash = null, ExternalId = null, PersonId = null },
            null,
            "test");
        using var admin = await PluginServer.SignInAsync(Server, "admin");
        Assert.That(Actions(await CardAsync(admin, account.Id)), Does.Contain("suspend"), "a not yet activated account can be suspended");

        await ExpectAsync(admin, HttpStatusCode.OK, HttpMethod.Post, $"people/{account.Id}/suspend");
        Assert.That(Server.Runtime.Directory.Find(account.Login)!.State, Is.EqualTo(AccountState.Suspended));
        var card = (await ExpectAsync(admin, HttpStatusCode.OK, HttpMethod.Post, $"people/{account.Id}/reactivate")).Json;

        Assert.That(card.GetProperty("person").GetProperty("etat").GetString(), Is.EqualTo("NotActivated"));
        Assert.That(Server.Runtime.Directory.Find(account.Login)!.PasswordHash, Is.Null);
        var entry = Server.Runtime.Audit.Query(new AuditQuery(Actor: "admin", Action: "annuaire.reactivate")).First();
        Assert.That(entry.Detail, Does.Contain("Suspended → NotActivated").And.Contain("code d'activation"));
    }

    [Test]
    public async Task DelegatedDaneAccount_IsAuditedAsSuch()
    {
        Server.Runtime.Rights.GrantDelegation("dane", null, "admin");
        Server.Runtime.Rights.SetGrant("annuaire.suspend", Grantee.ForAccount("dane"), true, "admin");
        using var dane = await PluginServer.SignInAsync(Server, "dane");

        await ExpectAsync(dane, HttpStatusCode.OK, HttpMethod.Post, $"people/{Id("eleve.5b")}/suspend");
        await ExpectAsync(dane, HttpStatusCode.OK, HttpMethod.Post, $"people/{Id("eleve.5b")}/reactivate");

        var entries = Server.Runtime.Audit.Query(new AuditQuery(Actor: "dane", Action: "annuaire")).ToArray();
        Assert.That(entries.Select(e => e.Action), Is.EquivalentTo(new[] { "annuaire.suspend", "annuaire.reactivate" }));
        Assert.That(entries.Select(e => e.Detail), Is.All.Contain("compte académique (DANE) sous délégation d'administration"));
        Assert.That(Server.Runtime.Directory.Find("eleve.5b")!.State, Is.EqualTo(AccountState.Active));
    }
}
