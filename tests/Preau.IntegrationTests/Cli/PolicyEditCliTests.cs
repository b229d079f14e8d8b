using System.Text.Json;
using MailKit.Net.Smtp;
using MailKit.Security;
using Preau.IntegrationTests.Infrastructure;
using Preau.Server.Cli;

namespace Preau.IntegrationTests.Cli;

/// <summary><c>preau policy rules|list-rules|ratelimits</c> and <c>preau account create|reset-password</c>
/// against a running server: what they change applies to the next SMTP submission.</summary>
public class PolicyEditCliTests : SharedServerFixture
{
    private (int Exit, string Output) Run(params string[] words)
    {
        var output = new StringWriter();
        var exit = CliApp.Run(Server.Runtime, words, output);
        return (exit, output.ToString());
    }

    [Test]
    public async Task RulesSetFromAFile_TakeEffect_ThenReset()
    {
        var (exit, shown) = Run("policy", "rules", "show");
        Assert.That(exit, Is.Zero, shown);
        Assert.That(shown, Does.Contain("(from the configuration)"));
        var json = shown[..(shown.LastIndexOf(']') + 1)];
        var rules = JsonSerializer.Deserialize<List<JsonElement>>(json)!.Where(r => r.GetProperty("id").GetString() != "eleve-classe").ToList();
        var file = Path.Combine(Server.DataFolder, "rules.json");
        await File.WriteAllTextAsync(file, JsonSerializer.Serialize(rules));
        try
        {
            var (setExit, setOutput) = Run("policy", "rules", "set", file);
            Assert.That(setExit, Is.Zero, setOutput);
            Assert.That(setOutput, Does.Contain($"{rules.Count} rules in force"));
            using var smtp = await Server.SubmitAsync("eleve.6a");
            await Assert.ThrowsAsync<SmtpCommandException>(() => smtp.SendAsync(TestServer.Message("eleve.6a", "eleve2.6a")));
            Assert.That(Server.Runtime.Audit.Recent(10).First(e => e.Action == "policy.rules").Actor, Does.StartWith("cli:"));
        }
        finally
        {
            var (resetExit, resetOutput) = Run("policy", "rules", "reset");
            Assert.That(resetExit, Is.Zero, resetOutput);
            Assert.That(resetOutput, Does.Contain("back to the configuration"));
        }

        using var after = await Server.SubmitAsync("eleve.6a");
        await after.SendAsync(TestServer.Message("eleve.6a", "eleve2.6a"));
    }

    [Test]
    public async Task RulesSet_InvalidFile_RefusedWithTheReason()
    {
        var file = Path.Combine(Server.DataFolder, "bad-rules.json");
        await File.WriteAllTextAsync(file, """[{"id":"x","from":{},"to":{},"relation":"Telepathie","description":"d"}]""");
        var (exit, output) = Run("policy", "rules", "set", file);
        Assert.That(exit, Is.EqualTo(1));
        Assert.That(output, Does.Contain("refused:").And.Contain("Telepathie"));
        Assert.That(Server.Runtime.Policy.Overrides.Rules, Is.Null);
    }

    [Test]
    public async Task RateLimitsSetForOneProfile_KeepsTheOthers_ThenReset()
    {
        var (exit, output) = Run("policy", "ratelimits", "set", "Responsable", "--messages", "1", "--per", "60");
        Assert.That(exit, Is.Zero, output);
        try
        {
            Assert.That(output, Does.Contain("Responsable: 1 messages / 60 min"));
            Assert.That(Server.Runtime.Policy.Settings.RateLimitFor(Core.Accounts.Profile.Eleve).Messages, Is.EqualTo(40), "other profiles kept");
            using var smtp = await Server.SubmitAsync("parent.5b");
            await smtp.SendAsync(TestServer.Message("parent.5b", "eleve.5b"));
            var limited = await Assert.ThrowsAsync<SmtpCommandException>(() => smtp.SendAsync(TestServer.Message("parent.5b", "eleve.5b")));
            Assert.That((int)limited!.StatusCode, Is.EqualTo(450));
        }
        finally
        {
            Assert.That(Run("policy", "ratelimits", "reset").Exit, Is.Zero);
        }

        Assert.That(Run("policy", "ratelimits", "show").Output, Does.Contain("(from the configuration)"));
        Assert.That(Run("policy", "ratelimits", "set", "Eleve", "--messages", "5").Exit, Is.EqualTo(1), "a count needs its window");
    }

    [Test]
    public async Task AccountCreate_ThenResetPassword_NewPasswordLogsIn()
    {
        var (exit, output) = Run("account", "create", "--first", "Zoé", "--last", "Ça Va", "--profile", "Personnel", "--function", "Secretariat");
        Assert.That(exit, Is.Zero, output);
        Assert.That(output, Does.Contain("created zoe.ca-va <zoe.ca-va@demo.preau.test> (Personnel)"));
        var (resetExit, reset) = Run("account", "reset-password", "zoe.ca-va");
        Assert.That(resetExit, Is.Zero, reset);
        var password = reset.Split('\n').Single(l => l.StartsWith("password: ", StringComparison.Ordinal))["password: ".Length..].Trim();
        using var imap = new MailKit.Net.Imap.ImapClient { ServerCertificateValidationCallback = (_, _, _, _) => true };
        await imap.ConnectAsync("127.0.0.1", Server.ImapTlsPort, SecureSocketOptions.SslOnConnect);
        await imap.AuthenticateAsync("zoe.ca-va", password);
        Assert.That(imap.IsAuthenticated, Is.True);
        Assert.That(Run("account", "reset-password", "personne").Exit, Is.EqualTo(1));
    }
}
