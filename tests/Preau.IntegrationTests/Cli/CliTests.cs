using System.Text.Json;
using MailKit.Security;
using Preau.IntegrationTests.Infrastructure;
using Preau.Server.Cli;

namespace Preau.IntegrationTests.Cli;

/// <summary>The administration verbs, in process and through the running server's admin socket.</summary>
public class CliTests : SharedServerFixture
{
    private (int Exit, string Output) Run(params string[] words)
    {
        var output = new StringWriter();
        var exit = CliApp.Run(Server.Runtime, words, output);
        return (exit, output.ToString());
    }

    [Test]
    public void AccountList_Json_ListsPersonasWithClasses()
    {
        var (exit, output) = Run("account", "list", "--json");
        Assert.That(exit, Is.Zero);
        using var json = JsonDocument.Parse(output);
        var rows = json.RootElement.EnumerateArray().ToArray();
        Assert.That(rows, Has.Length.GreaterThan(1500));
        var pupil = rows.Single(r => r.GetProperty("login").GetString() == "eleve.6a");
        Assert.That(pupil.GetProperty("address").GetString(), Is.EqualTo("eleve.6a@demo.preau.test"));
        Assert.That(pupil.GetProperty("profile").GetString(), Is.EqualTo("Eleve"));
        Assert.That(pupil.GetProperty("state").GetString(), Is.EqualTo("Active"));
        Assert.That(pupil.GetProperty("classes").EnumerateArray().Select(c => c.GetString()), Is.EqualTo(new[] { "6A" }));
        var teacher = rows.Single(r => r.GetProperty("login").GetString() == "prof.anglais");
        Assert.That(teacher.GetProperty("classes").EnumerateArray().Select(c => c.GetString()), Is.EqualTo(new[] { "5B", "6A" }));
        var cpe = rows.Single(r => r.GetProperty("login").GetString() == "cpe");
        Assert.That(cpe.GetProperty("function").GetString(), Is.EqualTo("Cpe"));
    }

    [Test]
    public void AccountList_FilteredByClass_ShowsItsPupilsAndTeachers()
    {
        var (exit, output) = Run("account", "list", "--class", "6A");
        Assert.That(exit, Is.Zero);
        Assert.That(output, Does.Contain("eleve.6a").And.Contain("prof.maths").And.Not.Contain("eleve.5b "));
    }

    [Test]
    public async Task AccountAdd_ThenPasswd_NewAccountLogsInAndSends()
    {
        var (exit, output) = Run("account", "add", "prof.histoire", "--profile", "Enseignant", "--first", "Hélène", "--last", "Roux", "--class", "5B", "--password", "premier-mdp");
        Assert.That(exit, Is.Zero, output);
        Assert.That(output, Does.Contain("created prof.histoire <prof.histoire@demo.preau.test>"));
        Assert.That(Run("account", "passwd", "prof.histoire", "--password", "second-mdp").Exit, Is.Zero);

        using var client = new MailKit.Net.Smtp.SmtpClient { ServerCertificateValidationCallback = (_, _, _, _) => true };
        await client.ConnectAsync("127.0.0.1", Server.SubmissionPort, SecureSocketOptions.StartTls);
        await Assert.ThrowsAsync<AuthenticationException>(() => client.AuthenticateAsync("prof.histoire", "premier-mdp"));
        await client.AuthenticateAsync("prof.histoire", "second-mdp");

        // Teaching 5B, the new teacher may use the 5B list.
        var message = TestServer.Message("prof.histoire", "eleves.5b");
        await client.SendAsync(message);
        Assert.That(Server.HasMessage("eleve.5b", message.Subject), Is.True);
    }

    [TestCase("account", "add", "eleves.6b", "--profile", "Eleve", ExpectedResult = 1, TestName = "AccountAdd_ListShapedLogin_Refused")]
    [TestCase("account", "add", "prof.maths", "--profile", "Enseignant", ExpectedResult = 1, TestName = "AccountAdd_TakenLogin_Refused")]
    [TestCase("account", "add", "x", "--profile", "Directeur", ExpectedResult = 2, TestName = "AccountAdd_UnknownProfile_UsageError")]
    [TestCase("account", "suspend", "personne", ExpectedResult = 1, TestName = "AccountSuspend_UnknownLogin_Refused")]
    [TestCase("policy", "external", "open", "--class", "9Z", ExpectedResult = 1, TestName = "PolicyExternal_UnknownClass_Refused")]
    [TestCase("policy", "pupil-stop", "peut-etre", ExpectedResult = 2, TestName = "PolicyPupilStop_BadWord_UsageError")]
    [TestCase("account", "frobnicate", ExpectedResult = 2, TestName = "UnknownVerb_PrintsUsage")]
    public int Verb_BadInput_ClearErrorAndExitCode(params string[] words) => Run(words).Exit;

    [Test]
    public void PolicyShow_PrintsRuleTableAndSwitches()
    {
        var (exit, output) = Run("policy", "show");
        Assert.That(exit, Is.Zero);
        Assert.That(output, Does.Contain("Max recipients per message: 150").And.Contain("eleve-parents").And.Contain("External mail for pupils: closed"));
    }

    [Test]
    public void Audit_RecordsAdministrativeChanges()
    {
        Run("policy", "external", "open", "--level", "5E");
        Run("policy", "external", "close", "--level", "5E");
        var (_, output) = Run("audit", "list", "--max", "5");
        Assert.That(output, Does.Contain("policy.external").And.Contain("level 5E closed"));
    }

    [Test]
    public void AdminSocket_RunsVerbsInTheRunningServer()
    {
        var reply = RemoteCli.TryRun(Server.DataFolder, ["account", "suspend", "eleve2.6a"]);
        Assert.That(reply, Is.Not.Null);
        Assert.That(reply!.Exit, Is.Zero, reply.Output);
        Assert.That(Server.Runtime.Directory.Find("eleve2.6a")!.State, Is.EqualTo(Preau.Core.Accounts.AccountState.Suspended), "the running server's own state changed");
        Assert.That(RemoteCli.TryRun(Server.DataFolder, ["account", "reactivate", "eleve2.6a"])!.Exit, Is.Zero);
    }
}
