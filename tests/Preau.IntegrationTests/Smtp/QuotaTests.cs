using MailKit.Net.Smtp;
using MimeKit;
using Preau.Core.Mail;
using Preau.IntegrationTests.Infrastructure;

namespace Preau.IntegrationTests.Smtp;

/// <summary>Delivery to full mailboxes, pupils and parents having 8 KiB: refused at RCPT with 452 4.2.2
/// when the mailbox is full or too full for the announced SIZE, after DATA when the size was not
/// announced; a full list member is left out and the sender told; the owner warned once at 90 %.</summary>
public class QuotaTests : QuotaServerFixture
{
    private const string Outsider = "correspondant@exterieur.example";

    [Test]
    public async Task Submission_ToAFullMailbox_Refused452_4_2_2AtRcpt()
    {
        var pupil = FreshPupil();
        await FillAsync(pupil, (int)Quota);
        using var client = await Server.SubmitAsync("principal");
        var message = TestServer.Message("principal", pupil);

        var ex = await Assert.ThrowsAsync<SmtpCommandException>(() => client.SendAsync(message));

        Assert.That(ex!.ErrorCode, Is.EqualTo(SmtpErrorCode.RecipientNotAccepted));
        Assert.That((int)ex.StatusCode, Is.EqualTo(452));
        Assert.That(ex.Message, Is.EqualTo($"4.2.2 boite aux lettres pleine : {TestServer.Address(pupil)} a atteint son quota de 8 Ko (mailbox full)"));
        Assert.That(ex.Mailbox?.Address, Is.EqualTo(TestServer.Address(pupil)));
        Assert.That(Server.HasMessage(pupil, message.Subject), Is.False);
        Assert.That(Used(pupil).Bytes, Is.EqualTo(Quota));
    }

    [Test]
    public async Task Submission_AnnouncedSizeTooBigForTheRoomLeft_RefusedAtRcpt_ASmallerMessageFits()
    {
        var pupil = FreshPupil();
        await FillAsync(pupil, 6_000);
        using var client = await Server.SubmitAsync("principal");
        var big = TestServer.Message("principal", pupil);
        big.Body = new TextPart("plain") { Text = new string('a', 4_000) };

        // MailKit announces SIZE= (RFC 1870) since the server offers it: the refusal comes at RCPT.
        var ex = await Assert.ThrowsAsync<SmtpCommandException>(() => client.SendAsync(big));
        Assert.That((int)ex!.StatusCode, Is.EqualTo(452));
        Assert.That(ex.ErrorCode, Is.EqualTo(SmtpErrorCode.RecipientNotAccepted));
        Assert.That(ex.Message, Does.StartWith($"4.2.2 boite aux lettres de {TestServer.Address(pupil)} trop pleine : il reste 2,1 Ko pour un message de 4,"));

        var small = TestServer.Message("principal", pupil);
        await client.SendAsync(small);
        Assert.That(Server.HasMessage(pupil, small.Subject), Is.True);
    }

    [Test]
    public async Task Submission_FullAndRoomyRecipients_TheRoomyOneGetsIt()
    {
        var pupils = FreshPupils(2);
        var (full, roomy) = (pupils[0], pupils[1]);
        await FillAsync(full, (int)Quota);
        using var client = new TolerantSmtpClient { ServerCertificateValidationCallback = (_, _, _, _) => true };
        await client.ConnectAsync("127.0.0.1", Server.SubmissionPort, MailKit.Security.SecureSocketOptions.StartTls);
        await client.AuthenticateAsync("principal", TestServer.Password);
        var message = TestServer.Message("principal", full, roomy);

        await client.SendAsync(message);

        Assert.That(client.Refused, Is.EqualTo(new[] { $"{TestServer.Address(full)} 452 4.2.2" }));
        Assert.That(Server.HasMessage(roomy, message.Subject), Is.True);
        Assert.That(Server.HasMessage(full, message.Subject), Is.False);
        Assert.That(Used(full).Bytes, Is.EqualTo(Quota));
    }

    [Test]
    public async Task Inbound_ToAFullMailbox_Refused452_4_2_2AtRcpt()
    {
        var parent = FreshParent();
        await FillAsync(parent, (int)Quota - 10);
        using var client = await Server.InboundAsync();

        var ex = await Assert.ThrowsAsync<SmtpCommandException>(() => client.SendAsync(TestServer.Message(Outsider, parent)));

        Assert.That((int)ex!.StatusCode, Is.EqualTo(452));
        Assert.That(ex.Message, Does.StartWith("4.2.2 boite aux lettres"));
        Assert.That(Server.Inbox(parent), Is.Empty);
    }

    [Test]
    public async Task Inbound_SizeNotAnnounced_FullWhenWritten_452AfterDataAndNothingStored()
    {
        var parent = FreshParent();
        await FillAsync(parent, 7_500);
        await using var raw = await RawSmtp.ConnectAsync(Server.InboundPort);
        Assert.That(await raw.SendAsync("EHLO mx.exterieur.example"), Does.StartWith("250"), raw.Transcript);
        Assert.That(await raw.SendAsync($"MAIL FROM:<{Outsider}>"), Does.StartWith("250"), raw.Transcript);
        Assert.That(await raw.SendAsync($"RCPT TO:<{TestServer.Address(parent)}>"), Does.StartWith("250"), "7,3 Ko of 8: room for a message of unknown size");
        Assert.That(await raw.SendAsync("DATA"), Does.StartWith("354"), raw.Transcript);
        await raw.SendRawAsync(RawMessage(2_000));
        await raw.SendRawAsync(".\r\n"u8.ToArray());

        var reply = await raw.ReadReplyAsync();

        Assert.That(reply, Does.StartWith($"452 4.2.2 boite aux lettres de {TestServer.Address(parent)} trop pleine"), raw.Transcript);
        Assert.That(Server.Inbox(parent), Is.Empty);
        Assert.That(Used(parent).Bytes, Is.EqualTo(7_500));
        Assert.That(await raw.SendAsync("NOOP"), Does.StartWith("250"), "the session goes on");
    }

    [Test]
    public async Task Inbound_SizeNotAnnounced_OneOfTwoFullWhenWritten_TheOtherGetsIt_SenderGetsAReport()
    {
        var (full, roomy) = (FreshParent(), FreshParent());
        await FillAsync(full, 7_500);
        var queued = Server.Runtime.Store.GetAll().Select(i => i.Id).ToHashSet();
        await using var raw = await RawSmtp.ConnectAsync(Server.InboundPort);
        Assert.That(await raw.SendAsync("EHLO mx.exterieur.example"), Does.StartWith("250"), raw.Transcript);
        Assert.That(await raw.SendAsync($"MAIL FROM:<{Outsider}>"), Does.StartWith("250"), raw.Transcript);
        Assert.That(await raw.SendAsync($"RCPT TO:<{TestServer.Address(full)}>"), Does.StartWith("250"), raw.Transcript);
        Assert.That(await raw.SendAsync($"RCPT TO:<{TestServer.Address(roomy)}>"), Does.StartWith("250"), raw.Transcript);
        Assert.That(await raw.SendAsync("DATA"), Does.StartWith("354"), raw.Transcript);
        await raw.SendRawAsync(RawMessage(2_000, "Convocation"));
        await raw.SendRawAsync(".\r\n"u8.ToArray());

        // Accepted for the one who had room; SMTP then requires a report to the sender (RFC 5321 §6.1).
        Assert.That(await raw.ReadReplyAsync(), Does.StartWith("250"), raw.Transcript);
        Assert.That(Server.HasMessage(roomy, "Convocation"), Is.True);
        Assert.That(Server.HasMessage(full, "Convocation"), Is.False);
        var report = Server.Runtime.Store.GetAll().Single(i => !queued.Contains(i.Id));
        Assert.That(report.Recipients, Is.EqualTo(new[] { Outsider }));
        Assert.That(report.MailFrom, Is.Empty, "a report has the null sender: it is never bounced back");
        var text = ReadBlob(report.BlobHash);
        Assert.That(text, Does.Contain("Final-Recipient: rfc822; " + TestServer.Address(full)).And.Contain("Status: 5.2.2").And.Not.Contain(TestServer.Address(roomy)));
    }

    [Test]
    public async Task ListAddress_AFullMemberIsLeftOut_TheOthersGetIt_TheSenderGetsAReport()
    {
        var pupils = FreshPupils(2, inClass: ListClass);
        var (full, member) = (pupils[0], pupils[1]);
        await FillAsync(full, (int)Quota);
        using var client = await Server.SubmitAsync("principal");
        var message = TestServer.Message("principal", $"eleves.{ListClass.ToLowerInvariant()}");

        // A list is accepted whole at RCPT; its full members are left out when the message is written.
        await client.SendAsync(message);

        Assert.That(Server.HasMessage(member, message.Subject), Is.True);
        Assert.That(Server.HasMessage(full, message.Subject), Is.False);
        var report = Server.Inbox("principal").Single(e => e.Summary.Subject == "Message non distribué : " + message.Subject);
        Assert.That(ReadBlob(report.BlobHash), Does.Contain("Final-Recipient: rfc822; " + TestServer.Address(full)).And.Contain("Status: 5.2.2").And.Contain("boîte aux lettres pleine"));
    }

    [Test]
    public async Task Delivery_CrossingNinetyPercent_OwnerNotifiedOnce_InTheInboxAndOutside()
    {
        var pupil = FreshPupil();
        var account = Server.Runtime.Directory.SetQuota(pupil, 40 * 1024, "test");
        _ = Server.Runtime.Directory.SetNotificationAddress(pupil, "famille@exterieur.example", "test");
        await FillAsync(pupil, 35_500);
        using var client = await Server.SubmitAsync("principal");

        var crossing = TestServer.Message("principal", pupil);
        crossing.Body = new TextPart("plain") { Text = new string('a', 1_200) };
        await client.SendAsync(crossing);
        await client.SendAsync(TestServer.Message("principal", pupil));

        Assert.That(Server.Runtime.Quotas.LimitOf(account), Is.EqualTo(40 * 1024), "the account's own quota");
        var notices = Server.Inbox(pupil).Where(e => e.Summary.Subject.StartsWith("Votre messagerie est presque pleine", StringComparison.Ordinal)).ToList();
        Assert.That(notices, Has.Count.EqualTo(1), "one notice when the threshold is crossed, none for the next message");
        Assert.That(notices[0].Summary.Subject, Is.EqualTo("Votre messagerie est presque pleine (90 %)"));
        Assert.That(ReadBlob(notices[0].BlobHash), Does.Contain("sur les 40 Ko autoris").And.Contain("videz la Corbeille"));
        Assert.That(Server.Runtime.Store.GetAll().Where(i => i.BlobHash == notices[0].BlobHash).SelectMany(i => i.Recipients), Is.EqualTo(new[] { "famille@exterieur.example" }));
    }

    [Test]
    public async Task SentCopy_SenderMailboxFull_MessageSentWithoutTheCopy()
    {
        var pupils = FreshPupils(2);
        var (sender, recipient) = (pupils[0], pupils[1]);
        await FillAsync(sender, (int)Quota);
        var from = AccountOf(sender);

        // The webmail path: the sender's copy in Envoyés is part of the same delivery.
        var transaction = Server.Runtime.Submission.Begin(from, new SubmissionContext("HTTP", "local", SentCopy: true));
        Assert.That(transaction.SetMailFrom(TestServer.Address(sender)).Accepted, Is.True);
        Assert.That(transaction.AddRecipient(TestServer.Address(recipient)).Accepted, Is.True);
        var message = TestServer.Message(sender, recipient);
        var decision = await transaction.CommitAsync(Notices.Serialize(message));

        Assert.That(decision.Accepted, Is.True, decision.ToString());
        Assert.That(Server.HasMessage(recipient, message.Subject), Is.True);
        var sent = Server.Runtime.Mailboxes.Find(from, "Envoyés")!;
        Assert.That(Server.Runtime.Store.GetMessages(sent.Id), Is.Empty, "no room for the copy: the message left without it");
        Assert.That(Used(sender).Bytes, Is.EqualTo(Quota));

        // The delivery says so, for the webmail to tell the user.
        var again = TestServer.Message(sender, recipient);
        var result = await Server.Runtime.Delivery.DeliverAsync(new DeliveryRequest(TestServer.Address(sender), from, [AccountOf(recipient)], [], Notices.Serialize(again), SentCopy: true));
        Assert.That((result.SentCopySkipped, result.ReachedAnyone, result.OverQuota.Count), Is.EqualTo((true, true, 0)));
        Assert.That(Server.HasMessage(recipient, again.Subject), Is.True);
    }

    private string ReadBlob(string hash)
    {
        using var stream = Server.Runtime.Blobs.Open(hash);
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    /// <summary>Goes on with the accepted recipients when some are refused, as mail servers do.</summary>
    private sealed class TolerantSmtpClient : SmtpClient
    {
        public List<string> Refused { get; } = [];

        protected override void OnRecipientNotAccepted(MimeMessage message, MailboxAddress mailbox, SmtpResponse response) =>
            Refused.Add($"{mailbox.Address} {(int)response.StatusCode} {response.Response.Split(' ')[0]}");
    }
}
