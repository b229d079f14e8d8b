using System.Text;
using MailKit;
using MailKit.Net.Imap;
using MimeKit;
using Preau.IntegrationTests.Infrastructure;

namespace Preau.IntegrationTests.Imap;

/// <summary>QUOTA (RFC 9208) through MailKit's ImapClient and raw IMAP, pupils having 8 KiB: the quota
/// reported follows what is stored, and an APPEND or COPY that does not fit is refused with
/// [OVERQUOTA] without storing anything.</summary>
public class ImapQuotaTests : QuotaServerFixture
{
    [Test]
    public async Task Capability_AnnouncesQuotaWithStorageOnly()
    {
        var login = FreshPupil();
        using var client = await Server.ImapAsync(login);
        Assert.That(client.Capabilities.HasFlag(ImapCapabilities.Quota), Is.True);

        await using var raw = await RawImap.LoggedInAsync(Server, login);
        var capability = (await raw.CommandAsync("c CAPABILITY"))[0].Split(' ');
        Assert.That(capability, Does.Contain("QUOTA").And.Contain("QUOTA=RES-STORAGE"));
        Assert.That(capability, Does.Not.Contain("QUOTA=RES-MESSAGE").And.Not.Contain("QUOTASET"), "no message limit is enforced, and users set no quota");
    }

    [Test]
    public async Task GetQuota_AfterAppends_MatchesTheAppendedSizes()
    {
        var login = FreshPupil();
        using var client = await Server.ImapAsync(login);
        var inbox = client.Inbox;
        var archives = client.GetFolder(SpecialFolder.Archive)!;

        var empty = await inbox.GetQuotaAsync();
        Assert.That((empty.CurrentStorageSize, empty.StorageLimit), Is.EqualTo(((uint?)0, (uint?)8)));

        var first = Letter("Sortie au musée", 1_500);
        var second = Letter("Réunion parents-professeurs", 2_200);
        await inbox.AppendAsync(new AppendRequest(first, MessageFlags.Seen));
        await archives.AppendAsync(new AppendRequest(second));

        // What the client sent is what is counted, octet for octet, every mailbox together.
        var sent = Wire(first).Length + Wire(second).Length;
        await inbox.OpenAsync(FolderAccess.ReadOnly);
        var stored = (await inbox.FetchAsync(0, -1, MessageSummaryItems.Size)).Sum(m => (long)m.Size!.Value);
        Assert.That(stored, Is.EqualTo(Wire(first).Length));
        Assert.That(Used(login).Bytes, Is.EqualTo(sent));
        Assert.That(Used(login).Messages, Is.EqualTo(2));

        var quota = await inbox.GetQuotaAsync();
        Assert.That(quota.StorageLimit, Is.EqualTo(8));
        Assert.That(quota.CurrentStorageSize, Is.EqualTo((sent + 1023) / 1024), "STORAGE counts 1024-octet units, rounded up");
        Assert.That(quota.MessageLimit, Is.Null, "no MESSAGE resource");
        var same = await archives.GetQuotaAsync();
        Assert.That(same.CurrentStorageSize, Is.EqualTo(quota.CurrentStorageSize), "one quota root for every mailbox of the account");
    }

    [Test]
    public async Task Append_OverQuota_RefusedWithOverQuota_NothingStored()
    {
        var login = FreshPupil();
        await FillAsync(login, 7_000);
        using var client = await Server.ImapAsync(login);
        var inbox = client.Inbox;
        await inbox.OpenAsync(FolderAccess.ReadWrite);

        var ex = await Assert.ThrowsAsync<ImapCommandException>(() => inbox.AppendAsync(new AppendRequest(Letter("Trop gros", 1_500))));
        Assert.That(ex!.Response, Is.EqualTo(ImapCommandResponse.No));
        Assert.That(ex.ResponseText, Does.StartWith("Quota depasse : il faudrait"));
        Assert.That(inbox.Count, Is.Zero);
        Assert.That(Used(login).Bytes, Is.EqualTo(7_000));

        // The same seen on the wire: refused before the literal is sent, or after a LITERAL+ one.
        await using var raw = await RawImap.LoggedInAsync(Server, login);
        var synchronizing = await raw.CommandAsync("a APPEND INBOX {1500}");
        Assert.That(synchronizing[^1], Does.StartWith("a NO [OVERQUOTA] Quota depasse"));
        await raw.SendLineAsync("b APPEND INBOX {1500+}");
        await raw.SendRawAsync(RawMessage(1_500));
        await raw.SendLineAsync("");
        var nonSynchronizing = await raw.ReadUntilTaggedAsync("b");
        Assert.That(nonSynchronizing[^1], Does.StartWith("b NO [OVERQUOTA]"));
        Assert.That((await raw.CommandAsync("c STATUS INBOX (MESSAGES)"))[0], Is.EqualTo("* STATUS INBOX (MESSAGES 0)"));

        // A message that fits is still taken.
        Assert.That(await inbox.AppendAsync(new AppendRequest(Letter("Petit mot", 300))), Is.Not.Null);
    }

    [Test]
    public async Task Copy_OverQuota_RefusedAndNothingCopied_MoveStillWorks()
    {
        var login = FreshPupil();
        using var client = await Server.ImapAsync(login);
        var inbox = client.Inbox;
        var archives = client.GetFolder(SpecialFolder.Archive)!;
        var trash = client.GetFolder(SpecialFolder.Trash)!;
        _ = await inbox.AppendAsync(new AppendRequest(Letter("Grand devoir", 3_000)));
        await inbox.OpenAsync(FolderAccess.ReadWrite);
        var uid = (await inbox.SearchAsync(MailKit.Search.SearchQuery.All)).Single();

        _ = await inbox.CopyToAsync(uid, archives);
        var used = Used(login);
        Assert.That(used.Messages, Is.EqualTo(2));

        var ex = await Assert.ThrowsAsync<ImapCommandException>(() => inbox.CopyToAsync(uid, trash));
        Assert.That(ex!.Response, Is.EqualTo(ImapCommandResponse.No));
        await trash.StatusAsync(StatusItems.Count);
        Assert.That(trash.Count, Is.Zero);
        Assert.That(Used(login), Is.EqualTo(used));

        // A move keeps the message in the account: no room needed, usage unchanged.
        Assert.That(await inbox.MoveToAsync(uid, trash), Is.Not.Null);
        Assert.That(Used(login), Is.EqualTo(used));
        await trash.StatusAsync(StatusItems.Count);
        Assert.That(trash.Count, Is.EqualTo(1));
    }

    [Test]
    public async Task Expunge_FreesRoom_ThenTheAppendFits()
    {
        var login = FreshPupil();
        using var client = await Server.ImapAsync(login);
        var inbox = client.Inbox;
        _ = await inbox.AppendAsync(new AppendRequest(Letter("Ancien", 5_000)));
        _ = await Assert.ThrowsAsync<ImapCommandException>(() => inbox.AppendAsync(new AppendRequest(Letter("Nouveau", 4_000))));

        await inbox.OpenAsync(FolderAccess.ReadWrite);
        await inbox.AddFlagsAsync(0, MessageFlags.Deleted, silent: true);
        await inbox.ExpungeAsync();
        Assert.That(Used(login).Bytes, Is.Zero);

        var fresh = Letter("Nouveau", 4_000);
        Assert.That(await inbox.AppendAsync(new AppendRequest(fresh)), Is.Not.Null);
        Assert.That((await inbox.GetQuotaAsync()).CurrentStorageSize, Is.EqualTo((Wire(fresh).Length + 1023) / 1024));
    }

    [Test]
    public async Task SetQuota_ByTheUser_RefusedNothingChanged()
    {
        var login = FreshPupil();
        using var client = await Server.ImapAsync(login);

        var ex = await Assert.ThrowsAsync<ImapCommandException>(() => client.Inbox.SetQuotaAsync(null, 1_000_000));
        Assert.That(ex!.Response, Is.EqualTo(ImapCommandResponse.No));
        Assert.That((await client.Inbox.GetQuotaAsync()).StorageLimit, Is.EqualTo(8));
    }

    /// <summary>A plain-text message of about <paramref name="size"/> octets.</summary>
    private static MimeMessage Letter(string subject, int size)
    {
        var message = new MimeMessage();
        message.From.Add(new MailboxAddress("Professeur", "prof.maths@demo.preau.test"));
        message.To.Add(new MailboxAddress("Élève", "eleve@demo.preau.test"));
        message.Subject = subject;
        var body = new StringBuilder();
        while (body.Length < size)
        {
            body.Append("Ligne de texte pour remplir la boîte aux lettres.\n");
        }

        message.Body = new TextPart("plain") { Text = body.ToString(0, Math.Min(body.Length, Math.Max(10, size - 300))) };
        return message;
    }

    /// <summary>The message's octets as MailKit sends them in an APPEND.</summary>
    private static byte[] Wire(MimeMessage message)
    {
        var options = FormatOptions.Default.Clone();
        options.NewLineFormat = NewLineFormat.Dos;
        options.EnsureNewLine = true;
        using var stream = new MemoryStream();
        message.WriteTo(options, stream);
        return stream.ToArray();
    }
}
