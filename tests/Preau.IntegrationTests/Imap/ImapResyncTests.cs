using MailKit;
using MailKit.Net.Imap;
using Preau.IntegrationTests.Infrastructure;

namespace Preau.IntegrationTests.Imap;

/// <summary>CONDSTORE and QRESYNC: a client that was away learns what changed without refetching.</summary>
public class ImapResyncTests : SharedServerFixture
{
    [Test]
    public async Task CondStore_FetchChangedSince_OnlyChangedMessages()
    {
        using var client = await Server.ImapAsync("admin");
        var folder = (await client.GetFolder(client.PersonalNamespaces[0]).CreateAsync("CondStore", true))!;
        await folder.OpenAsync(FolderAccess.ReadWrite);
        var uids = new List<UniqueId>();
        for (var i = 0; i < 4; i++)
        {
            uids.Add((await folder.AppendAsync(TestServer.Message("admin", "admin")))!.Value);
        }

        var before = (await folder.FetchAsync(0, -1, MessageSummaryItems.ModSeq)).Max(m => m.ModSeq!.Value);
        await folder.AddFlagsAsync(uids[2], MessageFlags.Flagged, true);
        var changed = await folder.FetchAsync(0, -1, before, MessageSummaryItems.UniqueId | MessageSummaryItems.Flags | MessageSummaryItems.ModSeq);
        Assert.That(changed.Select(m => m.UniqueId), Is.EqualTo(new[] { uids[2] }));
        Assert.That(changed[0].ModSeq, Is.GreaterThan(before));

        // UNCHANGEDSINCE: a change based on a stale MODSEQ is refused for that message.
        var modified = await folder.StoreAsync([uids[2]], new StoreFlagsRequest(StoreAction.Add, MessageFlags.Seen) { UnchangedSince = before, Silent = true });
        Assert.That(modified, Is.EqualTo(new[] { uids[2] }));
    }

    [Test]
    public async Task QResync_ReopenAfterChanges_VanishedAndFlagChangesReported()
    {
        ulong modSeq;
        uint validity;
        var uids = new List<UniqueId>();
        using (var first = await Server.ImapAsync("principal"))
        {
            await first.EnableQuickResyncAsync();
            var folder = (await first.GetFolder(first.PersonalNamespaces[0]).CreateAsync("Resync", true))!;
            await folder.OpenAsync(FolderAccess.ReadWrite);
            for (var i = 0; i < 4; i++)
            {
                uids.Add((await folder.AppendAsync(TestServer.Message("principal", "principal")))!.Value);
            }

            modSeq = folder.HighestModSeq;
            validity = folder.UidValidity;
            await first.DisconnectAsync(true);
        }

        using (var other = await Server.ImapAsync("principal"))
        {
            var folder = await other.GetFolderAsync("Resync");
            await folder.OpenAsync(FolderAccess.ReadWrite);
            await folder.AddFlagsAsync(uids[1], MessageFlags.Flagged, true);
            await folder.AddFlagsAsync(uids[3], MessageFlags.Deleted, true);
            await folder.ExpungeAsync();
        }

        using var again = await Server.ImapAsync("principal");
        await again.EnableQuickResyncAsync();
        var resync = await again.GetFolderAsync("Resync");
        var vanished = new List<UniqueId>();
        var flagged = new List<UniqueId>();
        resync.MessagesVanished += (_, e) => vanished.AddRange(e.UniqueIds);
        resync.MessageFlagsChanged += (_, e) =>
        {
            if (e.UniqueId is { } uid && e.Flags.HasFlag(MessageFlags.Flagged))
            {
                flagged.Add(uid);
            }
        };
        await resync.OpenAsync(FolderAccess.ReadWrite, validity, modSeq, uids);
        Assert.That(vanished, Is.EqualTo(new[] { uids[3] }));
        Assert.That(flagged, Is.EqualTo(new[] { uids[1] }));
        Assert.That(resync.Count, Is.EqualTo(3));
    }
}
