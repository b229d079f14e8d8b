using System.Globalization;
using System.Net;
using System.Text.Json;
using MailKit.Net.Smtp;
using Preau.IntegrationTests.Infrastructure;

namespace Preau.IntegrationTests.Web;

/// <summary><c>/api/admin/policy</c>: external openings, emergency stop, rule table, list rules and rate
/// limits changed by the administrator and applied at once to mail submitted over SMTP. Each test puts
/// the policy back as it found it.</summary>
public class AdminPolicyTests : SharedServerFixture
{
    private const string Outside = "ami@exemple.org";
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
    public async Task External_OpenedForAClass_ItsPupilReachesOutside_AnotherClassDoesNot()
    {
        using var admin = await WebApiSession.SignInAsync(Server, "admin");
        var before = await admin.GetJsonAsync("api/admin/policy");
        Assert.That(before.GetProperty("classesAvailable").EnumerateArray().Select(c => c.GetProperty("code").GetString()), Does.Contain("6A"));
        Assert.That(before.GetProperty("external").GetProperty("classes").GetArrayLength(), Is.Zero);

        var opened = await admin.SendJsonAsync(HttpMethod.Put, "api/admin/policy/external", new { scope = "class", code = "6a", open = true });
        Assert.That(opened.GetProperty("external").GetProperty("classes").EnumerateArray().Select(c => c.GetString()), Is.EqualTo(new[] { "6A" }));
        try
        {
            var message = TestServer.Message("eleve.6a", Outside);
            var count = _sink.Messages.Count;
            using (var smtp = await Server.SubmitAsync("eleve.6a"))
            {
                await smtp.SendAsync(message);
            }

            var relayed = (await _sink.WaitForMessagesAsync(count + 1, TimeSpan.FromSeconds(30))).Skip(count).Single();
            Assert.That(relayed.Recipients, Is.EqualTo(new[] { Outside }));
            Assert.That(relayed.Parse().Subject, Is.EqualTo(message.Subject));

            using var other = await Server.SubmitAsync("eleve.5b");
            var refused = await Assert.ThrowsAsync<SmtpCommandException>(() => other.SendAsync(TestServer.Message("eleve.5b", Outside)));
            Assert.That((int)refused!.StatusCode, Is.EqualTo(550));
            Assert.That(Server.Runtime.Audit.Recent(20).Any(e => e.Action == "policy.external" && e.Actor == "admin" && e.Detail.Contains("6A", StringComparison.Ordinal)), Is.True);
        }
        finally
        {
            await admin.SendJsonAsync(HttpMethod.Put, "api/admin/policy/external", new { scope = "class", code = "6A", open = false });
        }

        using var closed = await Server.SubmitAsync("eleve.6a");
        await Assert.ThrowsAsync<SmtpCommandException>(() => closed.SendAsync(TestServer.Message("eleve.6a", Outside)));
    }

    [Test]
    public async Task External_UnknownClassOrScope_Is400()
    {
        using var admin = await WebApiSession.SignInAsync(Server, "admin");
        var noClass = await admin.SendJsonAsync(HttpMethod.Put, "api/admin/policy/external", new { scope = "class", code = "9Z", open = true }, HttpStatusCode.BadRequest);
        Assert.That(noClass.GetProperty("error").GetString(), Does.Contain("9Z"));
        var noLevel = await admin.SendJsonAsync(HttpMethod.Put, "api/admin/policy/external", new { scope = "level", code = "CM2", open = true }, HttpStatusCode.BadRequest);
        Assert.That(noLevel.GetProperty("error").GetString(), Does.Contain("CM2"));
        await admin.SendJsonAsync(HttpMethod.Put, "api/admin/policy/external", new { scope = "monde", open = true }, HttpStatusCode.BadRequest);
        await admin.SendJsonAsync(HttpMethod.Put, "api/admin/policy/external", new { scope = "all" }, HttpStatusCode.BadRequest);
    }

    [Test]
    public async Task Rules_Edited_TakeEffectAtOnce_AreAudited_AndResetRestoresTheDefaults()
    {
        using var admin = await WebApiSession.SignInAsync(Server, "admin");
        var policy = await admin.GetJsonAsync("api/admin/policy");
        Assert.That(policy.GetProperty("overridden").GetProperty("rules").GetBoolean(), Is.False);
        var rules = policy.GetProperty("rules").EnumerateArray().Where(r => r.GetProperty("id").GetString() != "eleve-classe").Cast<object>().ToList();
        rules.Add(new
        {
            id = "eleve-tous-parents",
            from = new { profiles = new[] { "Eleve" } },
            to = new { profiles = new[] { "Responsable" } },
            relation = "SameEstablishment",
            description = "test : les élèves écrivent à tous les parents",
        });

        var edited = await admin.SendJsonAsync(HttpMethod.Put, "api/admin/policy/rules", rules);
        Assert.That(edited.GetProperty("overridden").GetProperty("rules").GetBoolean(), Is.True);
        try
        {
            using (var smtp = await Server.SubmitAsync("eleve.6a"))
            {
                var classmate = await Assert.ThrowsAsync<SmtpCommandException>(() => smtp.SendAsync(TestServer.Message("eleve.6a", "eleve2.6a")));
                Assert.That(classmate!.Message, Does.Contain("eleve.6a ne peut pas ecrire a eleve2.6a"));
                await smtp.SendAsync(TestServer.Message("eleve.6a", "parent.5b"));
            }

            var entry = Server.Runtime.Audit.Recent(20).First(e => e.Action == "policy.rules");
            Assert.That(entry.Actor, Is.EqualTo("admin"));
            Assert.That(entry.Detail, Does.Contain("ajoutées eleve-tous-parents").And.Contain("retirées eleve-classe"));
        }
        finally
        {
            var reset = await admin.SendJsonAsync(HttpMethod.Delete, "api/admin/policy/rules", null);
            Assert.That(reset.GetProperty("overridden").GetProperty("rules").GetBoolean(), Is.False);
        }

        using (var smtp = await Server.SubmitAsync("eleve.6a"))
        {
            await smtp.SendAsync(TestServer.Message("eleve.6a", "eleve2.6a"));
            await Assert.ThrowsAsync<SmtpCommandException>(() => smtp.SendAsync(TestServer.Message("eleve.6a", "parent.5b")));
        }

        Assert.That(Server.Runtime.Audit.Recent(20).Any(e => e.Action == "policy.rules.reset"), Is.True);
    }

    [TestCase("""[{"id":"x","from":{"profiles":["Eleve"]},"to":{"profiles":["Eleve"]},"relation":"Foo","description":"d"}]""", "relation", "Foo")]
    [TestCase("""[{"id":"x","from":{"profiles":["Martien"]},"to":{"profiles":["Eleve"]},"relation":"SameClass","description":"d"}]""", "from.profiles", "Martien")]
    [TestCase("""[{"id":"x","from":{"functions":["Pilote"]},"to":{},"relation":"SameClass","description":"d"}]""", "from.functions", "Pilote")]
    [TestCase("""[{"id":"x","from":{},"to":{},"relation":"SameClass","description":"d"},{"id":"x","from":{},"to":{},"relation":"SameClass","description":"d"}]""", "deux fois", "x")]
    [TestCase("""[{"id":"Avec Espace","from":{},"to":{},"relation":"SameClass","description":"d"}]""", "id", "Avec Espace")]
    [TestCase("""[{"id":"x","from":{},"to":{},"relation":"SameClass"}]""", "description", "x")]
    [TestCase("""[{"id":"listes-eleves","from":{},"to":{},"relation":"SameClass","description":"d"}]""", "déjà celui", "listes-eleves")]
    [TestCase("""[]""", "au moins une règle", "")]
    [TestCase("""{"pas":"un tableau"}""", "JSON", "")]
    public async Task Rules_Invalid_Is400WithReason_AndNothingChanges(string json, string reason, string named)
    {
        using var admin = await WebApiSession.SignInAsync(Server, "admin");
        var before = Server.Runtime.Policy.Settings;
        using var response = await admin.SendAsync(HttpMethod.Put, "api/admin/policy/rules", JsonDocument.Parse(json).RootElement);
        var error = (await WebApiSession.JsonAsync(response, HttpStatusCode.BadRequest)).GetProperty("error").GetString();
        Assert.That(error, Does.Contain(reason).And.Contain(named));
        Assert.That(Server.Runtime.Policy.Settings, Is.SameAs(before));
    }

    [Test]
    public async Task RateLimits_Lowered_RefuseTheNextMessage_ResetRestores()
    {
        using var admin = await WebApiSession.SignInAsync(Server, "admin");
        var limits = new[] { new { profile = "Eleve", messages = 1, messageWindowMinutes = 60, recipients = 0, recipientWindowMinutes = 0 } };
        var set = await admin.SendJsonAsync(HttpMethod.Put, "api/admin/policy/rate-limits", limits);
        Assert.That(set.GetProperty("rateLimits").GetArrayLength(), Is.EqualTo(1));
        try
        {
            using var smtp = await Server.SubmitAsync("eleve2.6a");
            await smtp.SendAsync(TestServer.Message("eleve2.6a", "eleve.6a"));
            var limited = await Assert.ThrowsAsync<SmtpCommandException>(() => smtp.SendAsync(TestServer.Message("eleve2.6a", "eleve.6a")));
            Assert.That((int)limited!.StatusCode, Is.EqualTo(450));
            Assert.That(limited.Message, Does.Contain("1 messages per 1 h"));
            Assert.That(Server.Runtime.Audit.Recent(20).Any(e => e.Action == "policy.rate-limits" && e.Detail.Contains("Eleve 1 messages / 60 min", StringComparison.Ordinal)), Is.True);
        }
        finally
        {
            await admin.SendJsonAsync(HttpMethod.Delete, "api/admin/policy/rate-limits", null);
        }

        using var again = await Server.SubmitAsync("eleve2.6a");
        await again.SendAsync(TestServer.Message("eleve2.6a", "eleve.6a"));

        var bad = await admin.SendJsonAsync(HttpMethod.Put, "api/admin/policy/rate-limits", new[] { new { profile = "Eleve", messages = 5, messageWindowMinutes = 0, recipients = 0, recipientWindowMinutes = 0 } }, HttpStatusCode.BadRequest);
        Assert.That(bad.GetProperty("error").GetString(), Does.Contain("messageWindowMinutes"));
    }

    [Test]
    public async Task EmergencyStop_StopsEveryPupil_UntilLifted()
    {
        using var admin = await WebApiSession.SignInAsync(Server, "admin");
        var stopped = await admin.SendJsonAsync(HttpMethod.Put, "api/admin/policy/emergency-stop", new { stopped = true });
        Assert.That(stopped.GetProperty("pupilSendingStopped").GetBoolean(), Is.True);
        try
        {
            using var smtp = await Server.SubmitAsync("eleve.5b");
            var refused = await Assert.ThrowsAsync<SmtpCommandException>(() => smtp.SendAsync(TestServer.Message("eleve.5b", "prof.anglais")));
            Assert.That(refused!.Message, Does.Contain("arret d'urgence"));
        }
        finally
        {
            await admin.SendJsonAsync(HttpMethod.Put, "api/admin/policy/emergency-stop", new { stopped = false });
        }

        using var after = await Server.SubmitAsync("eleve.5b");
        await after.SendAsync(TestServer.Message("eleve.5b", "prof.anglais"));
    }

    [Test]
    public async Task ListRules_Replaced_SurviveARestart_ThenReset()
    {
        using (var admin = await WebApiSession.SignInAsync(Server, "admin"))
        {
            var lists = new[] { new { id = "listes-personnels", from = new { profiles = new[] { "Personnel", "AdministrateurEnt" } }, lists = new[] { "Pupils" }, scope = "Any", description = "le personnel écrit aux élèves des classes" } };
            await admin.SendJsonAsync(HttpMethod.Put, "api/admin/policy/list-rules", lists);
        }

        await Server.RestartAsync();
        using (var admin = await WebApiSession.SignInAsync(Server, "admin"))
        {
            var policy = await admin.GetJsonAsync("api/admin/policy");
            Assert.That(policy.GetProperty("overridden").GetProperty("listRules").GetBoolean(), Is.True);
            Assert.That(policy.GetProperty("listRules").EnumerateArray().Single().GetProperty("lists").EnumerateArray().Select(l => l.GetString()), Is.EqualTo(new[] { "Pupils" }));
            using (var smtp = await Server.SubmitAsync("prof.maths"))
            {
                await Assert.ThrowsAsync<SmtpCommandException>(() => smtp.SendAsync(TestServer.Message("prof.maths", "eleves.6a")));
            }

            var reset = await admin.SendJsonAsync(HttpMethod.Delete, "api/admin/policy/list-rules", null);
            Assert.That(reset.GetProperty("listRules").GetArrayLength(), Is.GreaterThan(1));
        }

        using var teacher = await Server.SubmitAsync("prof.maths");
        await teacher.SendAsync(TestServer.Message("prof.maths", "eleves.6a"));
    }
}
