using System.Diagnostics;
using System.Text;
using MailKit.Net.Smtp;
using Preau.IntegrationTests.Infrastructure;

namespace Preau.IntegrationTests.Smtp;

/// <summary>Password guessing, on a server of its own: the throttle remembers failures per address,
/// and every test connects from 127.0.0.1.</summary>
public class HostileInputAuthTests : SharedServerFixture
{
    private async Task<RawSmtp> SecureSessionAsync()
    {
        var raw = await RawSmtp.ConnectAsync(Server.SubmissionPort, TimeSpan.FromSeconds(15));
        Assert.That(await raw.SendAsync("EHLO client.test"), Does.StartWith("250"), raw.Transcript);
        await raw.StartTlsAsync();
        Assert.That(await raw.SendAsync("EHLO client.test"), Does.StartWith("250"), raw.Transcript);
        return raw;
    }

    private static string Plain(string login, string password) =>
        "AUTH PLAIN " + Convert.ToBase64String(Encoding.UTF8.GetBytes($"\0{login}\0{password}"));

    [Test]
    public async Task Auth_WrongPasswordRepeated_Refused535ThenDelayed()
    {
        var timings = new List<TimeSpan>();
        await using (var raw = await SecureSessionAsync())
        {
            for (var i = 0; i < 3; i++)
            {
                var watch = Stopwatch.StartNew();
                var reply = await raw.SendAsync(Plain("prof.maths", "wrong-" + i));
                timings.Add(watch.Elapsed);
                Assert.That(reply, Does.StartWith("535"), raw.Transcript);
                Assert.That(reply, Does.Not.Contain("attempt(s)"), "SmtpServer's suffix is removed");
            }

            // SmtpServer ends the connection after three failed AUTH in one session.
            var bye = await raw.ReadReplyOrClosedAsync();
            Assert.That(bye, Is.Null.Or.StartWith("221"), raw.Transcript);
            Assert.That(await raw.IsClosedAsync(), Is.True, raw.Transcript);
        }

        await using (var raw = await SecureSessionAsync())
        {
            var watch = Stopwatch.StartNew();
            var reply = await raw.SendAsync(Plain("prof.maths", "wrong-again"));
            var delayed = watch.Elapsed;
            Assert.That(reply, Does.StartWith("535"), raw.Transcript);
            Assert.That(delayed, Is.GreaterThanOrEqualTo(TimeSpan.FromMilliseconds(200)), $"first attempts took {string.Join(", ", timings.Select(t => (int)t.TotalMilliseconds))} ms");
        }

        // Another login from the same address is slowed down as well (the throttle counts per address too).
        await using (var raw = await SecureSessionAsync())
        {
            var watch = Stopwatch.StartNew();
            var reply = await raw.SendAsync(Plain("prof.anglais", "wrong"));
            Assert.That(reply, Does.StartWith("535"), raw.Transcript);
            Assert.That(watch.Elapsed, Is.GreaterThanOrEqualTo(TimeSpan.FromMilliseconds(200)), raw.Transcript);
        }
    }

    [TestCase("AUTH PLAIN Zm9v")]
    [TestCase("AUTH PLAIN =")]
    [TestCase("AUTH LOGIN !!!")]
    [TestCase("AUTH CRAM-MD5")]
    [TestCase("AUTH")]
    public async Task Auth_MalformedExchange_ErrorOrCloseAndServerStillServes(string command)
    {
        await using (var raw = await SecureSessionAsync())
        {
            await raw.SendRawAsync(Encoding.ASCII.GetBytes(command + "\r\n"));
            var reply = await raw.ReadReplyOrClosedAsync();
            Assert.That(reply, Is.Null.Or.Match(@"^5\d\d"), raw.Transcript);
        }

        await using var next = await RawSmtp.ConnectAsync(Server.SubmissionPort);
        Assert.That(await next.SendAsync("EHLO client.test"), Does.StartWith("250"), next.Transcript);
    }

    [Test]
    public async Task Auth_LoginChallengeAnsweredWithGarbage_LoginFailsAndSessionContinues()
    {
        // The undecodable user name counts as an empty one: the exchange goes on to the password
        // prompt and fails with 535, as a wrong password would; the session is not dropped.
        await using var raw = await SecureSessionAsync();
        Assert.That(await raw.SendAsync("AUTH LOGIN"), Does.StartWith("334"), raw.Transcript);
        Assert.That(await raw.SendAsync("%%% not base64 %%%"), Does.StartWith("334"), raw.Transcript);
        Assert.That(await raw.SendAsync("*** nor this ***"), Does.StartWith("535"), raw.Transcript);
        Assert.That(await raw.SendAsync("NOOP"), Does.StartWith("250"), raw.Transcript);
    }

    [Test]
    public async Task Auth_LoginChallengeAnsweredWithGarbage_ErrorOrCloseAndServerStillServes()
    {
        await using (var raw = await SecureSessionAsync())
        {
            Assert.That(await raw.SendAsync("AUTH LOGIN"), Does.StartWith("334"), raw.Transcript);
            await raw.SendRawAsync("%%% not base64 %%%\r\n"u8.ToArray());
            var reply = await raw.ReadReplyOrClosedAsync();
            Assert.That(reply, Is.Null.Or.Match(@"^(5\d\d|334)"), raw.Transcript);
        }

        await using var next = await RawSmtp.ConnectAsync(Server.SubmissionPort);
        Assert.That(await next.SendAsync("EHLO client.test"), Does.StartWith("250"), next.Transcript);
    }

    [Test]
    public async Task Auth_MalformedBase64_ErrorOrCloseAndServerStillServes()
    {
        await using (var raw = await SecureSessionAsync())
        {
            await raw.SendRawAsync(Encoding.ASCII.GetBytes("AUTH PLAIN !!!not-base64!!!\r\n"));
            var reply = await raw.ReadReplyOrClosedAsync();
            Assert.That(reply, Is.Null.Or.Match(@"^5\d\d"), raw.Transcript);
        }

        await using var next = await RawSmtp.ConnectAsync(Server.SubmissionPort);
        Assert.That(await next.SendAsync("EHLO client.test"), Does.StartWith("250"), next.Transcript);
    }
}
