using System.Net;
using System.Text;
using MailKit;
using MailKit.Search;
using MimeKit;
using Preau.IntegrationTests.Infrastructure;

namespace Preau.IntegrationTests.Web.Mail;

/// <summary>Sending from the webmail goes through the same Core path as SMTP: the policy decides, a copy
/// lands in Envoyés, the recipients get it in their INBOX; replies, forwards, attachments and drafts.</summary>
public class MailSendTests : SharedServerFixture
{
    private protected override void Configure(Dictionary<string, string?> settings) =>
        settings["Mail:MaxMessageSize"] = "1048576";

    private static string Subject(string what) => $"{what} {Guid.NewGuid().ToString("N")[..8]}";

    [Test]
    public async Task Send_Allowed_LandsInEnvoyesAndInRecipientsInbox()
    {
        using var client = await MailApiClient.SignInAsync(Server, "eleve.6a");
        var subject = Subject("Devoirs");
        var sent = await client.ExpectAsync(HttpStatusCode.OK, HttpMethod.Post, "api/mail/send", new
        {
            to = new[] { "Élève Deux <eleve2.6a@demo.preau.test>" },
            bcc = new[] { "prof.maths@demo.preau.test" },
            subject,
            text = "Tu as fait l'exercice 3 ?",
        });
        var id = sent.GetProperty("id").GetString();
        Assert.That(id, Does.StartWith(await client.FolderIdAsync("sent") + "-"));
        var copy = await client.GetJsonAsync($"api/mail/messages/{id}");
        Assert.That(copy.GetProperty("subject").GetString(), Is.EqualTo(subject));
        Assert.That(copy.GetProperty("seen").GetBoolean(), Is.True);
        Assert.That(copy.GetProperty("text").GetString(), Does.Contain("exercice 3"));

        Assert.That(Server.HasMessage("eleve2.6a", subject), Is.True);
        Assert.That(Server.HasMessage("prof.maths", subject), Is.True, "Bcc delivered");
        using var imap = await Server.ImapAsync("eleve2.6a");
        await imap.Inbox.OpenAsync(FolderAccess.ReadOnly);
        var uid = (await imap.Inbox.SearchAsync(SearchQuery.SubjectContains(subject))).Single();
        var received = await imap.Inbox.GetMessageAsync(uid);
        Assert.That(received.From.Mailboxes.Single().Address, Is.EqualTo("eleve.6a@demo.preau.test"));
        Assert.That(received.Bcc, Is.Empty);
        Assert.That(received.Headers[HeaderId.Bcc], Is.Null);
        Assert.That(received.Headers[HeaderId.Received], Does.Contain("HTTP"));
    }

    [Test]
    public async Task Send_RefusedRecipient_422WithTheRulesReason_NothingSent()
    {
        using var client = await MailApiClient.SignInAsync(Server, "eleve.6a");
        var subject = Subject("Interdit");
        var refused = await client.ExpectAsync(HttpStatusCode.UnprocessableEntity, HttpMethod.Post, "api/mail/send", new
        {
            to = new[] { "eleve2.6a@demo.preau.test", "eleve.5b@demo.preau.test" },
            subject,
            text = "Salut",
        });
        Assert.That(refused.GetProperty("error").GetString(), Does.Contain("rien n'a été envoyé"));
        var only = refused.GetProperty("refused").EnumerateArray().Single();
        Assert.That(only.GetProperty("address").GetString(), Is.EqualTo("eleve.5b@demo.preau.test"));
        Assert.That(only.GetProperty("reason").GetString(), Does.Contain("eleve.6a ne peut pas écrire à eleve.5b").And.Contain("eleve-classe"));
        Assert.That(Server.HasMessage("eleve2.6a", subject), Is.False, "nothing sent when one recipient is refused");
        Assert.That(Server.HasMessage("eleve.5b", subject), Is.False);
        var sent = await client.FolderIdAsync("sent");
        Assert.That((await client.ItemsAsync(sent)).Any(i => i.GetProperty("subject").GetString() == subject), Is.False);
    }

    [Test]
    public async Task Send_ToAClassList_EveryMemberGetsIt()
    {
        using var client = await MailApiClient.SignInAsync(Server, "prof.maths");
        var subject = Subject("Sortie");
        await client.ExpectAsync(HttpStatusCode.OK, HttpMethod.Post, "api/mail/send", new { to = new[] { "eleves.6a@demo.preau.test" }, subject, html = "<p>Sortie <b>vendredi</b><script>x()</script></p>" });
        Assert.That(Server.HasMessage("eleve.6a", subject) && Server.HasMessage("eleve2.6a", subject), Is.True);
        using var imap = await Server.ImapAsync("eleve.6a");
        await imap.Inbox.OpenAsync(FolderAccess.ReadOnly);
        var received = await imap.Inbox.GetMessageAsync((await imap.Inbox.SearchAsync(SearchQuery.SubjectContains(subject))).Single());
        Assert.That(received.HtmlBody, Does.Contain("<b>vendredi</b>").And.Not.Contain("script"));
        Assert.That(received.TextBody, Does.Contain("vendredi"));
    }

    [Test]
    public async Task Reply_SetsThreadHeaders_AndAnsweredSharedWithImap()
    {
        var original = TestServer.Message("prof.maths", "eleve.6a");
        original.MessageId = $"{Guid.NewGuid():N}@demo.preau.test";
        await MailApiClient.AppendAsync(Server, "eleve.6a", original);
        using var client = await MailApiClient.SignInAsync(Server, "eleve.6a");
        var inbox = await client.FolderIdAsync("inbox");
        var id = await client.MessageIdAsync(inbox, original.Subject);
        var subject = "Re: " + original.Subject;
        await client.ExpectAsync(HttpStatusCode.OK, HttpMethod.Post, "api/mail/send", new { to = new[] { "prof.maths@demo.preau.test" }, subject, text = "Merci", replyTo = id });

        using var imap = await Server.ImapAsync("prof.maths");
        await imap.Inbox.OpenAsync(FolderAccess.ReadOnly);
        var reply = await imap.Inbox.GetMessageAsync((await imap.Inbox.SearchAsync(SearchQuery.SubjectContains(subject))).Single());
        Assert.That(reply.InReplyTo, Is.EqualTo(original.MessageId));
        Assert.That(reply.References, Does.Contain(original.MessageId));
        var item = (await client.ItemsAsync(inbox)).Single(i => i.GetProperty("id").GetString() == id);
        Assert.That(item.GetProperty("answered").GetBoolean(), Is.True);
    }

    [Test]
    public async Task Forward_AttachesTheOriginal()
    {
        var original = TestServer.Message("cpe", "prof.maths");
        await MailApiClient.AppendAsync(Server, "prof.maths", original);
        using var client = await MailApiClient.SignInAsync(Server, "prof.maths");
        var id = await client.MessageIdAsync(await client.FolderIdAsync("inbox"), original.Subject);
        var subject = "TR: " + original.Subject;
        var sent = await client.ExpectAsync(HttpStatusCode.OK, HttpMethod.Post, "api/mail/send", new { to = new[] { "prof.anglais@demo.preau.test" }, subject, text = "Pour info", forwardOf = id });
        var copy = await client.GetJsonAsync($"api/mail/messages/{sent.GetProperty("id").GetString()}");
        var attachment = copy.GetProperty("attachments").EnumerateArray().Single();
        Assert.That(attachment.GetProperty("contentType").GetString(), Is.EqualTo("message/rfc822"));
        Assert.That(attachment.GetProperty("name").GetString(), Is.EqualTo(original.Subject + ".eml"));
        Assert.That(Server.HasMessage("prof.anglais", subject), Is.True);
    }

    [Test]
    public async Task Upload_ThenSendWithAttachment_RecipientGetsTheFile_UploadConsumed()
    {
        using var client = await MailApiClient.SignInAsync(Server, "eleve.6a");
        using var content = new MultipartFormDataContent { { new ByteArrayContent(Encoding.UTF8.GetBytes("Rédaction : mon été")), "file", "..\\..\\rédaction.txt" } };
        var upload = await client.ExpectAsync(HttpStatusCode.Created, HttpMethod.Post, "api/mail/uploads", content);
        Assert.That(upload.GetProperty("name").GetString(), Is.EqualTo("rédaction.txt"));
        Assert.That(upload.GetProperty("size").GetInt64(), Is.EqualTo(Encoding.UTF8.GetByteCount("Rédaction : mon été")));
        var uploadId = upload.GetProperty("id").GetString();

        var subject = Subject("Rédaction");
        await client.ExpectAsync(HttpStatusCode.OK, HttpMethod.Post, "api/mail/send", new { to = new[] { "prof.maths@demo.preau.test" }, subject, text = "Ci-joint.", attachments = new[] { uploadId } });
        using var imap = await Server.ImapAsync("prof.maths");
        await imap.Inbox.OpenAsync(FolderAccess.ReadOnly);
        var received = await imap.Inbox.GetMessageAsync((await imap.Inbox.SearchAsync(SearchQuery.SubjectContains(subject))).Single());
        var file = (MimePart)received.Attachments.Single();
        Assert.That(file.FileName, Is.EqualTo("rédaction.txt"));
        using var decoded = new MemoryStream();
        await file.Content!.DecodeToAsync(decoded);
        Assert.That(Encoding.UTF8.GetString(decoded.ToArray()), Is.EqualTo("Rédaction : mon été"));

        await client.ExpectAsync(HttpStatusCode.NotFound, HttpMethod.Post, "api/mail/send", new { to = new[] { "prof.maths@demo.preau.test" }, subject, text = "x", attachments = new[] { uploadId } });
    }

    [Test]
    public async Task Upload_TooLarge_413()
    {
        using var client = await MailApiClient.SignInAsync(Server, "eleve2.6a");
        using var content = new MultipartFormDataContent { { new ByteArrayContent(new byte[800 * 1024]), "file", "gros.bin" } };
        var refused = await client.ExpectAsync(HttpStatusCode.RequestEntityTooLarge, HttpMethod.Post, "api/mail/uploads", content);
        Assert.That(refused.GetProperty("error").GetString(), Does.Contain("Mo"));
        using var small = new MultipartFormDataContent { { new ByteArrayContent(new byte[1024]), "file", "petit.bin" } };
        await client.ExpectAsync(HttpStatusCode.Created, HttpMethod.Post, "api/mail/uploads", small);
    }

    [Test]
    public async Task Upload_WithoutFileField_400()
    {
        using var client = await MailApiClient.SignInAsync(Server, "eleve2.6a");
        using var content = new MultipartFormDataContent { { new StringContent("x"), "autre" } };
        await client.ExpectAsync(HttpStatusCode.BadRequest, HttpMethod.Post, "api/mail/uploads", content);
        await client.ExpectAsync(HttpStatusCode.BadRequest, HttpMethod.Post, "api/mail/uploads", new StringContent("pas du multipart"));
    }

    [Test]
    public async Task Drafts_SavedInBrouillons_Replaced_ThenRemovedWhenSent()
    {
        using var client = await MailApiClient.SignInAsync(Server, "parent.6a");
        var drafts = await client.FolderIdAsync("drafts");
        var subject = Subject("Absence");
        var first = await client.ExpectAsync(HttpStatusCode.OK, HttpMethod.Put, "api/mail/drafts", new { to = new[] { "cpe@demo.preau.test" }, bcc = new[] { "parent.6a@demo.preau.test" }, subject, text = "Mon enfant sera" });
        var firstId = first.GetProperty("draftId").GetString();
        var item = (await client.ItemsAsync(drafts)).Single(i => i.GetProperty("id").GetString() == firstId);
        Assert.That(item.GetProperty("draft").GetBoolean(), Is.True);

        var second = await client.ExpectAsync(HttpStatusCode.OK, HttpMethod.Put, "api/mail/drafts", new { draftId = firstId, to = new[] { "cpe@demo.preau.test" }, bcc = new[] { "parent.6a@demo.preau.test" }, subject, text = "Mon enfant sera absent demain." });
        var secondId = second.GetProperty("draftId").GetString();
        var inDrafts = (await client.ItemsAsync(drafts)).Where(i => i.GetProperty("subject").GetString() == subject).ToArray();
        Assert.That(inDrafts.Select(i => i.GetProperty("id").GetString()), Is.EqualTo(new[] { secondId }));
        using (var raw = await client.GetAsync($"api/mail/messages/{secondId}/raw"))
        {
            var saved = await MimeMessage.LoadAsync(await raw.Content.ReadAsStreamAsync());
            Assert.That(saved.Bcc.Mailboxes.Single().Address, Is.EqualTo("parent.6a@demo.preau.test"), "a draft remembers its Bcc");
        }

        await client.ExpectAsync(HttpStatusCode.OK, HttpMethod.Post, "api/mail/send", new { to = new[] { "cpe@demo.preau.test" }, subject, text = "Mon enfant sera absent demain.", draftId = secondId });
        Assert.That((await client.ItemsAsync(drafts)).Any(i => i.GetProperty("subject").GetString() == subject), Is.False);
        Assert.That(Server.HasMessage("cpe", subject), Is.True);
    }

    [Test]
    public async Task Draft_Delete_AndOnlyDraftsCanBeDeletedThere()
    {
        using var client = await MailApiClient.SignInAsync(Server, "parent.5b");
        var saved = await client.ExpectAsync(HttpStatusCode.OK, HttpMethod.Put, "api/mail/drafts", new { subject = Subject("Brouillon"), text = "…" });
        var id = saved.GetProperty("draftId").GetString();
        await client.ExpectAsync(HttpStatusCode.NoContent, HttpMethod.Delete, $"api/mail/drafts/{id}");
        await client.ExpectAsync(HttpStatusCode.NotFound, HttpMethod.Delete, $"api/mail/drafts/{id}");

        var message = TestServer.Message("cpe", "parent.5b");
        await MailApiClient.AppendAsync(Server, "parent.5b", message);
        var inboxMessage = await client.MessageIdAsync(await client.FolderIdAsync("inbox"), message.Subject);
        await client.ExpectAsync(HttpStatusCode.NotFound, HttpMethod.Delete, $"api/mail/drafts/{inboxMessage}");
    }
}
