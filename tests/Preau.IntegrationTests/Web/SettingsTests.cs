using System.Globalization;
using System.Net;
using MailKit.Security;
using Preau.IntegrationTests.Infrastructure;

namespace Preau.IntegrationTests.Web;

/// <summary><c>/api/settings</c>: signature, notification address (used by the notices), language, and the
/// password change, through the real HTTP listener, SMTP and IMAP.</summary>
public class SettingsTests : SharedServerFixture
{
    private readonly SmtpSink _sink = new();

    private protected override void Configure(Dictionary<string, string?> settings)
    {
        settings["Smtp:RelayHost"] = "127.0.0.1";
        settings["Smtp:RelayPort"] = _sink.Port.ToString(CultureInfo.InvariantCulture);
        settings["Smtp:RelayRetryDelays:0"] = "00:00:00.300";
    }

    [OneTimeSetUp]
    public Task StartSink() => _sink.StartAsync();

    [OneTimeTearDown]
    public async Task StopSink() => await _sink.DisposeAsync();

    [Test]
    public async Task Settings_RoundTrip_AndLanguageInSession()
    {
        using var web = await WebApiSession.SignInAsync(Server, "cpe");
        var initial = await web.GetJsonAsync("api/settings");
        Assert.That(initial.GetProperty("language").GetString(), Is.EqualTo("fr"));
        Assert.That(initial.GetProperty("signature").GetString(), Is.Empty);

        var saved = await web.SendJsonAsync(HttpMethod.Put, "api/settings", new { signature = "Le CPE\nCollège Jean Moulin", notificationAddress = "cpe.perso@exemple.org", language = "en" });
        Assert.That(saved.GetProperty("notificationAddress").GetString(), Is.EqualTo("cpe.perso@exemple.org"));

        var read = await web.GetJsonAsync("api/settings");
        Assert.That(read.GetProperty("signature").GetString(), Is.EqualTo("Le CPE\nCollège Jean Moulin"));
        Assert.That(read.GetProperty("notificationAddress").GetString(), Is.EqualTo("cpe.perso@exemple.org"));
        Assert.That(read.GetProperty("language").GetString(), Is.EqualTo("en"));
        Assert.That((await web.GetJsonAsync("api/session")).GetProperty("language").GetString(), Is.EqualTo("en"));
        Assert.That(Server.Runtime.Directory.Find("cpe")!.NotificationAddress, Is.EqualTo("cpe.perso@exemple.org"));

        await web.SendJsonAsync(HttpMethod.Put, "api/settings", new { signature = "", notificationAddress = (string?)null, language = "fr" });
        Assert.That((await web.GetJsonAsync("api/settings")).GetProperty("notificationAddress").ValueKind, Is.EqualTo(System.Text.Json.JsonValueKind.Null));
    }

    [TestCase("pas-une-adresse", "n'est pas une adresse")]
    [TestCase("Nom <nom@exemple.org>", "n'est pas une adresse")]
    [TestCase("a@b@exemple.org", "n'est pas une adresse")]
    [TestCase("moi@demo.preau.test", "extérieure")]
    public async Task Settings_BadNotificationAddress_Is400(string address, string reason)
    {
        using var web = await WebApiSession.SignInAsync(Server, "prof.anglais");
        var error = await web.SendJsonAsync(HttpMethod.Put, "api/settings", new { signature = "", notificationAddress = address, language = "fr" }, HttpStatusCode.BadRequest);
        Assert.That(error.GetProperty("error").GetString(), Does.Contain(reason));
        Assert.That(Server.Runtime.Directory.Find("prof.anglais")!.NotificationAddress, Is.Null);
    }

    [Test]
    public async Task Settings_UnknownLanguage_Is400()
    {
        using var web = await WebApiSession.SignInAsync(Server, "prof.anglais");
        var error = await web.SendJsonAsync(HttpMethod.Put, "api/settings", new { signature = "", language = "de" }, HttpStatusCode.BadRequest);
        Assert.That(error.GetProperty("error").GetString(), Does.Contain("« de »"));
    }

    [Test]
    public async Task NotificationAddress_SetOnTheWeb_ReceivesTheNoticeOfNewMail()
    {
        using (var web = await WebApiSession.SignInAsync(Server, "parent.6a"))
        {
            await web.SendJsonAsync(HttpMethod.Put, "api/settings", new { signature = "", notificationAddress = "parent.maison@exemple.org", language = "fr" });
        }

        var before = _sink.Messages.Count;
        using (var smtp = await Server.SubmitAsync("prof.maths"))
        {
            await smtp.SendAsync(TestServer.Message("prof.maths", "parent.6a"));
        }

        var received = await _sink.WaitForMessagesAsync(before + 1, TimeSpan.FromSeconds(30));
        var notice = received.Skip(before).Single(m => m.Recipients.Contains("parent.maison@exemple.org"));
        Assert.That(notice.Parse().Subject, Does.StartWith("Nouveau message de"));
    }

    [Test]
    public async Task PasswordChange_NewWorksForImap_OldFails_ThisSessionStays_OthersEnd()
    {
        using var other = await WebApiSession.SignInAsync(Server, "eleve.5b");
        using var web = await WebApiSession.SignInAsync(Server, "eleve.5b");
        var wrong = await web.SendJsonAsync(HttpMethod.Post, "api/settings/password", new { current = "pas-le-bon", @new = "nouveau-mot-2-passe" }, HttpStatusCode.BadRequest);
        Assert.That(wrong.GetProperty("error").GetString(), Does.Contain("actuel est incorrect"));
        var weak = await web.SendJsonAsync(HttpMethod.Post, "api/settings/password", new { current = TestServer.Password, @new = "court" }, HttpStatusCode.BadRequest);
        Assert.That(weak.GetProperty("error").GetString(), Does.Contain("au moins 8"));
        var login = await web.SendJsonAsync(HttpMethod.Post, "api/settings/password", new { current = TestServer.Password, @new = "ELEVE.5B" }, HttpStatusCode.BadRequest);
        Assert.That(login.GetProperty("error").GetString(), Does.Contain("identifiant"));

        await web.SendJsonAsync(HttpMethod.Post, "api/settings/password", new { current = TestServer.Password, @new = "nouveau-mot-2-passe" }, HttpStatusCode.NoContent);

        using (var imap = new MailKit.Net.Imap.ImapClient { ServerCertificateValidationCallback = (_, _, _, _) => true })
        {
            await imap.ConnectAsync("127.0.0.1", Server.ImapTlsPort, SecureSocketOptions.SslOnConnect);
            await Assert.ThrowsAsync<AuthenticationException>(() => imap.AuthenticateAsync("eleve.5b", TestServer.Password));
            await imap.AuthenticateAsync("eleve.5b", "nouveau-mot-2-passe");
            Assert.That(imap.IsAuthenticated, Is.True);
        }

        Assert.That((await web.GetJsonAsync("api/session")).GetProperty("login").GetString(), Is.EqualTo("eleve.5b"), "the browser that changed it stays signed in");
        using (var ended = await other.GetAsync("api/session"))
        {
            Assert.That(ended.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized), "other sessions end");
        }

        Assert.That(Server.Runtime.Audit.Recent(20).Any(e => e.Action == "account.passwd" && e.Detail == "eleve.5b" && !e.Detail.Contains("nouveau", StringComparison.Ordinal)), Is.True);
    }
}
