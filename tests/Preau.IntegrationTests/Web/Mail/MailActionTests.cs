using System.Net;
using MailKit;
using MailKit.Search;
using Preau.IntegrationTests.Infrastructure;

namespace Preau.IntegrationTests.Web.Mail;

/// <summary>Flags, moves and deletes, and that IMAP clients and the webmail see the same state.</summary>
public class MailActionTests : SharedServerFixture
{
    [Test]
    public async Task FlagsSetInWebmail_SeenByImapClient()
    {
        var message = TestServer.Message("prof.maths", "eleve.6a");
        await MailApiClient.AppendAsync(Server, "eleve.6a", message);
        using var client = await MailApiClient.SignInAsync(Server, "eleve.6a");
        var id = await client.MessageIdAsync(await client.FolderIdAsync("inbox"), message.Subject);
        await client.ExpectAsync(HttpStatusCode.NoContent, HttpMethod.Post, "api/mail/messages/flags", new { ids = new[] { id }, seen = true, flagged = true });

        using var imap = await Server.ImapAsync("eleve.6a");
        await imap.Inbox.OpenAsync(FolderAccess.ReadOnly);
        var uid = (await imap.Inbox.SearchAsync(SearchQuery.SubjectContains(message.Subject!))).Single();
        var flags = (await imap.Inbox.FetchAsync([uid], MessageSummaryItems.Flags)).Single().Flags!.Value;
        Assert.That(flags.HasFlag(MessageFlags.Seen) && flags.HasFlag(MessageFlags.Flagged), Is.True, flags.ToString());

        await client.ExpectAsync(HttpStatusCode.NoContent, HttpMethod.Post, "api/mail/messages/flags", new { ids = new[] { id }, flagged = false });
        flags = (await imap.Inbox.FetchAsync([uid], MessageSummaryItems.Flags)).Single().Flags!.Value;
        Assert.That(flags.HasFlag(MessageFlags.Flagged), Is.False);
        Assert.That(flags.HasFlag(MessageFlags.Seen), Is.True);
    }

    [Test]
    public async Task FlagsSetByImapClient_SeenInWebmail()
    {
        var message = TestServer.Message("prof.maths", "eleve.6a");
        await MailApiClient.AppendAsync(Server, "eleve.6a", message);
        using var client = await MailApiClient.SignInAsync(Server, "eleve.6a");
        var inbox = await client.FolderIdAsync("inbox");
        var id = await client.MessageIdAsync(inbox, message.Subject);
        var before = (await client.ItemsAsync(inbox)).Single(i => i.GetProperty("id").GetString() == id);
        Assert.That(before.GetProperty("seen").GetBoolean() || before.GetProperty("flagged").GetBoolean(), Is.False);

        using (var imap = await Server.ImapAsync("eleve.6a"))
        {
            await imap.Inbox.OpenAsync(FolderAccess.ReadWrite);
            var uid = (await imap.Inbox.SearchAsync(SearchQuery.SubjectContains(message.Subject!))).Single();
            await imap.Inbox.StoreAsync(uid, new StoreFlagsRequest(StoreAction.Add, MessageFlags.Seen | MessageFlags.Flagged | MessageFlags.Answered) { Silent = true });
            await imap.DisconnectAsync(true);
        }

        var after = (await client.ItemsAsync(inbox)).Single(i => i.GetProperty("id").GetString() == id);
        Assert.That(after.GetProperty("seen").GetBoolean(), Is.True);
        Assert.That(after.GetProperty("flagged").GetBoolean(), Is.True);
        Assert.That(after.GetProperty("answered").GetBoolean(), Is.True);
        var read = await client.GetJsonAsync($"api/mail/messages/{id}?peek=1");
        Assert.That(read.GetProperty("flagged").GetBoolean(), Is.True);
    }

    [Test]
    public async Task Move_ToAnotherFolder_NewIdThere_GoneFromSource()
    {
        var message = TestServer.Message("cpe", "eleve.5b");
        await MailApiClient.AppendAsync(Server, "eleve.5b", message);
        using var client = await MailApiClient.SignInAsync(Server, "eleve.5b");
        var inbox = await client.FolderIdAsync("inbox");
        var archive = await client.FolderIdAsync("archive");
        var id = await client.MessageIdAsync(inbox, message.Subject);
        await client.ExpectAsync(HttpStatusCode.NoContent, HttpMethod.Post, "api/mail/messages/move", new { ids = new[] { id }, folderId = archive });
        Assert.That((await client.ItemsAsync(inbox)).Any(i => i.GetProperty("subject").GetString() == message.Subject), Is.False);
        var moved = await client.MessageIdAsync(archive, message.Subject);
        Assert.That(moved, Is.Not.EqualTo(id));
        await client.ExpectAsync(HttpStatusCode.NotFound, HttpMethod.Get, $"api/mail/messages/{id}");
        await client.ExpectAsync(HttpStatusCode.NotFound, HttpMethod.Post, "api/mail/messages/move", new { ids = new[] { moved }, folderId = "99999999" });
    }

    [Test]
    public async Task Delete_GoesToCorbeille_ThenExpungedFromCorbeille()
    {
        var message = TestServer.Message("cpe", "eleve.5b");
        await MailApiClient.AppendAsync(Server, "eleve.5b", message);
        using var client = await MailApiClient.SignInAsync(Server, "eleve.5b");
        var inbox = await client.FolderIdAsync("inbox");
        var trash = await client.FolderIdAsync("trash");
        var id = await client.MessageIdAsync(inbox, message.Subject);
        await client.ExpectAsync(HttpStatusCode.NoContent, HttpMethod.Post, "api/mail/messages/delete", new { ids = new[] { id } });
        Assert.That((await client.ItemsAsync(inbox)).Any(i => i.GetProperty("subject").GetString() == message.Subject), Is.False);
        var inTrash = await client.MessageIdAsync(trash, message.Subject);

        await client.ExpectAsync(HttpStatusCode.NoContent, HttpMethod.Post, "api/mail/messages/delete", new { ids = new[] { inTrash } });
        Assert.That((await client.ItemsAsync(trash)).Any(i => i.GetProperty("subject").GetString() == message.Subject), Is.False);
        using var imap = await Server.ImapAsync("eleve.5b");
        var corbeille = await imap.GetFolderAsync("Corbeille");
        await corbeille.OpenAsync(FolderAccess.ReadOnly);
        Assert.That(await corbeille.SearchAsync(SearchQuery.SubjectContains(message.Subject!)), Is.Empty);
    }

    [Test]
    public async Task Flags_OneUnknownIdAmongMany_NothingChanged()
    {
        var message = TestServer.Message("cpe", "eleve.5b");
        await MailApiClient.AppendAsync(Server, "eleve.5b", message);
        using var client = await MailApiClient.SignInAsync(Server, "eleve.5b");
        var inbox = await client.FolderIdAsync("inbox");
        var id = await client.MessageIdAsync(inbox, message.Subject);
        await client.ExpectAsync(HttpStatusCode.NotFound, HttpMethod.Post, "api/mail/messages/flags", new { ids = new[] { id, $"{inbox}-4000000" }, flagged = true });
        var item = (await client.ItemsAsync(inbox)).Single(i => i.GetProperty("id").GetString() == id);
        Assert.That(item.GetProperty("flagged").GetBoolean(), Is.False);
    }
}
