using System.Net;
using System.Text;
using MailKit;
using MimeKit;
using Preau.IntegrationTests.Infrastructure;

namespace Preau.IntegrationTests.Web.Mail;

/// <summary>The reading pane: sanitised HTML, remote images blocked until asked, inline and attached
/// parts, \Seen shared with IMAP, the raw message.</summary>
public class MailReadTests : SharedServerFixture
{
    private const string HostileHtml = """
        <html><head><style>body{background:red}</style><script>alert('x')</script></head>
        <body onload="steal()"><p>Bonjour <b>la classe</b></p>
        <img src="https://tracker.example.org/pixel.gif" alt="pixel">
        <img src="cid:logo@ecole">
        <a href="https://exemple.org/devoirs">les devoirs</a>
        <a href="javascript:alert(1)">piège</a>
        <form action="https://evil.example/"><input name="password"></form>
        <iframe src="https://evil.example/"></iframe>
        <div style="background-image: url('https://tracker.example.org/bg.png'); color: blue">fond</div>
        <img src="/api/mail/folders">
        </body></html>
        """;

    private static MimeMessage RichMessage(string subject)
    {
        var builder = new BodyBuilder { TextBody = "Bonjour la classe (texte)", HtmlBody = HostileHtml };
        var logo = builder.LinkedResources.Add("logo.png", Encoding.ASCII.GetBytes("PNGDATA"), new ContentType("image", "png"));
        logo.ContentId = "logo@ecole";
        builder.Attachments.Add("../../etc/passwd évaluation.pdf", Encoding.ASCII.GetBytes("%PDF-1.4 contenu"), new ContentType("application", "pdf"));
        var message = new MimeMessage();
        message.From.Add(new MailboxAddress("Prof. Maths", "prof.maths@demo.preau.test"));
        message.To.Add(new MailboxAddress("Élève 6A", "eleve.6a@demo.preau.test"));
        message.Cc.Add(new MailboxAddress("", "eleve2.6a@demo.preau.test"));
        message.Subject = subject;
        message.MessageId = $"{Guid.NewGuid():N}@demo.preau.test";
        message.Body = builder.ToMessageBody();
        return message;
    }

    [Test]
    public async Task Read_HtmlSanitised_RemoteImagesBlocked_CidServed()
    {
        var subject = "Riche " + Guid.NewGuid().ToString("N")[..8];
        await MailApiClient.AppendAsync(Server, "eleve.6a", RichMessage(subject));
        using var client = await MailApiClient.SignInAsync(Server, "eleve.6a");
        var id = await client.MessageIdAsync(await client.FolderIdAsync("inbox"), subject);
        var read = await client.GetJsonAsync($"api/mail/messages/{id}");
        var html = read.GetProperty("html").GetString()!;
        Assert.That(html, Does.Contain("<b>la classe</b>"));
        Assert.That(html, Does.Not.Contain("<script").And.Not.Contain("alert(").And.Not.Contain("onload").And.Not.Contain("<form")
            .And.Not.Contain("<input").And.Not.Contain("<iframe").And.Not.Contain("javascript:").And.Not.Contain("<style"));
        Assert.That(html, Does.Not.Contain("tracker.example.org"), "remote image and CSS url() blocked");
        Assert.That(html, Does.Contain("data:image/gif;base64"), "placeholder for the blocked image");
        Assert.That(html, Does.Not.Contain("src=\"/api/mail/folders\""), "relative URLs dropped");
        Assert.That(html, Does.Contain("href=\"https://exemple.org/devoirs\"").And.Contain("target=\"_blank\"").And.Contain("rel=\"noopener noreferrer\""));
        Assert.That(read.GetProperty("hasRemoteImages").GetBoolean(), Is.True);
        Assert.That(read.GetProperty("text").GetString(), Is.EqualTo("Bonjour la classe (texte)"));
        Assert.That(read.GetProperty("subject").GetString(), Is.EqualTo(subject));
        Assert.That(read.GetProperty("from").GetProperty("name").GetString(), Is.EqualTo("Prof. Maths"));
        Assert.That(read.GetProperty("cc")[0].GetProperty("address").GetString(), Is.EqualTo("eleve2.6a@demo.preau.test"));

        var cid = System.Text.RegularExpressions.Regex.Match(html, "src=\"(/api/mail/messages/[^\"]+/attachments/[^\"]+)\"").Groups[1].Value;
        Assert.That(cid, Is.Not.Empty, "cid: image rewritten to the attachment endpoint");
        using var image = await client.GetAsync(cid.TrimStart('/'));
        Assert.That(image.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(image.Content.Headers.ContentType!.MediaType, Is.EqualTo("image/png"));
        Assert.That(await image.Content.ReadAsStringAsync(), Is.EqualTo("PNGDATA"));

        var attachments = read.GetProperty("attachments").EnumerateArray().ToArray();
        Assert.That(attachments, Has.Length.EqualTo(1), "the inline logo is not listed");
        Assert.That(attachments[0].GetProperty("name").GetString(), Is.EqualTo("passwd évaluation.pdf"));
        Assert.That(attachments[0].GetProperty("contentType").GetString(), Is.EqualTo("application/pdf"));
        Assert.That(attachments[0].GetProperty("size").GetInt64(), Is.EqualTo(16));

        var shown = await client.GetJsonAsync($"api/mail/messages/{id}?images=1");
        Assert.That(shown.GetProperty("html").GetString(), Does.Contain("https://tracker.example.org/pixel.gif"));
        Assert.That(shown.GetProperty("hasRemoteImages").GetBoolean(), Is.True);
    }

    [Test]
    public async Task Attachment_DownloadedDecoded_AsAttachmentWithNosniff()
    {
        var subject = "Pièce " + Guid.NewGuid().ToString("N")[..8];
        await MailApiClient.AppendAsync(Server, "eleve.6a", RichMessage(subject));
        using var client = await MailApiClient.SignInAsync(Server, "eleve.6a");
        var id = await client.MessageIdAsync(await client.FolderIdAsync("inbox"), subject);
        var part = (await client.GetJsonAsync($"api/mail/messages/{id}?peek=1")).GetProperty("attachments")[0].GetProperty("part").GetString();
        using var response = await client.GetAsync($"api/mail/messages/{id}/attachments/{part}");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(await response.Content.ReadAsStringAsync(), Is.EqualTo("%PDF-1.4 contenu"));
        Assert.That(response.Content.Headers.ContentDisposition!.DispositionType, Is.EqualTo("attachment"));
        Assert.That(response.Content.Headers.ContentDisposition.FileNameStar, Is.EqualTo("passwd évaluation.pdf"));
        Assert.That(response.Headers.GetValues("X-Content-Type-Options"), Is.EqualTo(new[] { "nosniff" }));

        using var missing = await client.GetAsync($"api/mail/messages/{id}/attachments/9.9");
        Assert.That(missing.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }

    [Test]
    public async Task Read_SetsSeen_SeenByImap_PeekDoesNot()
    {
        var subject = "Lu " + Guid.NewGuid().ToString("N")[..8];
        await MailApiClient.AppendAsync(Server, "eleve2.6a", TestServer.Message("prof.maths", "eleve2.6a").Also(m => m.Subject = subject));
        using var client = await MailApiClient.SignInAsync(Server, "eleve2.6a");
        var id = await client.MessageIdAsync(await client.FolderIdAsync("inbox"), subject);

        var peeked = await client.GetJsonAsync($"api/mail/messages/{id}?peek=1");
        Assert.That(peeked.GetProperty("seen").GetBoolean(), Is.False);
        Assert.That((await ImapFlagsAsync("eleve2.6a", subject)).HasFlag(MessageFlags.Seen), Is.False);

        var read = await client.GetJsonAsync($"api/mail/messages/{id}");
        Assert.That(read.GetProperty("seen").GetBoolean(), Is.True);
        Assert.That((await ImapFlagsAsync("eleve2.6a", subject)).HasFlag(MessageFlags.Seen), Is.True);
    }

    [Test]
    public async Task Raw_IsTheStoredMessage()
    {
        var message = RichMessage("Brut " + Guid.NewGuid().ToString("N")[..8]);
        await MailApiClient.AppendAsync(Server, "eleve.6a", message);
        using var client = await MailApiClient.SignInAsync(Server, "eleve.6a");
        var id = await client.MessageIdAsync(await client.FolderIdAsync("inbox"), message.Subject);
        using var response = await client.GetAsync($"api/mail/messages/{id}/raw");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(response.Content.Headers.ContentType!.MediaType, Is.EqualTo("message/rfc822"));
        var parsed = await MimeMessage.LoadAsync(await response.Content.ReadAsStreamAsync());
        Assert.That(parsed.MessageId, Is.EqualTo(message.MessageId));
    }

    [Test]
    public async Task Read_MessageWithoutHeadersOrBody_StillAnswers()
    {
        using var client = await MailApiClient.SignInAsync(Server, "cpe");
        var inbox = await client.FolderIdAsync("inbox");
        var account = Server.Runtime.Directory.Find("cpe")!;
        await Server.Runtime.Mailboxes.AppendAsync(account, "INBOX", "pas de MIME du tout"u8.ToArray(), Preau.Core.Mail.MessageFlags.None, [], null);
        var items = await client.ItemsAsync(inbox);
        var id = items.First(i => i.GetProperty("subject").GetString() == "").GetProperty("id").GetString();
        var read = await client.GetJsonAsync($"api/mail/messages/{id}");
        Assert.That(read.GetProperty("id").GetString(), Is.EqualTo(id));
    }

    private async Task<MessageFlags> ImapFlagsAsync(string login, string subject)
    {
        using var imap = await Server.ImapAsync(login);
        await imap.Inbox.OpenAsync(FolderAccess.ReadOnly);
        var uids = await imap.Inbox.SearchAsync(MailKit.Search.SearchQuery.SubjectContains(subject));
        var summary = (await imap.Inbox.FetchAsync(uids, MessageSummaryItems.Flags)).Single();
        await imap.DisconnectAsync(true);
        return summary.Flags!.Value;
    }
}

/// <summary>Small fluent helper for test data.</summary>
internal static class TestObjectExtensions
{
    public static T Also<T>(this T value, Action<T> change)
    {
        change(value);
        return value;
    }
}
