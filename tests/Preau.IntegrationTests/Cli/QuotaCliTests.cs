using MailKit.Net.Smtp;
using Preau.IntegrationTests.Infrastructure;
using Preau.Server.Cli;

namespace Preau.IntegrationTests.Cli;

/// <summary><c>preau account quota</c> on a server with the default quotas: show, set, reset, and the
/// new quota enforced at once by SMTP and told by IMAP.</summary>
public class QuotaCliTests : SharedServerFixture
{
    private (int Exit, string Output) Run(params string[] words)
    {
        var output = new StringWriter();
        var exit = CliApp.Run(Server.Runtime, words, output);
        return (exit, output.ToString());
    }

    [Test]
    public void AccountQuota_Show_ProfileDefaultAndUsage()
    {
        var (exit, output) = Run("account", "quota", "parent.5b");

        Assert.That(exit, Is.Zero, output);
        Assert.That(output, Is.EqualTo("parent.5b: 0 octet in 0 messages, 0 % of 200 Mo (default of profile Responsable)" + Environment.NewLine));
        Assert.That(Run("account", "quota", "prof.anglais").Output, Does.Contain("of 1 Go (default of profile Enseignant)"));
    }

    [Test]
    public async Task AccountQuota_SetThenDefault_EnforcedAndReportedAtOnce()
    {
        var (exit, output) = Run("account", "quota", "eleve2.6a", "2K");
        Assert.That(exit, Is.Zero, output);
        Assert.That(output, Does.StartWith("eleve2.6a: ").And.EndWith(" of 2 Ko (own quota)" + Environment.NewLine));
        Assert.That(Server.Runtime.Directory.Find("eleve2.6a")!.QuotaBytes, Is.EqualTo(2048));

        using (var imap = await Server.ImapAsync("eleve2.6a"))
        {
            Assert.That((await imap.Inbox.GetQuotaAsync()).StorageLimit, Is.EqualTo(2));
        }

        // Five messages of about 600 octets do not all fit in 2 Ko.
        using var smtp = await Server.SubmitAsync("eleve.6a");
        var refused = 0;
        for (var i = 0; i < 5; i++)
        {
            try
            {
                await smtp.SendAsync(TestServer.Message("eleve.6a", "eleve2.6a"));
            }
            catch (SmtpCommandException e) when ((int)e.StatusCode == 452)
            {
                refused++;
            }
        }

        Assert.That(refused, Is.GreaterThan(0));
        Assert.That(Server.Runtime.Quotas.StatusOf(Server.Runtime.Directory.Find("eleve2.6a")!).Usage.Bytes, Is.LessThanOrEqualTo(2048));

        (exit, output) = Run("account", "quota", "eleve2.6a", "default");
        Assert.That(exit, Is.Zero, output);
        Assert.That(output, Does.EndWith(" of 200 Mo (default of profile Eleve)" + Environment.NewLine));
        Assert.That(Server.Runtime.Directory.Find("eleve2.6a")!.QuotaBytes, Is.Null);
        await smtp.SendAsync(TestServer.Message("eleve.6a", "eleve2.6a"));
        Assert.That(Server.Runtime.Store.GetAll(), Is.Empty, "nothing bounced or queued");
    }

    [Test]
    public void AccountQuota_Unlimited_NoLimitAndAudited()
    {
        var (exit, output) = Run("account", "quota", "cpe", "unlimited");

        Assert.That(exit, Is.Zero, output);
        Assert.That(output, Does.EndWith(", no limit (own quota)" + Environment.NewLine));
        Assert.That(Server.Runtime.Quotas.LimitOf(Server.Runtime.Directory.Find("cpe")!), Is.Null);
        Assert.That(Run("audit", "list").Output, Does.Contain("account.quota").And.Contain("cpe → unlimited"));
    }

    [TestCase("account", "quota", "personne", "1G", ExpectedResult = 1, TestName = "AccountQuota_UnknownLogin_Refused")]
    [TestCase("account", "quota", "eleve.5b", "beaucoup", ExpectedResult = 2, TestName = "AccountQuota_NotASize_UsageError")]
    [TestCase("account", "quota", "eleve.5b", "-5M", ExpectedResult = 2, TestName = "AccountQuota_NegativeSize_UsageError")]
    [TestCase("account", "quota", ExpectedResult = 2, TestName = "AccountQuota_NoLogin_UsageError")]
    public int AccountQuota_BadInput_ClearErrorAndExitCode(params string[] words)
    {
        var before = Server.Runtime.Directory.Find("eleve.5b")!.QuotaBytes;
        var exit = Run(words).Exit;
        Assert.That(Server.Runtime.Directory.Find("eleve.5b")!.QuotaBytes, Is.EqualTo(before));
        return exit;
    }
}
