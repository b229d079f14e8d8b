using MailKit;
using MailKit.Net.Imap;
using Preau.IntegrationTests.Infrastructure;

namespace Preau.IntegrationTests.Imap;

/// <summary>Loose ends found earlier, as MailKit meets them: default folders cannot be deleted, and a
/// STORE on a message another session expunged is refused as RFC 2180 §4.2 recommends.</summary>
public class ImapRefusalTests : SharedServerFixture
{
    [TestCase(SpecialFolder.Sent)]
    [TestCase(SpecialFolder.Drafts)]
    [TestCase(SpecialFolder.Trash)]
    [TestCase(SpecialFolder.Junk)]
    [TestCase(SpecialFolder.Archive)]
    public async Task Delete_DefaultFolder_RefusedAndFolderKeepsItsMessages(SpecialFolder use)
    {
        using var client = await Server.ImapAsync("parent.6a");
        var folder = client.GetFolder(use)!;
        await folder.AppendAsync(TestServer.Message("parent.6a", "parent.6a"));
        await folder.StatusAsync(StatusItems.Count);
        var before = folder.Count;

        var refused = await Assert.ThrowsAsync<ImapCommandException>(() => folder.DeleteAsync());
        Assert.That(refused!.Response, Is.EqualTo(ImapCommandResponse.No));
        Assert.That(refused.ResponseText, Does.StartWith("Le dossier").And.Contain("par defaut"));

        var again = client.GetFolder(use)!;
        await again.StatusAsync(StatusItems.Count);
        Assert.That(again.Count, Is.EqualTo(before), "nothing was deleted or recreated empty");
    }

    [Test]
    public async Task Store_OnMessageExpungedElsewhere_NoWithExpungeIssued()
    {
        using var writer = await Server.ImapAsync("parent.5b");
        var root = writer.GetFolder(writer.PersonalNamespaces[0]);
        var folder = (await root.CreateAsync("Expunge-ailleurs", true))!;
        await folder.AppendAsync(TestServer.Message("parent.5b", "parent.5b"));
        await folder.AppendAsync(TestServer.Message("parent.5b", "parent.5b"));

        using var mine = await Server.ImapAsync("parent.5b");
        var view = mine.GetFolder("Expunge-ailleurs");
        await view.OpenAsync(FolderAccess.ReadWrite);
        await folder.OpenAsync(FolderAccess.ReadWrite);
        await folder.AddFlagsAsync(0, MessageFlags.Deleted, silent: true);
        await folder.ExpungeAsync();

        // MailKit still numbers the expunged message 1 (index 0): it has not been told yet.
        var refused = await Assert.ThrowsAsync<ImapCommandException>(() => view.AddFlagsAsync([0, 1], MessageFlags.Flagged, silent: false));
        Assert.That(refused!.Response, Is.EqualTo(ImapCommandResponse.No));
        Assert.That(refused.ResponseText, Does.Contain("expunged by another session"));

        await mine.NoOpAsync();
        Assert.That(view.Count, Is.EqualTo(1));
        var left = (await view.FetchAsync(0, -1, MessageSummaryItems.Flags)).Single();
        Assert.That(left.Flags!.Value.HasFlag(MessageFlags.Flagged), Is.True, "the message still there got its flag (RFC 2180 §4.2.3)");
    }
}
