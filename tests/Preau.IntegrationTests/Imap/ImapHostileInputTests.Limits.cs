using System.Diagnostics;
using System.Text;
using Preau.IntegrationTests.Infrastructure;

namespace Preau.IntegrationTests.Imap;

/// <summary>Limits: timeouts, connection caps, password guessing.</summary>
public partial class ImapHostileInputTests
{
    [Test]
    public async Task UnauthenticatedTimeout_SilentConnection_ByeAndClosed()
    {
        await using var server = await TestServer.StartAsync(s => s["Imap:UnauthenticatedTimeout"] = "00:00:01");
        await using var plain = await RawImap.ConnectAsync(server.ImapPort);
        await using var secure = await RawImap.ConnectAsync(server.ImapPort);
        await secure.StartTlsAsync();
        var started = Stopwatch.StartNew();

        Assert.That(await plain.ReadLineAsync(), Does.StartWith("* BYE"), plain.Transcript);
        Assert.That(await plain.IsClosedAsync(TimeSpan.FromSeconds(5)), Is.True, plain.Transcript);
        Assert.That(await secure.ReadLineAsync(), Does.StartWith("* BYE"), "STARTTLS alone does not count as logging in\n" + secure.Transcript);
        Assert.That(await secure.IsClosedAsync(TimeSpan.FromSeconds(5)), Is.True, secure.Transcript);
        Assert.That(started.Elapsed, Is.LessThan(TimeSpan.FromSeconds(5)));
    }

    [Test]
    public async Task UnauthenticatedTimeout_TlsHandshakeNeverStarted_Closed()
    {
        await using var server = await TestServer.StartAsync(s => s["Imap:UnauthenticatedTimeout"] = "00:00:01");
        await using var starttls = await RawImap.ConnectAsync(server.ImapPort);
        Assert.That((await starttls.CommandAsync("a STARTTLS"))[^1], Does.StartWith("a OK"), starttls.Transcript);
        using var tcp = new System.Net.Sockets.TcpClient();
        await tcp.ConnectAsync("127.0.0.1", server.ImapTlsPort);

        // Neither client starts its TLS handshake: both connections are dropped after the timeout.
        Assert.That(await starttls.IsClosedAsync(TimeSpan.FromSeconds(5)), Is.True, starttls.Transcript);
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        int read;
        try
        {
            read = await tcp.GetStream().ReadAsync(new byte[16], cts.Token);
        }
        catch (IOException)
        {
            read = 0;
        }

        Assert.That(read, Is.Zero, "the implicit TLS port closes a connection that never says hello");
    }

    [Test]
    public async Task StartTls_CommandPipelinedInClearText_Discarded()
    {
        await using var client = await RawImap.ConnectAsync(Server.ImapPort);

        // A man in the middle appends a command to STARTTLS in clear text (CVE-2011-0411 style).
        await client.SendRawAsync("a STARTTLS\r\nb LOGIN eleve.6a demo\r\n"u8.ToArray());
        Assert.That((await client.ReadUntilTaggedAsync("a"))[^1], Does.StartWith("a OK"), client.Transcript);
        await client.UpgradeAsync();

        var noop = await client.CommandAsync("c NOOP");
        Assert.That(noop, Has.Count.EqualTo(1), "no answer to the injected command\n" + client.Transcript);
        Assert.That(noop[0], Does.StartWith("c OK"), client.Transcript);
        Assert.That((await client.CommandAsync("d SELECT INBOX"))[^1], Does.StartWith("d BAD").Or.StartWith("d NO"), "the injected LOGIN was not run\n" + client.Transcript);
    }

    [Test]
    public async Task UnauthenticatedTimeout_LoggedInSession_NotClosed()
    {
        await using var server = await TestServer.StartAsync(s => s["Imap:UnauthenticatedTimeout"] = "00:00:01");
        await using var client = await RawImap.LoggedInAsync(server, "eleve.6a");

        Assert.That(await client.IsClosedAsync(TimeSpan.FromSeconds(2.5)), Is.False, client.Transcript);
        Assert.That((await client.CommandAsync("b NOOP"))[^1], Does.StartWith("b OK"), client.Transcript);
    }

    [Test]
    public async Task MaxConnectionsPerAddress_FourthConnection_ByeThenAcceptedAgainWhenOneCloses()
    {
        await using var server = await TestServer.StartAsync(s => s["Imap:MaxConnectionsPerAddress"] = "3");
        var open = new List<RawImap>();
        try
        {
            for (var i = 0; i < 3; i++)
            {
                open.Add(await RawImap.ConnectAsync(i == 1 ? server.ImapTlsPort : server.ImapPort, implicitTls: i == 1));
                Assert.That(open[^1].Greeting, Does.StartWith("* OK"), open[^1].Transcript);
            }

            await using (var fourth = await RawImap.ConnectAsync(server.ImapPort))
            {
                Assert.That(fourth.Greeting, Does.StartWith("* BYE"), fourth.Transcript);
                Assert.That(await fourth.IsClosedAsync(TimeSpan.FromSeconds(5)), Is.True, fourth.Transcript);
            }

            Assert.That((await open[0].CommandAsync("l LOGOUT"))[^1], Does.StartWith("l OK"), open[0].Transcript);
            await open[0].DisposeAsync();
            open.RemoveAt(0);

            // The server frees the slot once it has seen the connection end.
            var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(5);
            string greeting;
            while (true)
            {
                await using var again = await RawImap.ConnectAsync(server.ImapPort);
                greeting = again.Greeting;
                if (greeting.StartsWith("* OK", StringComparison.Ordinal) || DateTime.UtcNow > deadline)
                {
                    break;
                }

                await Task.Delay(100);
            }

            Assert.That(greeting, Does.StartWith("* OK"));
        }
        finally
        {
            foreach (var client in open)
            {
                await client.DisposeAsync();
            }
        }
    }

    [Test]
    public async Task MaxConnectionsPerAddress_ExtraConnectionOnTlsPort_ByeOverTls()
    {
        await using var server = await TestServer.StartAsync(s => s["Imap:MaxConnectionsPerAddress"] = "1");
        await using var first = await RawImap.ConnectAsync(server.ImapTlsPort, implicitTls: true);
        Assert.That(first.Greeting, Does.StartWith("* OK"), first.Transcript);

        await using var second = await RawImap.ConnectAsync(server.ImapTlsPort, implicitTls: true);

        Assert.That(second.Greeting, Does.StartWith("* BYE"), second.Transcript);
        Assert.That(await second.IsClosedAsync(TimeSpan.FromSeconds(5)), Is.True, second.Transcript);
    }

    [Test]
    public async Task MaxConnectionsPerAccount_ThirdLogin_NoLimitOtherAccountsUnaffected()
    {
        await using var server = await TestServer.StartAsync(s => s["Imap:MaxConnectionsPerAccount"] = "2");
        await using var first = await RawImap.LoggedInAsync(server, "eleve.6a");
        await using var second = await RawImap.LoggedInAsync(server, "eleve.6a", implicitTls: true);
        await using var third = await RawImap.ConnectAsync(server.ImapPort);
        await third.StartTlsAsync();

        Assert.That((await third.CommandAsync("a LOGIN eleve.6a demo"))[^1], Does.StartWith("a NO [LIMIT]"), third.Transcript);
        Assert.That((await third.CommandAsync("b SELECT INBOX"))[^1], Does.StartWith("b BAD").Or.StartWith("b NO"), "not logged in\n" + third.Transcript);
        Assert.That((await third.CommandAsync("c LOGIN eleve2.6a demo"))[^1], Does.StartWith("c OK"), "another account may log in\n" + third.Transcript);

        Assert.That((await first.CommandAsync("d LOGOUT"))[^1], Does.StartWith("d OK"), first.Transcript);
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(5);
        string last;
        do
        {
            await using var fourth = await RawImap.ConnectAsync(server.ImapPort);
            await fourth.StartTlsAsync();
            last = (await fourth.CommandAsync("e LOGIN eleve.6a demo"))[^1];
        }
        while (!last.StartsWith("e OK", StringComparison.Ordinal) && DateTime.UtcNow < deadline);

        Assert.That(last, Does.StartWith("e OK"), "a slot frees when a session logs out");
    }

    [Test]
    public async Task Login_WrongPasswordRepeatedly_AuthenticationFailedAndSlowed()
    {
        // The throttle counts failures per address and per login: a server of its own, so that no other test is slowed.
        await using var server = await TestServer.StartAsync();
        await using var client = await RawImap.ConnectAsync(server.ImapPort, timeout: TimeSpan.FromSeconds(15));
        await client.StartTlsAsync();
        var times = new List<TimeSpan>();

        for (var i = 0; i < 6; i++)
        {
            var watch = Stopwatch.StartNew();
            var reply = await client.CommandAsync($"a{i} LOGIN eleve.6a faux{i}");
            times.Add(watch.Elapsed);
            Assert.That(reply[^1], Does.StartWith($"a{i} NO [AUTHENTICATIONFAILED]"), client.Transcript);
        }

        Assert.That(times.Skip(3), Has.All.GreaterThanOrEqualTo(TimeSpan.FromMilliseconds(200)), $"later attempts are slowed: {string.Join(", ", times.Select(t => (int)t.TotalMilliseconds))} ms");
        Assert.That((await client.CommandAsync("b LOGIN eleve.6a demo"))[^1], Does.StartWith("b OK"), "the right password still works\n" + client.Transcript);
    }
}
