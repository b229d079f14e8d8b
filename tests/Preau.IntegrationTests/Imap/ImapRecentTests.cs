using MailKit;
using MailKit.Net.Imap;
using MailKit.Search;
using Preau.IntegrationTests.Infrastructure;

namespace Preau.IntegrationTests.Imap;

/// <summary>\Recent as RFC 3501 §2.3.2 defines it, through MailKit: the first read-write session to hear of
/// a message is the only one that sees it recent; STATUS, SELECT, SEARCH and FETCH agree; EXAMINE looks
/// without taking; the mark survives a restart.</summary>
public class ImapRecentTests : SharedServerFixture
{
    [Test]
    public async Task Select_FirstSessionClaimsRecent_SecondSessionSeesNone()
    {
        using var writer = await Server.ImapAsync("prof.anglais");
        var folder = await CreateAsync(writer, "Recent-select");
        await folder.AppendAsync(TestServer.Message("prof.anglais", "prof.anglais"));
        await folder.AppendAsync(TestServer.Message("prof.anglais", "prof.anglais"), MessageFlags.Seen);
        await folder.StatusAsync(StatusItems.Recent);
        Assert.That(folder.Recent, Is.EqualTo(2), "STATUS counts the messages nobody has selected yet");

        using var first = await Server.ImapAsync("prof.anglais");
        var mine = first.GetFolder("Recent-select");
        await mine.OpenAsync(FolderAccess.ReadWrite);
        Assert.That(mine.Recent, Is.EqualTo(2));
        var flags = await mine.FetchAsync(0, -1, MessageSummaryItems.Flags);
        Assert.That(flags.Select(m => m.Flags!.Value.HasFlag(MessageFlags.Recent)), Is.All.True);
        Assert.That(await mine.SearchAsync(SearchQuery.Recent), Has.Count.EqualTo(2));
        Assert.That(await mine.SearchAsync(SearchQuery.New), Has.Count.EqualTo(1), "NEW is RECENT and not SEEN");
        Assert.That(await mine.SearchAsync(SearchQuery.Old), Is.Empty);

        using var second = await Server.ImapAsync("prof.anglais");
        var theirs = second.GetFolder("Recent-select");
        await theirs.OpenAsync(FolderAccess.ReadWrite);
        Assert.That(theirs.Recent, Is.EqualTo(0));
        var theirFlags = await theirs.FetchAsync(0, -1, MessageSummaryItems.Flags);
        Assert.That(theirFlags.Select(m => m.Flags!.Value.HasFlag(MessageFlags.Recent)), Is.All.False);
        Assert.That(await theirs.SearchAsync(SearchQuery.Recent), Is.Empty);
        Assert.That(await theirs.SearchAsync(SearchQuery.Old), Has.Count.EqualTo(2));

        await folder.StatusAsync(StatusItems.Recent);
        Assert.That(folder.Recent, Is.EqualTo(0), "both are claimed now");
        await mine.StatusAsync(StatusItems.Recent);
        Assert.That(mine.Recent, Is.EqualTo(2), "STATUS of the session's own selected mailbox counts what it claimed");
    }

    [Test]
    public async Task NewArrival_SessionThatLearnsFirstClaimsIt()
    {
        using var writer = await Server.ImapAsync("prof.maths");
        var folder = await CreateAsync(writer, "Recent-arrival");
        using var first = await Server.ImapAsync("prof.maths");
        using var second = await Server.ImapAsync("prof.maths");
        var a = first.GetFolder("Recent-arrival");
        var b = second.GetFolder("Recent-arrival");
        await a.OpenAsync(FolderAccess.ReadWrite);
        await b.OpenAsync(FolderAccess.ReadWrite);

        var uid = (await folder.AppendAsync(TestServer.Message("prof.maths", "prof.maths")))!.Value;

        // Both sessions were told by the change bus; the first to run a command claims the message.
        await first.NoOpAsync();
        await second.NoOpAsync();
        Assert.That((a.Count, b.Count), Is.EqualTo((1, 1)));
        Assert.That((a.Recent, b.Recent), Is.EqualTo((1, 0)));
        Assert.That((await a.FetchAsync([uid], MessageSummaryItems.Flags)).Single().Flags!.Value.HasFlag(MessageFlags.Recent), Is.True);
        Assert.That((await b.FetchAsync([uid], MessageSummaryItems.Flags)).Single().Flags!.Value.HasFlag(MessageFlags.Recent), Is.False);
        Assert.That(await b.SearchAsync(SearchQuery.Recent), Is.Empty);
        Assert.That(await a.SearchAsync(SearchQuery.Recent), Is.EqualTo(new[] { uid }));
    }

    [Test]
    public async Task Examine_ShowsRecentWithoutClaiming()
    {
        using var writer = await Server.ImapAsync("cpe");
        var folder = await CreateAsync(writer, "Recent-examine");
        await folder.AppendAsync(TestServer.Message("cpe", "cpe"));

        using var reader = await Server.ImapAsync("cpe");
        var looking = reader.GetFolder("Recent-examine");
        await looking.OpenAsync(FolderAccess.ReadOnly);
        Assert.That(looking.Recent, Is.EqualTo(1), "a read-only session sees what nobody claimed");
        await looking.CloseAsync();

        using var selecting = await Server.ImapAsync("cpe");
        var taking = selecting.GetFolder("Recent-examine");
        await taking.OpenAsync(FolderAccess.ReadWrite);
        Assert.That(taking.Recent, Is.EqualTo(1), "EXAMINE left it for the first SELECT");
    }

    [Test]
    public async Task Imap4Rev2Session_DoesNotClaim()
    {
        using var writer = await Server.ImapAsync("principal");
        var folder = await CreateAsync(writer, "Recent-rev2");
        await folder.AppendAsync(TestServer.Message("principal", "principal"));

        await using (var rev2 = await RawImap.LoggedInAsync(Server, "principal"))
        {
            Assert.That((await rev2.CommandAsync("e ENABLE IMAP4rev2"))[0], Is.EqualTo("* ENABLED IMAP4rev2"));
            var select = await rev2.CommandAsync("s SELECT Recent-rev2");
            Assert.That(select, Has.None.Contains("RECENT"), rev2.Transcript);
            Assert.That(select[^1], Does.StartWith("s OK [READ-WRITE]"));
        }

        using var rev1 = await Server.ImapAsync("principal");
        var inbox = rev1.GetFolder("Recent-rev2");
        await inbox.OpenAsync(FolderAccess.ReadWrite);
        Assert.That(inbox.Recent, Is.EqualTo(1), "an IMAP4rev2 session has no \\Recent and leaves it to IMAP4rev1 ones");
    }

    [Test]
    public async Task Restart_ClaimedMessagesStayClaimed()
    {
        await using var server = await TestServer.StartAsync();
        using (var client = await server.ImapAsync("eleve.5b"))
        {
            await client.Inbox.AppendAsync(TestServer.Message("eleve.5b", "eleve.5b"));
            await client.Inbox.OpenAsync(FolderAccess.ReadWrite);
            Assert.That(client.Inbox.Recent, Is.EqualTo(1));
        }

        await server.RestartAsync();
        using var again = await server.ImapAsync("eleve.5b");
        await again.Inbox.OpenAsync(FolderAccess.ReadWrite);
        Assert.That((again.Inbox.Count, again.Inbox.Recent), Is.EqualTo((1, 0)), "the recent mark is in the store, not in memory");
    }

    private static async Task<IMailFolder> CreateAsync(ImapClient client, string name)
    {
        var root = client.GetFolder(client.PersonalNamespaces[0]);
        return (await root.CreateAsync(name, true))!;
    }
}
