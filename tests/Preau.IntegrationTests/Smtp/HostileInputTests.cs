using System.Diagnostics;
using System.Text;
using MailKit.Net.Smtp;
using Preau.IntegrationTests.Infrastructure;

namespace Preau.IntegrationTests.Smtp;

/// <summary>Malformed, oversized, out-of-order and hostile input, said over a raw socket: each gets an
/// error (or the session is closed cleanly), never a hang or a crash, and the server keeps serving.</summary>
public class HostileInputTests : SharedServerFixture
{
    private const int MaxMessageSize = 65536;
    private const string Outsider = "ami@exemple.org";
    private protected override void Configure(Dictionary<string, string?> settings) =>
        settings["Mail:MaxMessageSize"] = MaxMessageSize.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static string Local(string login) => TestServer.Address(login);

    private static string Base64Plain(string login, string password) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes($"\0{login}\0{password}"));

    /// <summary>A raw session on the inbound port, EHLO done.</summary>
    private async Task<RawSmtp> InboundAsync()
    {
        var raw = await RawSmtp.ConnectAsync(Server.InboundPort);
        Assert.That(raw.Greeting, Does.StartWith("220 "));
        Assert.That(await raw.SendAsync("EHLO mx.exemple.org"), Does.StartWith("250"), raw.Transcript);
        return raw;
    }

    /// <summary>A raw session on the submission port, under STARTTLS and logged in.</summary>
    private async Task<RawSmtp> SubmissionAsync(string login)
    {
        var raw = await RawSmtp.ConnectAsync(Server.SubmissionPort);
        Assert.That(await raw.SendAsync("EHLO client.test"), Does.StartWith("250"), raw.Transcript);
        await raw.StartTlsAsync();
        Assert.That(await raw.SendAsync("EHLO client.test"), Does.StartWith("250"), raw.Transcript);
        Assert.That(await raw.SendAsync("AUTH PLAIN " + Base64Plain(login, TestServer.Password)), Does.StartWith("235"), raw.Transcript);
        return raw;
    }

    /// <summary>The server still opens sessions and answers them.</summary>
    private async Task AssertServerStillServes()
    {
        await using var raw = await RawSmtp.ConnectAsync(Server.InboundPort);
        Assert.That(raw.Greeting, Does.StartWith("220 "), raw.Transcript);
        Assert.That(await raw.SendAsync("EHLO check.exemple.org"), Does.StartWith("250"), raw.Transcript);
        Assert.That(await raw.SendAsync("NOOP"), Does.StartWith("250"), raw.Transcript);
    }

    private static void AssertPermanentError(string? reply, RawSmtp raw) =>
        Assert.That(reply, Does.Match(@"^5\d\d[ -]"), raw.Transcript);

    [Test]
    public async Task Rcpt_NotAnAddress_SyntaxErrorAndSessionContinues()
    {
        await using var raw = await InboundAsync();
        Assert.That(await raw.SendAsync($"MAIL FROM:<{Outsider}>"), Does.StartWith("250"), raw.Transcript);
        AssertPermanentError(await raw.SendAsync("RCPT TO:<not an address>"), raw);
        Assert.That(await raw.SendAsync("NOOP"), Does.StartWith("250"), raw.Transcript);
        Assert.That(await raw.SendAsync($"RCPT TO:<{Local("prof.maths")}>"), Does.StartWith("250"), raw.Transcript);
    }

    [Test]
    public async Task MailFrom_SpaceInAddress_SyntaxErrorAndSessionContinues()
    {
        await using var raw = await InboundAsync();
        AssertPermanentError(await raw.SendAsync("MAIL FROM:<a b@c>"), raw);
        Assert.That(await raw.SendAsync("NOOP"), Does.StartWith("250"), raw.Transcript);
        Assert.That(await raw.SendAsync($"MAIL FROM:<{Outsider}>"), Does.StartWith("250"), raw.Transcript);
    }

    [Test]
    public async Task Command_EightBitGarbage_ErrorOrCleanCloseAndServerStillServes()
    {
        await using (var raw = await InboundAsync())
        {
            var garbage = new byte[300];
            new Random(42).NextBytes(garbage);
            for (var i = 0; i < garbage.Length; i++)
            {
                garbage[i] = garbage[i] is (byte)'\r' or (byte)'\n' ? (byte)0xE9 : (byte)(garbage[i] | 0x80);
            }

            await raw.SendRawAsync([.. garbage, (byte)'\r', (byte)'\n']);
            var reply = await raw.ReadReplyOrClosedAsync();
            if (reply is not null)
            {
                AssertPermanentError(reply, raw);
                Assert.That(await raw.SendAsync("NOOP"), Does.StartWith("250"), raw.Transcript);
            }
        }

        await AssertServerStillServes();
    }

    [Test]
    public async Task Command_NulBytesAndControlCharacters_ErrorOrCleanCloseAndServerStillServes()
    {
        await using (var raw = await InboundAsync())
        {
            await raw.SendRawAsync([0x00, 0x01, 0x1B, (byte)'M', (byte)'A', 0x00, (byte)'I', (byte)'L', 0x7F, (byte)'\r', (byte)'\n']);
            var reply = await raw.ReadReplyOrClosedAsync();
            if (reply is not null)
            {
                AssertPermanentError(reply, raw);
                Assert.That(await raw.SendAsync("NOOP"), Does.StartWith("250"), raw.Transcript);
            }
        }

        await AssertServerStillServes();
    }

    [Test]
    public async Task Command_OverlongLine_ErrorOrCloseAndServerStillServes()
    {
        await using (var raw = await InboundAsync())
        {
            var line = "NOOP " + new string('x', 100 * 1024) + "\r\n";
            try
            {
                await raw.SendRawAsync(Encoding.ASCII.GetBytes(line));
            }
            catch (IOException)
            {
                // The server may close while the line is still being written.
            }

            // 552 (the line is larger than the message size limit), or the connection is closed.
            var reply = await raw.ReadReplyOrClosedAsync();
            Assert.That(reply, Is.Null.Or.Match(@"^5\d\d "), raw.Transcript);
        }

        await AssertServerStillServes();
    }

    [Test]
    public async Task StartTls_CommandsPipelinedAheadOfHandshake_AreDiscarded()
    {
        await using var raw = await InboundAsync();
        await raw.SendRawAsync(Encoding.ASCII.GetBytes($"STARTTLS\r\nMAIL FROM:<x@y.z>\r\n"));
        Assert.That(await raw.ReadReplyAsync(), Does.StartWith("220"), raw.Transcript);
        await raw.UpgradeAsync();

        // Had the injected MAIL run after the handshake, this RCPT would be accepted.
        var rcpt = await raw.SendAsync($"RCPT TO:<{Local("prof.maths")}>");
        AssertPermanentError(rcpt, raw);

        // The session itself is fine: a MAIL sent under TLS works.
        Assert.That(await raw.SendAsync("EHLO mx.exemple.org"), Does.StartWith("250"), raw.Transcript);
        Assert.That(await raw.SendAsync($"MAIL FROM:<{Outsider}>"), Does.StartWith("250"), raw.Transcript);
        Assert.That(await raw.SendAsync($"RCPT TO:<{Local("prof.maths")}>"), Does.StartWith("250"), raw.Transcript);
    }

    [Test]
    public async Task Auth_WithoutTlsOnSubmission_NotAdvertisedAndRefused()
    {
        await using var raw = await RawSmtp.ConnectAsync(Server.SubmissionPort);
        var ehlo = await raw.SendAsync("EHLO client.test");
        Assert.That(ehlo, Does.StartWith("250").And.Contain("STARTTLS").And.Not.Contain("AUTH"), raw.Transcript);

        AssertPermanentError(await raw.SendAsync("AUTH PLAIN " + Base64Plain("prof.maths", TestServer.Password)), raw);
        AssertPermanentError(await raw.SendAsync("AUTH LOGIN"), raw);

        // Not logged in: the submission port still wants authentication before MAIL.
        var mail = await raw.SendAsync($"MAIL FROM:<{Local("prof.maths")}>");
        Assert.That(mail, Does.StartWith("530"), raw.Transcript);

        await raw.StartTlsAsync();
        var secureEhlo = await raw.SendAsync("EHLO client.test");
        Assert.That(secureEhlo, Does.Contain("AUTH PLAIN LOGIN").And.Not.Contain("STARTTLS"), raw.Transcript);
        Assert.That(await raw.SendAsync("AUTH PLAIN " + Base64Plain("prof.maths", TestServer.Password)), Does.StartWith("235"), raw.Transcript);
    }

    [Test]
    public async Task Ehlo_Inbound_AdvertisesRecipientLimitAndSize()
    {
        await using var raw = await RawSmtp.ConnectAsync(Server.InboundPort);
        var ehlo = await raw.SendAsync("EHLO mx.exemple.org");
        var lines = ehlo.Split('\n').Select(l => l[4..]).ToArray();
        Assert.That(lines, Does.Contain("LIMITS RCPTMAX=150"), raw.Transcript);
        Assert.That(lines, Does.Contain($"SIZE {MaxMessageSize}"), raw.Transcript);
        Assert.That(lines, Does.Contain("STARTTLS"), raw.Transcript);
    }

    [Test]
    public async Task MailFrom_DeclaredSizeTooBig_Refused552()
    {
        await using var raw = await InboundAsync();
        var reply = await raw.SendAsync($"MAIL FROM:<{Outsider}> SIZE={(MaxMessageSize * 4).ToString(System.Globalization.CultureInfo.InvariantCulture)}");
        Assert.That(reply, Does.StartWith("552"), raw.Transcript);
        Assert.That(await raw.SendAsync("NOOP"), Does.StartWith("250"), raw.Transcript);
    }

    [Test]
    public async Task Data_BiggerThanMaxMessageSize_Refused552AndNothingStored()
    {
        var subject = "Oversize " + Guid.NewGuid().ToString("N")[..8];
        await using (var raw = await InboundAsync())
        {
            Assert.That(await raw.SendAsync($"MAIL FROM:<{Outsider}>"), Does.StartWith("250"), raw.Transcript);
            Assert.That(await raw.SendAsync($"RCPT TO:<{Local("prof.maths")}>"), Does.StartWith("250"), raw.Transcript);
            Assert.That(await raw.SendAsync("DATA"), Does.StartWith("354"), raw.Transcript);
            var body = new StringBuilder()
                .Append($"From: <{Outsider}>\r\nTo: <{Local("prof.maths")}>\r\nSubject: {subject}\r\n\r\n");
            while (body.Length < MaxMessageSize * 2)
            {
                body.Append(new string('a', 76)).Append("\r\n");
            }

            body.Append(".\r\n");
            try
            {
                await raw.SendRawAsync(Encoding.ASCII.GetBytes(body.ToString()));
            }
            catch (IOException)
            {
                // The server may stop reading and close while the body is still being written.
            }

            var reply = await raw.ReadReplyOrClosedAsync();
            Assert.That(reply, Is.Null.Or.StartWith("552"), raw.Transcript);
        }

        Assert.That(Server.HasMessage("prof.maths", subject), Is.False);
        await AssertServerStillServes();
    }

    [Test]
    public async Task Data_JustUnderMaxMessageSize_Accepted()
    {
        var subject = "Fits " + Guid.NewGuid().ToString("N")[..8];
        await using var raw = await InboundAsync();
        Assert.That(await raw.SendAsync($"MAIL FROM:<{Outsider}>"), Does.StartWith("250"), raw.Transcript);
        Assert.That(await raw.SendAsync($"RCPT TO:<{Local("prof.maths")}>"), Does.StartWith("250"), raw.Transcript);
        Assert.That(await raw.SendAsync("DATA"), Does.StartWith("354"), raw.Transcript);
        var body = new StringBuilder()
            .Append($"From: <{Outsider}>\r\nTo: <{Local("prof.maths")}>\r\nSubject: {subject}\r\n\r\n");
        while (body.Length < MaxMessageSize / 2)
        {
            body.Append(new string('a', 76)).Append("\r\n");
        }

        await raw.SendRawAsync(Encoding.ASCII.GetBytes(body.Append(".\r\n").ToString()));
        Assert.That(await raw.ReadReplyAsync(), Does.StartWith("250"), raw.Transcript);
        Assert.That(Server.HasMessage("prof.maths", subject), Is.True);
    }

    [Test]
    public async Task MailFrom_DuplicateParameter_Refused501AndSessionContinues()
    {
        await using var raw = await InboundAsync();
        Assert.That(await raw.SendAsync($"MAIL FROM:<{Outsider}> SIZE=10 SIZE=20"), Does.Match(@"^5\d\d "), raw.Transcript);
        Assert.That(await raw.SendAsync("NOOP"), Does.StartWith("250"), raw.Transcript);
    }

    [Test]
    public async Task MailFrom_DuplicateParameter_ErrorOrCloseAndServerStillServes()
    {
        await using (var raw = await InboundAsync())
        {
            await raw.SendRawAsync(Encoding.ASCII.GetBytes($"MAIL FROM:<{Outsider}> SIZE=10 SIZE=20\r\n"));
            var reply = await raw.ReadReplyOrClosedAsync();
            Assert.That(reply, Is.Null.Or.Match(@"^5\d\d "), raw.Transcript);
        }

        await AssertServerStillServes();
    }

    [Test]
    public async Task Data_EmptyBody_AnsweredNotHung()
    {
        // RFC 5321 4.1.1.4: the CRLF ending the DATA line is the first CRLF of <CRLF>.<CRLF>.
        await using var server = await TestServer.StartAsync(s => s["Smtp:CommandTimeout"] = "00:00:01");
        await using var raw = await RawSmtp.ConnectAsync(server.InboundPort, TimeSpan.FromSeconds(4));
        Assert.That(await raw.SendAsync("EHLO mx.exemple.org"), Does.StartWith("250"), raw.Transcript);
        Assert.That(await raw.SendAsync($"MAIL FROM:<{Outsider}>"), Does.StartWith("250"), raw.Transcript);
        Assert.That(await raw.SendAsync($"RCPT TO:<{Local("prof.maths")}>"), Does.StartWith("250"), raw.Transcript);
        Assert.That(await raw.SendAsync("DATA"), Does.StartWith("354"), raw.Transcript);
        await raw.SendRawAsync(".\r\n"u8.ToArray());
        var reply = await raw.ReadReplyOrClosedAsync();
        Assert.That(reply, Does.Match(@"^[25]\d\d "), raw.Transcript);
    }

    [Test]
    public async Task Command_Unknown_Refused502AndSessionContinues()
    {
        await using var raw = await InboundAsync();
        Assert.That(await raw.SendAsync("FROBNICATE now"), Does.StartWith("502"), raw.Transcript);
        Assert.That(await raw.SendAsync("XYZZY"), Does.StartWith("502"), raw.Transcript);
        Assert.That(await raw.SendAsync("NOOP"), Does.StartWith("250"), raw.Transcript);
    }

    [Test]
    public async Task Data_BeforeRcpt_RefusedAndSessionContinues()
    {
        await using var raw = await InboundAsync();
        AssertPermanentError(await raw.SendAsync("DATA"), raw);
        Assert.That(await raw.SendAsync($"MAIL FROM:<{Outsider}>"), Does.StartWith("250"), raw.Transcript);
        AssertPermanentError(await raw.SendAsync("DATA"), raw);
        Assert.That(await raw.SendAsync("NOOP"), Does.StartWith("250"), raw.Transcript);
        Assert.That(await raw.SendAsync($"RCPT TO:<{Local("prof.maths")}>"), Does.StartWith("250"), raw.Transcript);
    }

    [Test]
    public async Task Rcpt_RefusedManyTimesInARow_SessionKeepsAnswering()
    {
        await using var raw = await InboundAsync();
        Assert.That(await raw.SendAsync($"MAIL FROM:<{Outsider}>"), Does.StartWith("250"), raw.Transcript);
        for (var i = 0; i < 20; i++)
        {
            var reply = await raw.SendAsync($"RCPT TO:<{Local("eleve.6a")}>");
            Assert.That(reply, Does.StartWith("550 5.7.1 "), raw.Transcript);
            Assert.That(reply, Does.Not.Contain("retry(ies)"), "SmtpServer's retry suffix is removed");
        }

        Assert.That(await raw.SendAsync($"RCPT TO:<{Local("prof.maths")}>"), Does.StartWith("250"), raw.Transcript);
        Assert.That(await raw.SendAsync("NOOP"), Does.StartWith("250"), raw.Transcript);
    }

    [Test]
    public async Task Submission_PipelinedBatchWithRefusals_EachCommandAnsweredInOrder()
    {
        await using var raw = await SubmissionAsync("eleve.6a");
        string[] batch =
        [
            $"MAIL FROM:<{Local("eleve.6a")}>",
            $"RCPT TO:<{Local("eleve2.6a")}>",
            $"RCPT TO:<{Local("parent.5b")}>",
            "RCPT TO:<not an address>",
            $"RCPT TO:<{Local("prof.maths")}>",
            "NOOP",
        ];
        await raw.SendRawAsync(Encoding.ASCII.GetBytes(string.Concat(batch.Select(c => c + "\r\n"))));
        var replies = new List<string>();
        foreach (var _ in batch)
        {
            replies.Add(await raw.ReadReplyAsync());
        }

        Assert.That(replies[0], Does.StartWith("250"), raw.Transcript);
        Assert.That(replies[1], Does.StartWith("250"), raw.Transcript);
        Assert.That(replies[2], Does.StartWith("550 5.7.1 eleve.6a ne peut pas ecrire a parent.5b"), raw.Transcript);
        AssertPermanentError(replies[3], raw);
        Assert.That(replies[4], Does.StartWith("250"), raw.Transcript);
        Assert.That(replies[5], Does.StartWith("250"), raw.Transcript);
        Assert.That(await raw.SendAsync("RSET"), Does.StartWith("250"), raw.Transcript);
    }

    [Test]
    public async Task Inbound_FromOutsideToPupil_Refused571()
    {
        using var client = await Server.InboundAsync();
        var message = TestServer.Message(Outsider, "eleve.6a");
        var ex = await Assert.ThrowsAsync<SmtpCommandException>(() => client.SendAsync(message));
        Assert.That((int)ex!.StatusCode, Is.EqualTo(550));
        Assert.That(ex.Message, Does.StartWith("5.7.1 ").And.Contain("eleve.6a"));
        Assert.That(Server.HasMessage("eleve.6a", message.Subject), Is.False);
    }

    [Test]
    public async Task Inbound_FromOutsideToTeacher_DeliveredToInbox()
    {
        using var client = await Server.InboundAsync();
        var message = TestServer.Message(Outsider, "prof.maths");
        await client.SendAsync(message);
        await client.DisconnectAsync(true);
        Assert.That(Server.HasMessage("prof.maths", message.Subject), Is.True);
    }

    [Test]
    public async Task Inbound_MailFromSchoolDomain_RefusedLocalSendersMustAuthenticate()
    {
        await using var raw = await InboundAsync();
        var reply = await raw.SendAsync($"MAIL FROM:<{Local("principal")}>");
        Assert.That(reply, Does.StartWith("550 5.7.1 ").And.Contain("authenticate"), raw.Transcript);
        AssertPermanentError(await raw.SendAsync($"RCPT TO:<{Local("prof.maths")}>"), raw);
        Assert.That(await raw.SendAsync("NOOP"), Does.StartWith("250"), raw.Transcript);
    }

    [Test]
    public async Task Inbound_RcptToAnotherDomain_RefusedNoOpenRelay()
    {
        await using var raw = await InboundAsync();
        Assert.That(await raw.SendAsync($"MAIL FROM:<{Outsider}>"), Does.StartWith("250"), raw.Transcript);
        var reply = await raw.SendAsync("RCPT TO:<victime@ailleurs.example>");
        Assert.That(reply, Does.StartWith("550 5.7.1 ").And.Contain("relais vers"), raw.Transcript);
        AssertPermanentError(await raw.SendAsync("DATA"), raw);
        Assert.That(Server.Runtime.Store.GetAll(), Is.Empty, "nothing is queued for relay");
    }
}
