using MailKit;
using MailKit.Net.Imap;
using MailKit.Search;
using MimeKit;
using Preau.IntegrationTests.Infrastructure;

namespace Preau.IntegrationTests.Imap;

/// <summary>UTF8=ACCEPT (RFC 6855) as MailKit uses it, and what a session that enabled it and one that did
/// not see of the same folders.</summary>
public class ImapUtf8Tests : SharedServerFixture
{
    [Test]
    public async Task EnableUtf8_FoldersSearchAndAppend_WorkWithMailKit()
    {
        using var client = await Server.ImapAsync("prof.maths");
        Assert.That(client.Capabilities.HasFlag(ImapCapabilities.UTF8Accept), Is.True);
        Assert.That(client.Capabilities.HasFlag(ImapCapabilities.IMAP4rev2) && client.Capabilities.HasFlag(ImapCapabilities.IMAP4rev1), Is.True, "both versions announced");
        await client.EnableUTF8Async();

        var root = client.GetFolder(client.PersonalNamespaces[0]);
        var folder = (await root.CreateAsync("Conseils de classe — 6ᵉ", true))!;
        var message = TestServer.Message("prof.maths", "prof.maths");
        message.Subject = "Compte rendu : élèves délégués";
        message.From.Clear();
        message.From.Add(new MailboxAddress("Mathématiques Démo", "prof.maths@demo.preau.test"));
        await folder.AppendAsync(message);

        var listed = await client.GetFoldersAsync(client.PersonalNamespaces[0]);
        Assert.That(listed.Select(f => f.FullName), Does.Contain("Conseils de classe — 6ᵉ").And.Contain("Envoyés").And.Contain("Indésirables"));

        await folder.OpenAsync(FolderAccess.ReadWrite);
        var found = await folder.SearchAsync(SearchQuery.SubjectContains("délégués"));
        Assert.That(found, Has.Count.EqualTo(1), "MailKit searches without CHARSET once UTF-8 is on");
        var summary = (await folder.FetchAsync(found, MessageSummaryItems.Envelope)).Single();
        Assert.That(summary.Envelope!.Subject, Is.EqualTo("Compte rendu : élèves délégués"));
        Assert.That(summary.Envelope.From.Mailboxes.Single().Name, Is.EqualTo("Mathématiques Démo"));
    }

    [Test]
    public async Task Utf8Folder_SeenInModifiedUtf7ByAnotherSession()
    {
        await using (var utf8 = await RawImap.LoggedInAsync(Server, "prof.anglais"))
        {
            Assert.That((await utf8.CommandAsync("a ENABLE UTF8=ACCEPT"))[0], Is.EqualTo("* ENABLED UTF8=ACCEPT"));
            Assert.That((await utf8.CommandAsync("b CREATE \"Sorties scolaires/Musée\""))[^1], Does.StartWith("b OK"), utf8.Transcript);
        }

        await using var legacy = await RawImap.LoggedInAsync(Server, "prof.anglais");
        var reply = await legacy.CommandAsync("c LIST \"\" \"Sorties scolaires/*\"");
        Assert.That(reply[0], Is.EqualTo("* LIST (\\HasNoChildren) \"/\" \"Sorties scolaires/Mus&AOk-e\""), legacy.Transcript);

        using var mailkit = await Server.ImapAsync("prof.anglais");
        var folder = await mailkit.GetFolderAsync("Sorties scolaires/Musée");
        Assert.That(folder.Name, Is.EqualTo("Musée"), "MailKit without UTF-8 decodes the modified UTF-7");
    }

    [Test]
    public async Task Utf8Accept_ResponseTextKeepsAccents_OthersGetAscii()
    {
        await using var plain = await RawImap.LoggedInAsync(Server, "eleve2.6a");
        var refused = await plain.CommandAsync("a DELETE Corbeille");
        Assert.That(refused[^1], Is.EqualTo("a NO [CANNOT] Le dossier \"Corbeille\" est un dossier par defaut : il ne peut pas etre supprime (a default folder cannot be deleted)"));

        Assert.That((await plain.CommandAsync("b ENABLE UTF8=ACCEPT"))[^1], Does.StartWith("b OK"));
        var again = await plain.CommandAsync("c DELETE Corbeille");
        Assert.That(again[^1], Is.EqualTo("c NO [CANNOT] Le dossier \"Corbeille\" est un dossier par défaut : il ne peut pas être supprimé (a default folder cannot be deleted)"));
    }
}
