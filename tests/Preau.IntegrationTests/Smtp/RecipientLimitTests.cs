using MailKit.Net.Smtp;
using Preau.Core.Accounts;
using Preau.IntegrationTests.Infrastructure;

namespace Preau.IntegrationTests.Smtp;

/// <summary>At most 150 recipients per message, counted after list expansion; nothing half-delivered.</summary>
public class RecipientLimitTests : SharedServerFixture
{
    private string[] Pupils(int count) => Server.Runtime.Directory.Graph.Data.Accounts
        .Where(a => a.Profile == Profile.Eleve && a.CanReceive)
        .Select(a => a.Login)
        .Take(count)
        .ToArray();

    [Test]
    public async Task Send_150Recipients_AllDeliveredWithOneBlob()
    {
        var recipients = Pupils(150);
        var blobsBefore = Server.Runtime.Blobs.Count();
        using var client = await Server.SubmitAsync("principal");
        var message = TestServer.Message("principal", recipients);
        await client.SendAsync(message);
        Assert.That(recipients.Count(r => Server.HasMessage(r, message.Subject)), Is.EqualTo(150));
        Assert.That(Server.Runtime.Blobs.Count() - blobsBefore, Is.EqualTo(1), "one content-addressed blob for all 150 copies");
        var hashes = recipients.Select(r => Server.Inbox(r).Single(e => e.Summary.Subject == message.Subject).BlobHash).Distinct();
        Assert.That(hashes.Count(), Is.EqualTo(1));
    }

    [Test]
    public async Task Send_151Recipients_151stRefusedAndNothingDelivered()
    {
        var recipients = Pupils(151);
        using var client = await Server.SubmitAsync("principal");
        var message = TestServer.Message("principal", recipients);
        var ex = await Assert.ThrowsAsync<SmtpCommandException>(() => client.SendAsync(message));
        Assert.That((int)ex!.StatusCode, Is.EqualTo(452));
        Assert.That(ex.Message, Does.StartWith("4.5.3 too many recipients: at most 150 per message"));
        Assert.That(ex.Mailbox?.Address, Is.EqualTo(TestServer.Address(recipients[150])));
        Assert.That(recipients.Count(r => Server.HasMessage(r, message.Subject)), Is.Zero, "MailKit resets the transaction: no copy was delivered");
    }

    [Test]
    public async Task Send_ListExpansion_CountsEveryMember()
    {
        var graph = Server.Runtime.Directory.Graph;
        var classSize = graph.PupilsOf("6A").Count(id => graph.FindById(id)!.CanReceive);
        var others = Pupils(400).Where(l => graph.ClassOf(graph.FindByLogin(l)!.Id) != "6A").Take(150 - classSize).ToArray();
        using var client = await Server.SubmitAsync("principal");

        // The class list and the others make exactly 150: accepted.
        var message = TestServer.Message("principal", [.. others, "eleves.6a"]);
        await client.SendAsync(message);
        Assert.That(Server.HasMessage("eleve2.6a", message.Subject), Is.True);
        Assert.That(Server.HasMessage(others[0], message.Subject), Is.True);

        // One more individual first, then the list no longer fits: the list RCPT is refused whole.
        var extra = Pupils(600).First(l => !others.Contains(l) && graph.ClassOf(graph.FindByLogin(l)!.Id) != "6A");
        var tooMany = TestServer.Message("principal", [.. others, extra, "eleves.6a"]);
        var ex = await Assert.ThrowsAsync<SmtpCommandException>(() => client.SendAsync(tooMany));
        Assert.That(ex!.Message, Does.Contain($"eleves.6a@{TestServer.Domain} stands for {classSize} more"));
        Assert.That(Server.HasMessage("eleve2.6a", tooMany.Subject), Is.False);
    }

    [Test]
    public async Task Send_SameRecipientTwiceAndThroughList_CountedOnceAndDeliveredOnce()
    {
        using var client = await Server.SubmitAsync("prof.maths");
        var message = TestServer.Message("prof.maths", "eleve.6a", "eleves.6a");
        message.Cc.Add(MimeKit.MailboxAddress.Parse(TestServer.Address("eleve.6a")));
        await client.SendAsync(message);
        Assert.That(Server.Inbox("eleve.6a").Count(e => e.Summary.Subject == message.Subject), Is.EqualTo(1));
    }

    [Test]
    public async Task Ehlo_AdvertisesRcptMaxAndSize()
    {
        using var client = await Server.SubmitAsync("prof.maths");
        Assert.That(client.Capabilities.HasFlag(SmtpCapabilities.Size), Is.True);
        Assert.That(client.MaxSize, Is.EqualTo(Server.Runtime.Mail.MaxMessageSize));
    }
}
