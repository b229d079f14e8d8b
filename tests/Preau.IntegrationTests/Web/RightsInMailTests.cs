using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using Preau.Core.Accounts;
using Preau.Core.Rights;
using Preau.IntegrationTests.Infrastructure;

namespace Preau.IntegrationTests.Web;

/// <summary>The messagerie rights where mail goes through Core today: a right withdrawn in the admin API
/// refuses SMTP sending and IMAP login with the right's name; the sending rules still apply beneath.</summary>
public class RightsInMailTests : SharedServerFixture
{
    private async Task SetAsync(string right, string grantee, bool granted)
    {
        using var admin = await WebClient.SignedInAsync(Server, "admin");
        using var response = await admin.SendAsync(HttpMethod.Put, $"api/admin/grants/{right}/{grantee}", new { granted });
        Assert.That(response.IsSuccessStatusCode, Is.True, await response.Content.ReadAsStringAsync());
    }

    private async Task ResetAsync(string right, string grantee)
    {
        using var admin = await WebClient.SignedInAsync(Server, "admin");
        using var response = await admin.SendAsync(HttpMethod.Delete, $"api/admin/grants/{right}/{grantee}");
        Assert.That(response.IsSuccessStatusCode, Is.True);
    }

    [Test]
    public async Task SendRightWithdrawn_SmtpRefusesSendingNamingTheRight()
    {
        await SetAsync(CoreRights.MessagerieSend, "profile:Responsable", false);
        try
        {
            using var client = await Server.SubmitAsync("parent.6a");
            var ex = await Assert.ThrowsAsync<SmtpCommandException>(() => client.SendAsync(TestServer.Message("parent.6a", "prof.maths")));
            Assert.That(ex!.StatusCode, Is.EqualTo(SmtpStatusCode.MailboxUnavailable));
            Assert.That(ex.Message, Does.Contain("parent.6a n'a pas le droit messagerie.send"));

            using var teacher = await Server.SubmitAsync("prof.maths");
            var message = TestServer.Message("prof.maths", "parent.6a");
            await teacher.SendAsync(message);
            Assert.That(Server.HasMessage("parent.6a", message.Subject), Is.True, "others still send, and parents still receive");
        }
        finally
        {
            await ResetAsync(CoreRights.MessagerieSend, "profile:Responsable");
        }

        using var again = await Server.SubmitAsync("parent.6a");
        var back = TestServer.Message("parent.6a", "prof.maths");
        await again.SendAsync(back);
        Assert.That(Server.HasMessage("prof.maths", back.Subject), Is.True);
    }

    [Test]
    public async Task SendExternalWithdrawn_RecipientOutsideRefused_InsideAccepted()
    {
        await SetAsync(CoreRights.MessagerieSendExternal, "account:prof.anglais", false);
        await SetAsync(CoreRights.MessagerieSendExternal, "profile:Enseignant", false);
        try
        {
            using var client = await Server.SubmitAsync("prof.anglais");
            var ex = await Assert.ThrowsAsync<SmtpCommandException>(() => client.SendAsync(TestServer.Message("prof.anglais", "collegue@exemple.org")));
            Assert.That(ex!.ErrorCode, Is.EqualTo(SmtpErrorCode.RecipientNotAccepted));
            Assert.That(ex.Message, Does.Contain("messagerie.send-external"));

            var inside = TestServer.Message("prof.anglais", "prof.maths");
            await client.SendAsync(inside);
            Assert.That(Server.HasMessage("prof.maths", inside.Subject), Is.True);
        }
        finally
        {
            await ResetAsync(CoreRights.MessagerieSendExternal, "profile:Enseignant");
            await ResetAsync(CoreRights.MessagerieSendExternal, "account:prof.anglais");
        }
    }

    [Test]
    public async Task ReadRightWithdrawn_ImapLoginRefusedNamingTheRight()
    {
        await SetAsync(CoreRights.MessagerieRead, "profile:Eleve", false);
        try
        {
            using var client = new MailKit.Net.Imap.ImapClient { ServerCertificateValidationCallback = (_, _, _, _) => true };
            await client.ConnectAsync("127.0.0.1", Server.ImapTlsPort, SecureSocketOptions.SslOnConnect);
            var ex = await Assert.ThrowsAsync<AuthenticationException>(() => client.AuthenticateAsync("eleve.6a", TestServer.Password));
            Assert.That(ex!.Message, Does.Contain("messagerie.read"));

            using var teacher = await Server.ImapAsync("prof.maths", implicitTls: true);
            Assert.That(teacher.IsAuthenticated, Is.True);
        }
        finally
        {
            await ResetAsync(CoreRights.MessagerieRead, "profile:Eleve");
        }

        using var back = await Server.ImapAsync("eleve.6a", implicitTls: true);
        Assert.That(back.IsAuthenticated, Is.True);
    }

    [TestCase("prof.maths", false)]
    [TestCase("principal", true)]
    [TestCase("admin", true)]
    public void TargetedSubmission_OnlyWithSendTargeted(string login, bool accepted)
    {
        var sender = Server.Runtime.Directory.Find(login)!;
        var transaction = Server.Runtime.Submission.Begin(sender, new Core.Mail.SubmissionContext("PLUGIN", "local", IgnoreRecipientLimit: true));
        var decision = transaction.SetMailFrom(Server.Runtime.Directory.AddressOf(sender));
        Assert.That(decision.Accepted, Is.EqualTo(accepted), decision.Text);
        if (!accepted)
        {
            Assert.That(decision.Text, Is.EqualTo($"{login} n'a pas le droit communication.send-targeted (Communication ciblée : Envoyer une communication ciblée (sans limite de destinataires))"));
        }
    }

    [Test]
    public void RightsCheck_UsesTheAccountsCurrentRecord()
    {
        var account = Server.Runtime.Directory.Find("eleve.6a")!;
        Server.Runtime.Directory.SetState("eleve.6a", AccountState.Suspended, "test");
        try
        {
            Assert.That(Server.Runtime.Rights.Check(account, CoreRights.MessagerieSend).Allowed, Is.False);
        }
        finally
        {
            Server.Runtime.Directory.SetState("eleve.6a", AccountState.Active, "test");
        }
    }
}
