using System.Net;
using Preau.IntegrationTests.Infrastructure;

namespace Preau.IntegrationTests.Web.Mail;

/// <summary>The folder tree with counts, and folder changes seen by IMAP.</summary>
public class MailFolderTests : SharedServerFixture
{
    [Test]
    public async Task Folders_DefaultSetWithFrenchLabelsAndSpecialUses()
    {
        using var client = await MailApiClient.SignInAsync(Server, "prof.anglais");
        var folders = await client.FoldersAsync();
        var uses = folders.Take(6).Select(f => (f.GetProperty("label").GetString(), f.GetProperty("specialUse").GetString())).ToArray();
        Assert.That(uses, Is.EqualTo(new (string?, string?)[]
        {
            ("Boîte de réception", "inbox"), ("Envoyés", "sent"), ("Brouillons", "drafts"),
            ("Corbeille", "trash"), ("Indésirables", "junk"), ("Archives", "archive"),
        }));
        Assert.That(folders.All(f => f.GetProperty("parentId").ValueKind == System.Text.Json.JsonValueKind.Null), Is.True);
    }

    [Test]
    public async Task Folders_CountTotalAndUnread_AsImapSetsThem()
    {
        using var client = await MailApiClient.SignInAsync(Server, "eleve.5b");
        var before = (await client.FoldersAsync()).Single(f => f.GetProperty("specialUse").GetString() == "inbox");
        await MailApiClient.AppendAsync(Server, "eleve.5b", TestServer.Message("cpe", "eleve.5b"));
        await MailApiClient.AppendAsync(Server, "eleve.5b", TestServer.Message("cpe", "eleve.5b"), MailKit.MessageFlags.Seen);
        var after = (await client.FoldersAsync()).Single(f => f.GetProperty("specialUse").GetString() == "inbox");
        Assert.That(after.GetProperty("total").GetInt32(), Is.EqualTo(before.GetProperty("total").GetInt32() + 2));
        Assert.That(after.GetProperty("unread").GetInt32(), Is.EqualTo(before.GetProperty("unread").GetInt32() + 1));
    }

    [Test]
    public async Task CreateRenameDelete_SubFolder_SeenByImap()
    {
        using var client = await MailApiClient.SignInAsync(Server, "prof.maths");
        var inbox = await client.FolderIdAsync("inbox");
        var created = await client.ExpectAsync(HttpStatusCode.Created, HttpMethod.Post, "api/mail/folders", new { name = "Conseils de classe", parentId = inbox });
        var id = created.GetProperty("id").GetString();
        Assert.That(created.GetProperty("name").GetString(), Is.EqualTo("INBOX/Conseils de classe"));
        Assert.That(created.GetProperty("parentId").GetString(), Is.EqualTo(inbox));
        Assert.That(created.GetProperty("label").GetString(), Is.EqualTo("Conseils de classe"));

        var renamed = await client.ExpectAsync(HttpStatusCode.OK, HttpMethod.Patch, $"api/mail/folders/{id}", new { name = "Conseils 2026" });
        Assert.That(renamed.GetProperty("id").GetString(), Is.EqualTo(id));
        Assert.That(renamed.GetProperty("name").GetString(), Is.EqualTo("INBOX/Conseils 2026"));
        using (var imap = await Server.ImapAsync("prof.maths"))
        {
            var names = (await imap.GetFoldersAsync(imap.PersonalNamespaces[0])).Select(f => f.FullName).ToArray();
            Assert.That(names, Does.Contain("INBOX/Conseils 2026").And.Not.Contain("INBOX/Conseils de classe"));
        }

        await client.ExpectAsync(HttpStatusCode.BadRequest, HttpMethod.Post, "api/mail/folders", new { name = "Conseils 2026", parentId = inbox });
        await client.ExpectAsync(HttpStatusCode.NoContent, HttpMethod.Delete, $"api/mail/folders/{id}");
        Assert.That((await client.FoldersAsync()).Any(f => f.GetProperty("id").GetString() == id), Is.False);
        await client.ExpectAsync(HttpStatusCode.NotFound, HttpMethod.Delete, $"api/mail/folders/{id}");
    }

    [TestCase("inbox")]
    [TestCase("sent")]
    [TestCase("trash")]
    public async Task SpecialFolders_CannotBeRenamedOrDeleted(string use)
    {
        using var client = await MailApiClient.SignInAsync(Server, "cpe");
        var id = await client.FolderIdAsync(use);
        var rename = await client.ExpectAsync(HttpStatusCode.BadRequest, HttpMethod.Patch, $"api/mail/folders/{id}", new { name = "Autre" });
        Assert.That(rename.GetProperty("error").GetString(), Does.Contain("spéciaux"));
        await client.ExpectAsync(HttpStatusCode.BadRequest, HttpMethod.Delete, $"api/mail/folders/{id}");
        Assert.That(await client.FolderIdAsync(use), Is.EqualTo(id));
    }

    [Test]
    public async Task Delete_FolderWithChildren_Refused()
    {
        using var client = await MailApiClient.SignInAsync(Server, "principal");
        var parent = await client.ExpectAsync(HttpStatusCode.Created, HttpMethod.Post, "api/mail/folders", new { name = "Projets" });
        var parentId = parent.GetProperty("id").GetString();
        await client.ExpectAsync(HttpStatusCode.Created, HttpMethod.Post, "api/mail/folders", new { name = "Voyage", parentId });
        var refused = await client.ExpectAsync(HttpStatusCode.BadRequest, HttpMethod.Delete, $"api/mail/folders/{parentId}");
        Assert.That(refused.GetProperty("error").GetString(), Does.Contain("sous-dossiers"));
    }
}
