using Preau.Core.Mail;
using Preau.IntegrationTests.Infrastructure;

namespace Preau.IntegrationTests.Smtp;

/// <summary>What the server acknowledged survives a restart; the change bus announces deliveries.</summary>
[Parallelizable(ParallelScope.None)]
public class DurabilityTests
{
    [Test]
    public async Task DeliveredMessage_SurvivesRestart_WithContentAndUid()
    {
        await using var server = await TestServer.StartAsync();
        var message = TestServer.Message("prof.anglais", "eleve.5b");
        using (var client = await server.SubmitAsync("prof.anglais"))
        {
            await client.SendAsync(message);
        }

        var before = server.Inbox("eleve.5b").Single(e => e.Summary.Subject == message.Subject);
        await server.RestartAsync();

        var after = server.Inbox("eleve.5b").Single(e => e.Summary.Subject == message.Subject);
        Assert.That((after.Uid, after.BlobHash, after.Size), Is.EqualTo((before.Uid, before.BlobHash, before.Size)));
        using var stream = server.Runtime.Blobs.Open(after.BlobHash);
        var stored = await MimeKit.MimeMessage.LoadAsync(stream);
        Assert.That(stored.Subject, Is.EqualTo(message.Subject));
        Assert.That(stored.TextBody, Does.Contain("Bonjour"));
        Assert.That(stored.Headers["Received"], Does.Contain("authenticated as prof.anglais").And.Contain("ESMTPSA"));

        // New mail after the restart continues the UID sequence.
        using (var client = await server.SubmitAsync("prof.anglais"))
        {
            await client.SendAsync(TestServer.Message("prof.anglais", "eleve.5b"));
        }

        Assert.That(server.Inbox("eleve.5b").Max(e => e.Uid), Is.GreaterThan(after.Uid));
    }

    [Test]
    public async Task Delivery_AnnouncedOnTheChangeBus()
    {
        await using var server = await TestServer.StartAsync();
        var account = server.Runtime.Directory.Find("eleve2.6a")!;
        var heard = new TaskCompletionSource<MailboxChange>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var subscription = server.Runtime.Bus.Subscribe(account.Id, c => heard.TrySetResult(c));
        using (var client = await server.SubmitAsync("eleve.6a"))
        {
            await client.SendAsync(TestServer.Message("eleve.6a", "eleve2.6a"));
        }

        var change = await heard.Task.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.That(change.Kind, Is.EqualTo(ChangeKind.Added));
        Assert.That(change.Uid, Is.EqualTo(server.Inbox("eleve2.6a").Max(e => e.Uid)));
    }

    [Test]
    public async Task ConcurrentSessions_AllMessagesStoredWithDistinctUids()
    {
        await using var server = await TestServer.StartAsync();
        var tasks = Enumerable.Range(0, 8).Select(async i =>
        {
            using var client = await server.SubmitAsync("prof.maths");
            for (var j = 0; j < 10; j++)
            {
                await client.SendAsync(TestServer.Message("prof.maths", "eleve.6a"));
            }
        });
        await Task.WhenAll(tasks);
        var uids = server.Inbox("eleve.6a").Select(e => e.Uid).ToArray();
        Assert.That(uids, Has.Length.EqualTo(80));
        Assert.That(uids.Distinct().Count(), Is.EqualTo(80));
        Assert.That(uids.Order(), Is.EqualTo(Enumerable.Range(1, 80).Select(i => (uint)i)), "UIDs have no gaps");
    }
}
