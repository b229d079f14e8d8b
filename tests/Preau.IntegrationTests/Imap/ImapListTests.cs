using MailKit;
using Preau.IntegrationTests.Infrastructure;

namespace Preau.IntegrationTests.Imap;

/// <summary>LIST-EXTENDED and LIST-STATUS (RFC 5258, 5819) as MailKit uses them.</summary>
public class ImapListTests : SharedServerFixture
{
    [Test]
    public async Task ListStatus_FolderCountsInOneRoundTrip()
    {
        using var client = await Server.ImapAsync("eleve.5b");
        Assert.That(client.Capabilities.HasFlag(MailKit.Net.Imap.ImapCapabilities.ListStatus), Is.True);
        var root = client.GetFolder(client.PersonalNamespaces[0]);
        var projets = (await root.CreateAsync("Projets", true))!;
        await projets.AppendAsync(TestServer.Message("eleve.5b", "eleve.5b"));
        await projets.AppendAsync(TestServer.Message("eleve.5b", "eleve.5b"), MessageFlags.Seen);
        await projets.SubscribeAsync();

        var folders = await client.GetFoldersAsync(client.PersonalNamespaces[0], StatusItems.Count | StatusItems.Unread);
        var listed = folders.Single(f => f.Name == "Projets");
        Assert.That((listed.Count, listed.Unread), Is.EqualTo((2, 1)));
        Assert.That(folders.Select(f => f.Name), Does.Contain("Envoyés").And.Contain("Corbeille"));

        var subscribed = await client.GetFoldersAsync(client.PersonalNamespaces[0], StatusItems.None, subscribedOnly: true);
        Assert.That(subscribed.Select(f => f.Name), Does.Contain("Projets"));
        Assert.That(subscribed.Select(f => f.Name), Does.Not.Contain("Archives"));
    }

    [Test]
    public async Task List_Hierarchy_ChildrenAttributes()
    {
        using var client = await Server.ImapAsync("eleve.5b");
        var root = client.GetFolder(client.PersonalNamespaces[0]);
        var parent = (await root.CreateAsync("Cours", true))!;
        await parent.CreateAsync("Anglais", true);
        var folders = await client.GetFoldersAsync(client.PersonalNamespaces[0]);
        Assert.That(folders.Single(f => f.FullName == "Cours").Attributes.HasFlag(FolderAttributes.HasChildren), Is.True);
        Assert.That(folders.Single(f => f.FullName == "Cours/Anglais").Attributes.HasFlag(FolderAttributes.HasNoChildren), Is.True);
    }
}
