using MailKit;
using MailKit.Net.Imap;
using MailKit.Search;
using MailKit.Security;
using MimeKit;
using Preau.IntegrationTests.Infrastructure;

namespace Preau.IntegrationTests.Imap;

/// <summary>MailKit's ImapClient against the real server: login, folders, append and fetch, flags,
/// search, copy and move, and changes seen by a second session.</summary>
public class ImapBasicsTests : SharedServerFixture
{
    [Test]
    public async Task Login_BothPorts_SpecialUseFoldersListed()
    {
        using var starttls = await Server.ImapAsync("eleve.6a");
        using var tls = await Server.ImapAsync("eleve.6a", implicitTls: true);
        Assert.That(starttls.IsAuthenticated && tls.IsAuthenticated, Is.True);
        Assert.That(starttls.Capabilities.HasFlag(ImapCapabilities.UidPlus) && starttls.Capabilities.HasFlag(ImapCapabilities.Move), Is.True);
        Assert.That(starttls.GetFolder(SpecialFolder.Sent)!.Name, Is.EqualTo("Envoyés"));
        Assert.That(starttls.GetFolder(SpecialFolder.Trash)!.Name, Is.EqualTo("Corbeille"));
        Assert.That(starttls.GetFolder(SpecialFolder.Drafts)!.Name, Is.EqualTo("Brouillons"));
        Assert.That(starttls.GetFolder(SpecialFolder.Junk)!.Name, Is.EqualTo("Indésirables"));
        Assert.That(starttls.GetFolder(SpecialFolder.Archive)!.Name, Is.EqualTo("Archives"));
    }

    [Test]
    public async Task Login_BeforeStartTls_Refused()
    {
        using var client = new ImapClient { ServerCertificateValidationCallback = (_, _, _, _) => true };
        await client.ConnectAsync("127.0.0.1", Server.ImapPort, SecureSocketOptions.None);
        Assert.That(client.Capabilities.HasFlag(ImapCapabilities.LoginDisabled), Is.True);
        await Assert.ThrowsAsync<AuthenticationException>(() => client.AuthenticateAsync("eleve.6a", "demo"));
    }

    [Test]
    public async Task Login_WrongPassword_Refused()
    {
        using var client = new ImapClient { ServerCertificateValidationCallback = (_, _, _, _) => true };
        await client.ConnectAsync("127.0.0.1", Server.ImapTlsPort, SecureSocketOptions.SslOnConnect);
        await Assert.ThrowsAsync<AuthenticationException>(() => client.AuthenticateAsync("eleve.6a", "faux"));
    }

    [Test]
    public async Task AppendFetch_MultipartWithAttachmentAndAccents_EnvelopeAndStructureMatchMimeKit()
    {
        using var client = await Server.ImapAsync("prof.maths");
        var builder = new BodyBuilder { TextBody = "Bonjour à tous,\nvoici le devoir.\n", HtmlBody = "<p>Bonjour à <b>tous</b></p>" };
        builder.Attachments.Add("énoncé.pdf", Enumerable.Range(0, 5000).Select(i => (byte)i).ToArray(), new ContentType("application", "pdf"));
        var message = new MimeMessage();
        message.From.Add(new MailboxAddress("Professeur Maths", "prof.maths@demo.preau.test"));
        message.To.Add(new MailboxAddress("Élève Démo", "eleve.6a@demo.preau.test"));
        message.Subject = "Devoir : équations du 1er degré";
        message.Body = builder.ToMessageBody();
        var drafts = client.GetFolder(SpecialFolder.Drafts)!;
        await drafts.OpenAsync(FolderAccess.ReadWrite);
        var uid = await drafts.AppendAsync(message, MessageFlags.Draft);
        Assert.That(uid, Is.Not.Null);

        var summary = (await drafts.FetchAsync([uid!.Value], MessageSummaryItems.Envelope | MessageSummaryItems.BodyStructure | MessageSummaryItems.Flags | MessageSummaryItems.Size)).Single();
        Assert.That(summary.Envelope!.Subject, Is.EqualTo(message.Subject));
        Assert.That(summary.Envelope!.To.Mailboxes.Single().Name, Is.EqualTo("Élève Démo"));
        Assert.That(summary.Envelope!.From.Mailboxes.Single().Address, Is.EqualTo("prof.maths@demo.preau.test"));
        Assert.That(summary.Flags!.Value.HasFlag(MessageFlags.Draft), Is.True);
        Assert.That(summary.Attachments.Single().FileName, Is.EqualTo("énoncé.pdf"));
        Assert.That(summary.TextBody!.ContentType.MimeType, Is.EqualTo("text/plain").IgnoreCase, "MIME types are case-insensitive (RFC 2045)");
        Assert.That(summary.HtmlBody!.ContentType.MimeType, Is.EqualTo("text/html").IgnoreCase);

        var fetched = await drafts.GetMessageAsync(uid.Value);
        Assert.That(fetched.Subject, Is.EqualTo(message.Subject));
        Assert.That(fetched.TextBody, Does.Contain("voici le devoir"));
        var attachment = (MimePart)fetched.Attachments.Single();
        using var content = new MemoryStream();
        await attachment.Content!.DecodeToAsync(content);
        Assert.That(content.Length, Is.EqualTo(5000));

        var part = await drafts.GetBodyPartAsync(uid.Value, summary.TextBody!);
        Assert.That(((TextPart)part).Text, Does.Contain("Bonjour à tous"));
    }

    [Test]
    public async Task SmtpDelivery_VisibleInInbox_SearchAndFlags()
    {
        using (var smtp = await Server.SubmitAsync("prof.anglais"))
        {
            var m = TestServer.Message("prof.anglais", "eleve.5b");
            m.Subject = "Sortie au musée";
            await smtp.SendAsync(m);
        }

        using var client = await Server.ImapAsync("eleve.5b");
        var inbox = client.Inbox;
        await inbox.OpenAsync(FolderAccess.ReadWrite);
        var found = await inbox.SearchAsync(SearchQuery.SubjectContains("MUSÉE"));
        Assert.That(found, Has.Count.EqualTo(1));
        Assert.That(await inbox.SearchAsync(SearchQuery.NotSeen), Does.Contain(found[0]));

        await inbox.AddFlagsAsync(found[0], MessageFlags.Flagged | MessageFlags.Seen, true);
        Assert.That(await inbox.SearchAsync(SearchQuery.Flagged), Is.EqualTo(found));
        Assert.That(await inbox.SearchAsync(SearchQuery.NotSeen), Does.Not.Contain(found[0]));
        Assert.That(await inbox.SearchAsync(SearchQuery.BodyContains("message de test")), Does.Contain(found[0]));
        Assert.That(await inbox.SearchAsync(SearchQuery.FromContains("prof.anglais")), Does.Contain(found[0]));

        // The flags are in the store: a new session sees them.
        using var other = await Server.ImapAsync("eleve.5b");
        await other.Inbox.OpenAsync(FolderAccess.ReadOnly);
        var flags = (await other.Inbox.FetchAsync([found[0]], MessageSummaryItems.Flags)).Single().Flags!.Value;
        Assert.That(flags.HasFlag(MessageFlags.Flagged) && flags.HasFlag(MessageFlags.Seen), Is.True);
    }

    [Test]
    public async Task CopyMove_CopyUidReturned_AndExpungeSeenBySecondSession()
    {
        using var client = await Server.ImapAsync("cpe");
        var archive = client.GetFolder(SpecialFolder.Archive)!;
        var created = (await client.GetFolder(client.PersonalNamespaces[0]).CreateAsync("Classe 6A", true))!;
        var inbox = client.Inbox;
        await inbox.OpenAsync(FolderAccess.ReadWrite);
        var uids = new List<UniqueId>();
        for (var i = 0; i < 3; i++)
        {
            uids.Add((await inbox.AppendAsync(TestServer.Message("cpe", "cpe")))!.Value);
        }

        var copied = await inbox.CopyToAsync(uids[0], archive);
        Assert.That(copied, Is.Not.Null);

        using var watcher = await Server.ImapAsync("cpe");
        await watcher.Inbox.OpenAsync(FolderAccess.ReadOnly);
        var before = watcher.Inbox.Count;

        var moved = await inbox.MoveToAsync(uids[1], created);
        Assert.That(moved, Is.Not.Null);
        await inbox.AddFlagsAsync(uids[2], MessageFlags.Deleted, true);
        await inbox.ExpungeAsync();

        await watcher.Inbox.CheckAsync();
        Assert.That(watcher.Inbox.Count, Is.EqualTo(before - 2), "the second session saw both expunges");

        await created.OpenAsync(FolderAccess.ReadOnly);
        Assert.That(created.Count, Is.EqualTo(1));
    }

    [Test]
    public async Task Idle_WokenBySmtpDelivery()
    {
        using var client = await Server.ImapAsync("parent.6a");
        var inbox = client.Inbox;
        await inbox.OpenAsync(FolderAccess.ReadOnly);
        var start = inbox.Count;
        var arrived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        inbox.CountChanged += (_, _) =>
        {
            if (inbox.Count > start)
            {
                arrived.TrySetResult();
            }
        };
        using var done = new CancellationTokenSource();
        var idle = client.IdleAsync(done.Token);
        await Task.Delay(200);
        using (var smtp = await Server.SubmitAsync("eleve.6a"))
        {
            await smtp.SendAsync(TestServer.Message("eleve.6a", "parent.6a"));
        }

        await arrived.Task.WaitAsync(TimeSpan.FromSeconds(10));
        await done.CancelAsync();
        await idle;
        Assert.That(inbox.Count, Is.EqualTo(start + 1));
    }

    [Test]
    public async Task Idle_Repeated_EachIdleWokenByItsDelivery()
    {
        // An IDLE ended by DONE without any change must leave nothing behind that would swallow the
        // first change of the next IDLE.
        using var client = await Server.ImapAsync("parent.5b");
        var inbox = client.Inbox;
        await inbox.OpenAsync(FolderAccess.ReadOnly);
        using (var quiet = new CancellationTokenSource(TimeSpan.FromMilliseconds(300)))
        {
            await client.IdleAsync(quiet.Token);
        }

        for (var round = 0; round < 3; round++)
        {
            var start = inbox.Count;
            var arrived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            void OnCount(object? sender, EventArgs e)
            {
                if (inbox.Count > start)
                {
                    arrived.TrySetResult();
                }
            }

            inbox.CountChanged += OnCount;
            using var done = new CancellationTokenSource();
            var idle = client.IdleAsync(done.Token);
            await Task.Delay(200);
            using (var smtp = await Server.SubmitAsync("prof.anglais"))
            {
                await smtp.SendAsync(TestServer.Message("prof.anglais", "parent.5b"));
            }

            await arrived.Task.WaitAsync(TimeSpan.FromSeconds(10));
            await done.CancelAsync();
            await idle;
            inbox.CountChanged -= OnCount;
        }
    }
}
