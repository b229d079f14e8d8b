using System.Net;
using MailKit.Net.Imap;
using MailKit.Security;
using Preau.Core.Accounts;
using Preau.Core.Auth;
using Preau.IntegrationTests.Infrastructure;
using Preau.IntegrationTests.Plugins;
using static Preau.IntegrationTests.Annuaire.AnnuaireHttp;

namespace Preau.IntegrationTests.Annuaire;

/// <summary>Activating an imported account with the code of its sheet, anonymously (no session, no
/// CSRF token): the right code sets the password and makes the account active (IMAP login works),
/// once; a weak password gets the policy's reason; an unknown login and a wrong code get the same
/// answer; a suspended account cannot activate. The address limit is raised here so that the
/// failures of one test do not throttle the others (<see cref="DirectoryActivationThrottleTests"/>
/// tests the limits).</summary>
public class DirectoryActivationTests
{
    private const string Password = "Une phrase de passe 2026";

    private TestServer _server = null!;
    private ImportedSchool _school = null!;
    private int _next;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _server = await PluginServer.StartAsync([Plugin], s => s[$"PluginSettings:{Plugin}:ActivationFailuresPerAddress"] = "100");
        _school = ImportedSchool.Import(_server);
    }

    [OneTimeTearDown]
    public async Task StopAsync() => await _server.DisposeAsync();

    /// <summary>A code line no other test uses.</summary>
    private ImportedSchool.CodeLine NextCode(string profile = "Élève") =>
        _school.Codes.Where(c => c.Profile == profile).ElementAt(Interlocked.Increment(ref _next));

    private Task<AnnuaireHttp.Reply> ActivateAsync(HttpClient client, string login, string code, string password, HttpStatusCode expected) =>
        ExpectAsync(client, expected, HttpMethod.Post, "activate", new { login, code, password });

    private async Task<bool> ImapLoginWorksAsync(string login, string password)
    {
        using var client = new ImapClient { ServerCertificateValidationCallback = (_, _, _, _) => true, Timeout = 30_000 };
        await client.ConnectAsync("127.0.0.1", _server.ImapPort, SecureSocketOptions.StartTls);
        try
        {
            await client.AuthenticateAsync(login, password);
            return true;
        }
        catch (AuthenticationException)
        {
            return false;
        }
    }

    [Test]
    public async Task RightCode_SetsThePasswordAndActivates_ImapLoginWorks_TheCodeWorksOnce()
    {
        var line = NextCode();
        Assert.That(_server.Runtime.Directory.Find(line.Login)!.State, Is.EqualTo(AccountState.NotActivated));
        Assert.That(await ImapLoginWorksAsync(line.Login, Password), Is.False);
        using var anonymous = PluginServer.Anonymous(_server);

        var reply = await ActivateAsync(anonymous, line.Login, line.Code, Password, HttpStatusCode.OK);

        Assert.That(reply.Json.GetProperty("login").GetString(), Is.EqualTo(line.Login));
        Assert.That(reply.Json.GetProperty("address").GetString(), Is.EqualTo(line.Address));
        Assert.That(reply.Response.Headers.Contains("Set-Cookie"), Is.False, "activation opens no session");
        var account = _server.Runtime.Directory.Find(line.Login)!;
        Assert.That(account.State, Is.EqualTo(AccountState.Active));
        Assert.That(await ImapLoginWorksAsync(line.Login, Password), Is.True);

        var reused = await ActivateAsync(anonymous, line.Login, line.Code, "Une autre phrase de passe", HttpStatusCode.BadRequest);
        Assert.That(reused.Error, Is.EqualTo("Identifiant ou code d'activation incorrect."));
        Assert.That(await ImapLoginWorksAsync(line.Login, Password), Is.True, "the password chosen first stays");
    }

    [Test]
    public async Task WeakPassword_Is400WithThePolicysReason_AndTheCodeStillWorks()
    {
        var line = NextCode();
        using var anonymous = PluginServer.Anonymous(_server);

        var weak = await ActivateAsync(anonymous, line.Address, line.Code, "court", HttpStatusCode.BadRequest);
        Assert.That(weak.Error, Is.EqualTo(PasswordStrength.Weakness("court", line.Login)));
        var login = await ActivateAsync(anonymous, line.Login, line.Code, line.Login, HttpStatusCode.BadRequest);
        Assert.That(login.Error, Does.Contain("identifiant"));
        Assert.That(_server.Runtime.Directory.Find(line.Login)!.PasswordHash, Is.Null);

        await ActivateAsync(anonymous, line.Address, line.Code.ToLowerInvariant(), Password, HttpStatusCode.OK);
        Assert.That(_server.Runtime.Directory.Find(line.Login)!.State, Is.EqualTo(AccountState.Active));
    }

    [Test]
    public async Task UnknownLoginAndWrongCode_GetTheSameAnswer()
    {
        var line = NextCode();
        using var anonymous = PluginServer.Anonymous(_server);

        var unknown = await ActivateAsync(anonymous, "personne.inconnue", line.Code, Password, HttpStatusCode.BadRequest);
        var wrong = await ActivateAsync(anonymous, line.Login, "AAAA-BBBB-CCCC", Password, HttpStatusCode.BadRequest);
        var byId = await ActivateAsync(anonymous, _server.Runtime.Directory.Find(line.Login)!.Id, line.Code, Password, HttpStatusCode.BadRequest);

        Assert.That(wrong.Body, Is.EqualTo(unknown.Body));
        Assert.That(byId.Body, Is.EqualTo(unknown.Body), "an account id is not a login");
        var missing = await ExpectAsync(anonymous, HttpStatusCode.BadRequest, HttpMethod.Post, "activate", new { login = line.Login });
        Assert.That(missing.Error, Does.Contain("code d'activation"));
        Assert.That(_server.Runtime.Directory.Find(line.Login)!.State, Is.EqualTo(AccountState.NotActivated));
    }

    [Test]
    public async Task SuspendedAccount_CannotActivate_UntilReactivated()
    {
        var line = NextCode("Responsable");
        var id = _server.Runtime.Directory.Find(line.Login)!.Id;
        using var admin = await PluginServer.SignInAsync(_server, "admin");
        await ExpectAsync(admin, HttpStatusCode.OK, HttpMethod.Post, $"people/{id}/suspend");
        using var anonymous = PluginServer.Anonymous(_server);

        var refused = await ActivateAsync(anonymous, line.Login, line.Code, Password, HttpStatusCode.Forbidden);

        Assert.That(refused.Error, Does.Contain("suspendu"));
        Assert.That(_server.Runtime.Directory.Find(line.Login)!.PasswordHash, Is.Null);
        var reactivated = (await ExpectAsync(admin, HttpStatusCode.OK, HttpMethod.Post, $"people/{id}/reactivate")).Json;
        Assert.That(reactivated.GetProperty("person").GetProperty("etat").GetString(), Is.EqualTo("NotActivated"));
        await ActivateAsync(anonymous, line.Login, line.Code, Password, HttpStatusCode.OK);
        Assert.That(await ImapLoginWorksAsync(line.Login, Password), Is.True);
    }
}
