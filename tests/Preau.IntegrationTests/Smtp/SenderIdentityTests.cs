using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;
using Preau.IntegrationTests.Infrastructure;
using Preau.Server.Cli;

namespace Preau.IntegrationTests.Smtp;

/// <summary>No one sends as someone else; suspended accounts neither log in, send nor receive.</summary>
public class SenderIdentityTests : SharedServerFixture
{
    [Test]
    public async Task MailFrom_AnotherAccountsAddress_Refused()
    {
        using var client = await Server.SubmitAsync("eleve.6a");
        var message = TestServer.Message("eleve.6a", "eleve2.6a");
        var ex = await Assert.ThrowsAsync<SmtpCommandException>(() =>
            client.SendAsync(message, MailboxAddress.Parse(TestServer.Address("prof.maths")), [MailboxAddress.Parse(TestServer.Address("eleve2.6a"))]));
        Assert.That(ex!.ErrorCode, Is.EqualTo(SmtpErrorCode.SenderNotAccepted));
        Assert.That(ex.Message, Is.EqualTo($"5.7.1 eleve.6a may only send as <eleve.6a@{TestServer.Domain}>, not <prof.maths@{TestServer.Domain}>"));
        Assert.That(Server.HasMessage("eleve2.6a", message.Subject), Is.False);
    }

    [Test]
    public async Task FromHeader_AnotherAccountsAddress_RefusedAtData()
    {
        using var client = await Server.SubmitAsync("eleve.6a");
        var message = TestServer.Message("prof.maths", "eleve2.6a");
        var ex = await Assert.ThrowsAsync<SmtpCommandException>(() =>
            client.SendAsync(message, MailboxAddress.Parse(TestServer.Address("eleve.6a")), [MailboxAddress.Parse(TestServer.Address("eleve2.6a"))]));
        Assert.That(ex!.ErrorCode, Is.EqualTo(SmtpErrorCode.MessageNotAccepted));
        Assert.That(ex.Message, Does.Contain("may only send with From: <eleve.6a@"));
        Assert.That(Server.HasMessage("eleve2.6a", message.Subject), Is.False);
    }

    [Test]
    public async Task ImplicitTls_AuthLogin_Works()
    {
        using var client = new SmtpClient { ServerCertificateValidationCallback = (_, _, _, _) => true };
        await client.ConnectAsync("127.0.0.1", Server.SubmissionTlsPort, SecureSocketOptions.SslOnConnect);
        Assert.That(client.AuthenticationMechanisms, Does.Contain("LOGIN").And.Contain("PLAIN"));
        client.AuthenticationMechanisms.Remove("PLAIN");
        await client.AuthenticateAsync(TestServer.Address("prof.anglais"), TestServer.Password);
        var message = TestServer.Message("prof.anglais", "eleve.5b");
        await client.SendAsync(message);
        Assert.That(Server.HasMessage("eleve.5b", message.Subject), Is.True);
    }

    [Test]
    public async Task WrongPassword_Refused()
    {
        using var client = new SmtpClient { ServerCertificateValidationCallback = (_, _, _, _) => true };
        await client.ConnectAsync("127.0.0.1", Server.SubmissionPort, SecureSocketOptions.StartTls);
        var ex = await Assert.ThrowsAsync<AuthenticationException>(() => client.AuthenticateAsync("cpe", "pas-le-bon"));
        Assert.That(ex!.Message, Does.Contain("535").Or.Contain("authentication failed"));
    }

    [Test]
    public async Task SuspendedAccount_CannotLogInSendOrReceive()
    {
        await using var server = await TestServer.StartAsync();
        using (var before = await server.SubmitAsync("eleve2.6a"))
        {
            // An open session notices the suspension at its next message.
            Assert.That(CliApp.Run(server.Runtime, ["account", "suspend", "eleve2.6a"], TextWriter.Null), Is.Zero);
            var ex = await Assert.ThrowsAsync<SmtpCommandException>(() => before.SendAsync(TestServer.Message("eleve2.6a", "eleve.6a")));
            Assert.That(ex!.Message, Does.Contain("eleve2.6a est suspendu et ne peut pas envoyer de message"));
        }

        await Assert.ThrowsAsync<AuthenticationException>(async () => (await server.SubmitAsync("eleve2.6a")).Dispose());

        using var sender = await server.SubmitAsync("eleve.6a");
        var refused = await Assert.ThrowsAsync<SmtpCommandException>(() => sender.SendAsync(TestServer.Message("eleve.6a", "eleve2.6a")));
        Assert.That(refused!.Message, Is.EqualTo("5.2.1 eleve2.6a est suspendu et ne recoit pas de message"));

        Assert.That(CliApp.Run(server.Runtime, ["account", "reactivate", "eleve2.6a"], TextWriter.Null), Is.Zero);
        using var again = await server.SubmitAsync("eleve2.6a");
        Assert.That(again.IsAuthenticated, Is.True);
    }

    [Test]
    public async Task EmergencyStop_BlocksPupilsUntilLifted()
    {
        await using var server = await TestServer.StartAsync();
        Assert.That(CliApp.Run(server.Runtime, ["policy", "pupil-stop", "on"], TextWriter.Null), Is.Zero);
        using (var pupil = await server.SubmitAsync("eleve.6a"))
        {
            var ex = await Assert.ThrowsAsync<SmtpCommandException>(() => pupil.SendAsync(TestServer.Message("eleve.6a", "eleve2.6a")));
            Assert.That(ex!.Message, Does.Contain("l'envoi par les eleves est arrete par l'administrateur"));
        }

        using (var teacher = await server.SubmitAsync("prof.maths"))
        {
            await teacher.SendAsync(TestServer.Message("prof.maths", "eleve.6a"));
        }

        Assert.That(CliApp.Run(server.Runtime, ["policy", "pupil-stop", "off"], TextWriter.Null), Is.Zero);
        using var after = await server.SubmitAsync("eleve.6a");
        await after.SendAsync(TestServer.Message("eleve.6a", "eleve2.6a"));
    }

    [Test]
    public async Task RateLimit_BlockedSenderToldWhyAndUntilWhen()
    {
        await using var server = await TestServer.StartAsync(s =>
        {
            s["Policy:RateLimits:Eleve:Messages"] = "3";
            s["Policy:RateLimits:Eleve:MessageWindow"] = "00:10:00";
            s["Policy:RateLimits:Eleve:Recipients"] = "100";
            s["Policy:RateLimits:Eleve:RecipientWindow"] = "01:00:00";
        });
        using var client = await server.SubmitAsync("eleve.6a");
        for (var i = 0; i < 3; i++)
        {
            await client.SendAsync(TestServer.Message("eleve.6a", "eleve2.6a"));
        }

        var ex = await Assert.ThrowsAsync<SmtpCommandException>(() => client.SendAsync(TestServer.Message("eleve.6a", "eleve2.6a")));
        Assert.That((int)ex!.StatusCode, Is.EqualTo(450));
        Assert.That(ex.Message, Does.Match(@"^4\.7\.1 eleve\.6a has reached the sending limit of 3 messages per 10 min for Eleve; try again after \d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC$"));
    }

    [Test]
    public async Task Reply_RecipientMayAnswerSenderButReplyAllDoesNotWiden()
    {
        // parent.5b may not write first to prof.maths (who does not teach eleve.5b)…
        using (var parent = await Server.SubmitAsync("parent.5b"))
        {
            await Assert.ThrowsAsync<SmtpCommandException>(() => parent.SendAsync(TestServer.Message("parent.5b", "prof.maths")));
        }

        // …but prof.maths writes to parent.5b and parent.6a (the directory lets staff write to anyone)…
        using (var teacher = await Server.SubmitAsync("prof.maths"))
        {
            await teacher.SendAsync(TestServer.Message("prof.maths", "parent.5b", "parent.6a"));
        }

        // …so parent.5b may answer prof.maths, but not reply-all to parent.6a.
        using var reply = await Server.SubmitAsync("parent.5b");
        var answer = TestServer.Message("parent.5b", "prof.maths");
        await reply.SendAsync(answer);
        Assert.That(Server.HasMessage("prof.maths", answer.Subject), Is.True);
        var ex = await Assert.ThrowsAsync<SmtpCommandException>(() => reply.SendAsync(TestServer.Message("parent.5b", "prof.maths", "parent.6a")));
        Assert.That(ex!.Message, Does.StartWith("5.7.1 parent.5b ne peut pas ecrire a parent.6a"));
    }
}
