using System.Diagnostics;
using System.Globalization;
using MimeKit;
using Preau.Core.Mail;
using Preau.IntegrationTests.Infrastructure;

namespace Preau.IntegrationTests.Smtp;

/// <summary>Mail leaving the school: the persistent relay queue, through a test smart host
/// (<see cref="SmtpSink"/>) that can be down, refuse for good or refuse for now.</summary>
[Parallelizable(ParallelScope.None)]
public class RelayQueueTests
{
    private const string Outside = "ami@exemple.org";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);
    private SmtpSink _sink = null!;
    private TestServer? _server;

    [SetUp]
    public void CreateSink() => _sink = new SmtpSink();

    [TearDown]
    public async Task StopAll()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
            _server = null;
        }

        await _sink.DisposeAsync();
    }

    /// <summary>A server relaying through the sink, retrying every 300 ms.</summary>
    private async Task<TestServer> StartServerAsync(Action<Dictionary<string, string?>>? configure = null)
    {
        _server = await TestServer.StartAsync(s =>
        {
            s["Smtp:RelayHost"] = "127.0.0.1";
            s["Smtp:RelayPort"] = _sink.Port.ToString(CultureInfo.InvariantCulture);
            s["Smtp:RelayRetryDelays:0"] = "00:00:00.300";
            configure?.Invoke(s);
        });
        return _server;
    }

    private static async Task<MimeMessage> SendAsync(TestServer server, string from, params string[] to)
    {
        using var client = await server.SubmitAsync(from);
        var message = TestServer.Message(from, to);
        await client.SendAsync(message);
        await client.DisconnectAsync(true);
        return message;
    }

    /// <summary>Polls until <paramref name="condition"/> holds; fails with <paramref name="what"/> after <see cref="Patience"/>.</summary>
    private static async Task WaitUntil(Func<bool> condition, string what, TimeSpan? timeout = null)
    {
        var watch = Stopwatch.StartNew();
        while (!condition())
        {
            if (watch.Elapsed > (timeout ?? Patience))
            {
                Assert.Fail($"timed out after {watch.Elapsed.TotalSeconds:0.#} s waiting for: {what}");
            }

            await Task.Delay(50);
        }
    }

    private static IReadOnlyList<RelayItem> Queue(TestServer server) => server.Runtime.Store.GetAll();

    private static string Describe(IReadOnlyList<RelayItem> items) =>
        string.Join("; ", items.Select(i => $"{i.Id} to {string.Join(",", i.Recipients)} attempts={i.Attempts} error={i.LastError}"));

    private static MessageEntry? Bounce(TestServer server, string login, string subject) =>
        server.Inbox(login).FirstOrDefault(e => e.Summary.Subject == "Message non distribué : " + subject);

    [Test]
    public async Task Relay_TeacherToOutsideAddress_DeliveredToSmartHostWithEnvelope()
    {
        await _sink.StartAsync();
        var server = await StartServerAsync();

        var message = await SendAsync(server, "prof.maths", Outside);

        var received = await _sink.WaitForMessagesAsync(1, Patience);
        Assert.That(received, Has.Count.EqualTo(1));
        Assert.That(received[0].MailFrom, Is.EqualTo(TestServer.Address("prof.maths")));
        Assert.That(received[0].Recipients, Is.EqualTo(new[] { Outside }));
        var relayed = received[0].Parse();
        Assert.That(relayed.Subject, Is.EqualTo(message.Subject));
        Assert.That(relayed.TextBody, Does.Contain("ceci est un message de test"));
        Assert.That(relayed.Headers[HeaderId.Received], Does.Contain("authenticated as prof.maths"));
        await WaitUntil(() => Queue(server).Count == 0, "the queue to empty");
    }

    [Test]
    public async Task Relay_SmartHostDown_StaysQueuedThenDeliveredWhenItComesBack()
    {
        var server = await StartServerAsync();
        var message = await SendAsync(server, "prof.maths", Outside);

        await WaitUntil(() => Queue(server) is [{ Attempts: > 0, LastError: not null }], "an attempt to fail and be recorded");
        var item = Queue(server).Single();
        Assert.That(item.Recipients, Is.EqualTo(new[] { Outside }));
        Assert.That(item.MailFrom, Is.EqualTo(TestServer.Address("prof.maths")));
        Assert.That(item.LastError, Is.Not.Empty);
        Assert.That(_sink.Messages, Is.Empty);
        Assert.That(Bounce(server, "prof.maths", message.Subject!), Is.Null, "a temporary failure does not bounce");

        await _sink.StartAsync();
        var received = await _sink.WaitForMessagesAsync(1, Patience);
        Assert.That(received.Single().Parse().Subject, Is.EqualTo(message.Subject));
        await WaitUntil(() => Queue(server).Count == 0, "the queue to empty");
        Assert.That(Bounce(server, "prof.maths", message.Subject!), Is.Null);
    }

    [Test]
    public async Task Relay_QueuedItem_SurvivesRestartAndIsDeliveredAfter()
    {
        var server = await StartServerAsync();
        var message = await SendAsync(server, "prof.maths", Outside);
        await WaitUntil(() => Queue(server) is [{ Attempts: > 0 }], "a failed attempt");

        await server.RestartAsync();

        var after = Queue(server);
        Assert.That(after, Has.Count.EqualTo(1), Describe(after));
        Assert.That(after[0].Recipients, Is.EqualTo(new[] { Outside }));

        await _sink.StartAsync();
        var received = await _sink.WaitForMessagesAsync(1, Patience);
        Assert.That(received.Single().Parse().Subject, Is.EqualTo(message.Subject));
        Assert.That(received.Single().MailFrom, Is.EqualTo(TestServer.Address("prof.maths")));
        await WaitUntil(() => Queue(server).Count == 0, "the queue to empty");
    }

    [Test]
    public async Task Relay_PermanentRefusal_BouncesToSenderAndLeavesQueue()
    {
        _sink.RefusePermanently(Outside);
        await _sink.StartAsync();
        var server = await StartServerAsync();

        var message = await SendAsync(server, "prof.maths", Outside);

        await WaitUntil(() => Bounce(server, "prof.maths", message.Subject!) is not null, "the bounce in prof.maths's INBOX");
        await WaitUntil(() => Queue(server).Count == 0, "the queue to empty");
        Assert.That(_sink.Messages, Is.Empty);
        Assert.That(server.Inbox("prof.maths").Count(e => e.Summary.Subject!.StartsWith("Message non distribué", StringComparison.Ordinal)), Is.EqualTo(1), "one bounce only");
    }

    [Test]
    public async Task Relay_PermanentRefusalOfOneRecipient_OthersDeliveredAndBounceNamesOnlyTheRefused()
    {
        const string refused = "inconnu@exemple.org";
        _sink.RefusePermanently(refused);
        await _sink.StartAsync();
        var server = await StartServerAsync();

        var message = await SendAsync(server, "prof.maths", Outside, refused);

        var received = await _sink.WaitForMessagesAsync(1, Patience);
        Assert.That(received.Single().Recipients, Is.EqualTo(new[] { Outside }));
        await WaitUntil(() => Bounce(server, "prof.maths", message.Subject!) is not null, "the bounce in prof.maths's INBOX");
        await WaitUntil(() => Queue(server).Count == 0, "the queue to empty");
        var bounce = Bounce(server, "prof.maths", message.Subject!)!;
        var text = ReadBlob(server, bounce);
        Assert.That(text, Does.Contain(refused));
        Assert.That(text, Does.Not.Contain("Final-Recipient: rfc822; " + Outside));
    }

    [Test]
    public async Task Relay_PermanentRefusal_BounceQuotesTheSmartHostsReply()
    {
        _sink.RefusePermanently(Outside);
        await _sink.StartAsync();
        var server = await StartServerAsync();

        var message = await SendAsync(server, "prof.maths", Outside);

        await WaitUntil(() => Bounce(server, "prof.maths", message.Subject!) is not null, "the bounce in prof.maths's INBOX");
        var text = ReadBlob(server, Bounce(server, "prof.maths", message.Subject!)!);
        Assert.That(text, Does.Contain("Diagnostic-Code: smtp; 550").And.Contain("no such user here (sink)"), text);
    }

    [Test]
    public async Task Relay_TemporaryRefusal_RetriedNotBounced()
    {
        _sink.RefuseTemporarily(Outside);
        await _sink.StartAsync();
        var server = await StartServerAsync();

        var message = await SendAsync(server, "prof.maths", Outside);

        await WaitUntil(() => Queue(server) is [{ Attempts: >= 2 }] || Bounce(server, "prof.maths", message.Subject!) is not null, "two refused attempts");
        var bounce = Bounce(server, "prof.maths", message.Subject!);
        Assert.That(bounce, Is.Null, $"451 is temporary: the sender gets no bounce, yet got:\n{(bounce is null ? "" : ReadBlob(server, bounce))}\nqueue: {Describe(Queue(server))}");
        var item = Queue(server).Single();
        Assert.That(item.LastError, Does.Contain("451").Or.Contain("try again later"));

        _sink.AcceptAll();
        var received = await _sink.WaitForMessagesAsync(1, Patience);
        Assert.That(received.Single().Parse().Subject, Is.EqualTo(message.Subject));
        await WaitUntil(() => Queue(server).Count == 0, "the queue to empty");
    }

    [Test]
    public async Task Relay_Expired_BouncesToSenderAfterExpiry()
    {
        var server = await StartServerAsync(s => s["Smtp:RelayExpiry"] = "00:00:01");
        var watch = Stopwatch.StartNew();

        var message = await SendAsync(server, "prof.maths", Outside);

        await WaitUntil(() => Bounce(server, "prof.maths", message.Subject!) is not null, "the bounce in prof.maths's INBOX");
        var elapsed = watch.Elapsed;
        Assert.That(elapsed, Is.GreaterThanOrEqualTo(TimeSpan.FromMilliseconds(900)), "not before the expiry");
        Assert.That(elapsed, Is.LessThan(TimeSpan.FromSeconds(8)));
        await WaitUntil(() => Queue(server).Count == 0, "the queue to empty");
        Assert.That(_sink.Messages, Is.Empty);
    }

    [Test]
    public async Task Notice_ToOutsideNotificationAddress_SentWithoutTheMessageBody()
    {
        await _sink.StartAsync();
        var server = await StartServerAsync();
        server.Runtime.Directory.SetNotificationAddress("prof.maths", "prof@exemple.org", "test");
        const string secret = "Le code du casier est 4821";

        using (var client = await server.SubmitAsync("eleve.6a"))
        {
            var message = TestServer.Message("eleve.6a", "prof.maths");
            message.Body = new TextPart("plain") { Text = secret + "\n" };
            await client.SendAsync(message);
            await client.DisconnectAsync(true);
            Assert.That(server.HasMessage("prof.maths", message.Subject), Is.True);
        }

        var received = await _sink.WaitForMessagesAsync(1, Patience);
        var notice = received.Single();
        Assert.That(notice.Recipients, Is.EqualTo(new[] { "prof@exemple.org" }));
        Assert.That(notice.MailFrom, Is.Empty, "notices go out with the null reverse-path, so they never bounce back");
        Assert.That(notice.Text, Does.Not.Contain(secret).And.Not.Contain("casier"));
        var parsed = notice.Parse();
        Assert.That(parsed.Subject, Does.StartWith("Nouveau message de"));
        Assert.That(parsed.Headers[HeaderId.AutoSubmitted], Is.EqualTo("auto-generated"));
        await WaitUntil(() => Queue(server).Count == 0, "the queue to empty");
    }

    private static string ReadBlob(TestServer server, MessageEntry entry)
    {
        using var stream = server.Runtime.Blobs.Open(entry.BlobHash);
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
