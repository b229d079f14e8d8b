using System.Globalization;
using System.Net.Security;
using System.Net.Sockets;
using System.Text;
using System.Text.RegularExpressions;
using MailKit;
using MailKit.Net.Imap;
using MailKit.Search;
using MimeKit;
using Preau.IntegrationTests.Infrastructure;

namespace Preau.IntegrationTests.Imap;

/// <summary>SORT and THREAD (RFC 5256) with MailKit, and with a bare client for the sequence-number forms
/// MailKit never sends. Each test appends its messages into a folder of its own.</summary>
public partial class ImapSortThreadTests : SharedServerFixture
{
    private const string Login = "prof.maths";

    [Test]
    public async Task Capabilities_AnnounceSortAndBothThreadAlgorithms()
    {
        using var client = await Server.ImapAsync(Login);
        Assert.That(client.Capabilities.HasFlag(ImapCapabilities.Sort), Is.True);
        Assert.That(client.Capabilities.HasFlag(ImapCapabilities.Thread), Is.True);
        Assert.That(client.ThreadingAlgorithms, Is.EquivalentTo(new[] { ThreadingAlgorithm.OrderedSubject, ThreadingAlgorithm.References }));
    }

    [Test]
    public async Task Sort_BySubject_ComparesBaseSubjectsCaseInsensitively()
    {
        using var client = await Server.ImapAsync(Login);
        var (folder, uids) = await SortFolderAsync(client);

        // ALPHA(2) ALPHA(4) BRAVO(1) CHARLIE(3) CHARLIE(6) DELTA(5): ties stay in sequence order.
        Assert.That(await folder.SortAsync(SearchQuery.All, [OrderBy.Subject]), Is.EqualTo(Pick(uids, 2, 4, 1, 3, 6, 5)));
        Assert.That(await folder.SortAsync(SearchQuery.All, [OrderBy.ReverseSubject]), Is.EqualTo(Pick(uids, 5, 3, 6, 1, 2, 4)));
    }

    [Test]
    public async Task Sort_ByDate_ComparesInstantsAcrossTimeZones()
    {
        using var client = await Server.ImapAsync(Login);
        var (folder, uids) = await SortFolderAsync(client);

        // 5 is dated March 2 in its own zone, but after 3 (March 3, 02:00 UTC) in UTC.
        Assert.That(await folder.SortAsync(SearchQuery.All, [OrderBy.Date]), Is.EqualTo(Pick(uids, 2, 3, 5, 4, 1, 6)));
        Assert.That(await folder.SortAsync(SearchQuery.All, [OrderBy.ReverseDate]), Is.EqualTo(Pick(uids, 6, 1, 4, 5, 3, 2)));
    }

    [Test]
    public async Task Sort_ByFrom_ComparesMailboxNotDisplayName()
    {
        using var client = await Server.ImapAsync(Login);
        var (folder, uids) = await SortFolderAsync(client);

        // anne(3) anne(6) BOB(4) claire(5) marc(2, shown as "Aaron") zoe(1).
        Assert.That(await folder.SortAsync(SearchQuery.All, [OrderBy.From]), Is.EqualTo(Pick(uids, 3, 6, 4, 5, 2, 1)));
    }

    [Test]
    public async Task Sort_BySizeAndArrival()
    {
        using var client = await Server.ImapAsync(Login);
        var (folder, uids) = await SortFolderAsync(client);

        Assert.That(await folder.SortAsync(SearchQuery.All, [OrderBy.Size]), Is.EqualTo(Pick(uids, 4, 2, 1, 5, 3, 6)));
        Assert.That(await folder.SortAsync(SearchQuery.All, [OrderBy.Arrival]), Is.EqualTo(Pick(uids, 3, 5, 1, 6, 4, 2)));
        Assert.That(await folder.SortAsync(SearchQuery.All, [OrderBy.ReverseArrival]), Is.EqualTo(Pick(uids, 2, 4, 6, 1, 5, 3)));

        var sizes = (await folder.FetchAsync(uids, MessageSummaryItems.Size | MessageSummaryItems.UniqueId))
            .ToDictionary(m => m.UniqueId, m => m.Size!.Value);
        var bySize = await folder.SortAsync(SearchQuery.All, [OrderBy.Size]);
        Assert.That(bySize.Select(u => sizes[u]), Is.Ordered.Ascending, "SIZE is RFC822.SIZE");
    }

    [Test]
    public async Task Sort_SeveralKeys_LaterKeysBreakTies()
    {
        using var client = await Server.ImapAsync(Login);
        var (folder, uids) = await SortFolderAsync(client);

        // Same base subject: latest first.
        Assert.That(await folder.SortAsync(SearchQuery.All, [OrderBy.Subject, OrderBy.ReverseDate]), Is.EqualTo(Pick(uids, 4, 2, 1, 6, 3, 5)));

        // Same sender (anne): latest arrival first.
        Assert.That(await folder.SortAsync(SearchQuery.All, [OrderBy.From, OrderBy.ReverseArrival]), Is.EqualTo(Pick(uids, 6, 3, 4, 5, 2, 1)));
    }

    [Test]
    public async Task Sort_WithSearchCriteria_SortsOnlyTheMatches()
    {
        using var client = await Server.ImapAsync(Login);
        var (folder, uids) = await SortFolderAsync(client);

        // 3 and 4 are \Seen.
        Assert.That(await folder.SortAsync(SearchQuery.NotSeen, [OrderBy.Subject]), Is.EqualTo(Pick(uids, 2, 1, 6, 5)));
        Assert.That(await folder.SortAsync(SearchQuery.Seen, [OrderBy.ReverseSize]), Is.EqualTo(Pick(uids, 3, 4)));

        // A content key: the search reads the messages, the sort uses what it read.
        Assert.That(await folder.SortAsync(SearchQuery.SubjectContains("CHARLIE"), [OrderBy.ReverseDate]), Is.EqualTo(Pick(uids, 6, 3)));
        Assert.That(await folder.SortAsync(SearchQuery.BodyContains("ligne").And(SearchQuery.NotSeen), [OrderBy.Arrival]), Is.EqualTo(Pick(uids, 5, 1, 6, 2)));
        Assert.That(await folder.SortAsync(SearchQuery.SubjectContains("nulle part"), [OrderBy.Subject]), Is.Empty);
    }

    [Test]
    public async Task Sort_ByDate_WithoutDateHeader_UsesInternalDate()
    {
        using var client = await Server.ImapAsync(Login);
        var folder = await CreateFolderAsync(client);
        var dated = Mail("Avec date", "2024-03-10T08:00:00+00:00", "anne@ecole.test");
        var undated = Mail("Sans date", "2024-03-01T08:00:00+00:00", "anne@ecole.test");
        undated.Headers.Remove(HeaderId.Date);
        var uids = new List<UniqueId>
        {
            (await folder.AppendAsync(new AppendRequest(dated, MessageFlags.None, Day("2024-03-01T00:00:00+00:00"))))!.Value,
            (await folder.AppendAsync(new AppendRequest(undated, MessageFlags.None, Day("2024-03-05T00:00:00+00:00"))))!.Value,
        };

        Assert.That(await folder.SortAsync(SearchQuery.All, [OrderBy.Date]), Is.EqualTo(Pick(uids, 2, 1)));
        Assert.That(await folder.SortAsync(SearchQuery.All, [OrderBy.Arrival]), Is.EqualTo(Pick(uids, 1, 2)));
    }

    [Test]
    public async Task ThreadReferences_ReplyChainsMissingParentAndSubjectMerges()
    {
        using var client = await Server.ImapAsync(Login);
        var (folder, uids) = await ThreadFolderAsync(client);

        // (2 (4 6)(8)): 4 replies to 2, 6 to 4 by In-Reply-To only, 8 under a missing message under 2.
        // ((3)(9)(7)): 3 and 9 share a missing parent (a dummy); 7 joins them by its subject.
        // (5 1): 1 is "Re: Cantine" without references, merged under 5 by subject.
        var threads = await folder.ThreadAsync(ThreadingAlgorithm.References, SearchQuery.All);
        Assert.That(Render(threads), Is.EqualTo(WithUids("(2 (4 6)(8))((3)(9)(7))(5 1)", uids)));
    }

    [Test]
    public async Task ThreadReferences_WithSearchCriteria_ThreadsOnlyTheMatches()
    {
        using var client = await Server.ImapAsync(Login);
        var (folder, uids) = await ThreadFolderAsync(client);

        var threads = await folder.ThreadAsync(ThreadingAlgorithm.References, SearchQuery.SubjectContains("sortie"));
        Assert.That(Render(threads), Is.EqualTo(WithUids("((3)(9)(7))", uids)));

        // Without 4, 6 (which names only 4, by In-Reply-To) starts a thread of its own, then joins 2 by
        // subject as a reply.
        var withoutFour = await folder.ThreadAsync(ThreadingAlgorithm.References, SearchQuery.Not(SearchQuery.HeaderContains("Message-ID", "b4@")));
        Assert.That(Render(withoutFour), Is.EqualTo(WithUids("(2 (6)(8))((3)(9)(7))(5 1)", uids)));

        Assert.That(await folder.ThreadAsync(ThreadingAlgorithm.References, SearchQuery.SubjectContains("nulle part")), Is.Empty);
    }

    [Test]
    public async Task ThreadOrderedSubject_GroupsByBaseSubjectInDateOrder()
    {
        using var client = await Server.ImapAsync(Login);
        var (folder, uids) = await ThreadFolderAsync(client);

        var threads = await folder.ThreadAsync(ThreadingAlgorithm.OrderedSubject, SearchQuery.All);
        Assert.That(Render(threads), Is.EqualTo(WithUids("(2 (4)(6)(8))(3 (9)(7))(5 1)", uids)));

        var unseen = await folder.ThreadAsync(ThreadingAlgorithm.OrderedSubject, SearchQuery.NotSeen);
        Assert.That(Render(unseen), Is.EqualTo(WithUids("(2 (4)(8))(3 (9)(7))(5 1)", uids)));
    }

    [Test]
    public async Task SortThread_WithoutUid_AnswerSequenceNumbers()
    {
        using var client = await Server.ImapAsync(Login);
        var (folder, uids) = await SortFolderAsync(client);

        // Message 1 goes, so sequence numbers are no longer UIDs: message n is now sequence n - 1.
        await folder.AddFlagsAsync(uids[0], MessageFlags.Deleted, true);
        await folder.ExpungeAsync();

        await using var raw = await RawImap.ConnectAsync(Server.ImapTlsPort, Login, TestServer.Password);
        await raw.CommandAsync($"SELECT \"{folder.FullName}\"");

        var sort = await raw.CommandAsync("SORT (SUBJECT) UTF-8 ALL");
        Assert.That(Untagged(sort, "SORT"), Is.EqualTo("* SORT 1 3 2 5 4"), raw.Transcript);
        Assert.That(sort[^1], Does.Match("^t\\d+ OK "), raw.Transcript);

        var uidSort = await raw.CommandAsync("UID SORT (SUBJECT) US-ASCII ALL");
        Assert.That(Untagged(uidSort, "SORT"), Is.EqualTo("* SORT " + string.Join(' ', Pick(uids, 2, 4, 3, 6, 5).Select(u => u.Id))), raw.Transcript);

        var bySize = await raw.CommandAsync("SORT (REVERSE SIZE) UTF-8 UNSEEN");
        Assert.That(Untagged(bySize, "SORT"), Is.EqualTo("* SORT 5 4 1"), raw.Transcript);

        // No Message-ID links here: 4 ("Fwd: ALPHA") joins 2 as a reply; 3 and 6 are both replies, so a dummy holds them.
        var references = await raw.CommandAsync("THREAD REFERENCES UTF-8 ALL");
        Assert.That(Untagged(references, "THREAD"), Is.EqualTo("* THREAD (1 3)((2)(5))(4)"), raw.Transcript);

        var ordered = await raw.CommandAsync("THREAD ORDEREDSUBJECT UTF-8 ALL");
        Assert.That(Untagged(ordered, "THREAD"), Is.EqualTo("* THREAD (1 3)(2 5)(4)"), raw.Transcript);

        var uidOrdered = await raw.CommandAsync("UID THREAD ORDEREDSUBJECT UTF-8 ALL");
        Assert.That(Untagged(uidOrdered, "THREAD"), Is.EqualTo("* THREAD " + WithUids("(2 4)(3 6)(5)", uids)), raw.Transcript);

        var none = await raw.CommandAsync("SORT (DATE) UTF-8 SUBJECT \"nulle part\"");
        Assert.That(Untagged(none, "SORT"), Is.EqualTo("* SORT"), raw.Transcript);
        var noThread = await raw.CommandAsync("THREAD REFERENCES UTF-8 SUBJECT \"nulle part\"");
        Assert.That(Untagged(noThread, "THREAD"), Is.EqualTo("* THREAD"), raw.Transcript);
    }

    [Test]
    public async Task SortThread_BadArguments_RefusedCleanly()
    {
        using var client = await Server.ImapAsync(Login);
        var (folder, _) = await SortFolderAsync(client);
        await using var raw = await RawImap.ConnectAsync(Server.ImapTlsPort, Login, TestServer.Password);
        await raw.CommandAsync($"SELECT \"{folder.FullName}\"");

        Assert.That((await raw.CommandAsync("SORT (SUBJECT) X-NO-SUCH-CHARSET ALL"))[^1], Does.Match("^t\\d+ NO \\[BADCHARSET"), raw.Transcript);
        Assert.That((await raw.CommandAsync("THREAD REFERENCES X-NO-SUCH-CHARSET ALL"))[^1], Does.Match("^t\\d+ NO \\[BADCHARSET"), raw.Transcript);
        Assert.That((await raw.CommandAsync("SORT (SHOESIZE) UTF-8 ALL"))[^1], Does.Match("^t\\d+ BAD "), raw.Transcript);
        Assert.That((await raw.CommandAsync("THREAD BYMOOD UTF-8 ALL"))[^1], Does.Match("^t\\d+ BAD "), raw.Transcript);
        Assert.That((await raw.CommandAsync("SORT RETURN (ALL) (SUBJECT) UTF-8 ALL"))[^1], Does.Match("^t\\d+ BAD "), raw.Transcript);

        // The session is still fine afterwards.
        Assert.That((await raw.CommandAsync("SORT (ARRIVAL) UTF-8 ALL"))[^1], Does.Match("^t\\d+ OK "), raw.Transcript);
    }

    [Test]
    public async Task SortThread_BrokenMessages_AnsweredAnyway()
    {
        using var client = await Server.ImapAsync(Login);
        var folder = await CreateFolderAsync(client);
        await using var raw = await RawImap.ConnectAsync(Server.ImapTlsPort, Login, TestServer.Password);
        string[] messages =
        [
            "Juste du texte, sans aucun en-tete.\r\n",
            "Subject: Re: bravo\r\nMessage-ID: <x@ecole.test>\r\nDate: pas une date\r\nFrom: @@@\r\n\r\ncorps\r\n",
            "Subject: alpha\r\nFrom: =?broken\r\nReferences: <<<>>> <x@ecole.test\r\nDate: Mon, 04 Mar 2024 10:00:00 +0000\r\n\r\ncorps\r\n",
        ];
        string[] arrivals = ["02-Apr-2024 10:00:00 +0000", "03-Apr-2024 10:00:00 +0000", "01-Apr-2024 10:00:00 +0000"];
        for (var i = 0; i < messages.Length; i++)
        {
            var append = await raw.CommandAsync($"APPEND \"{folder.FullName}\" \"{arrivals[i]}\" {{{messages[i].Length}+}}\r\n{messages[i]}");
            Assert.That(append[^1], Does.Match("^t\\d+ OK "), raw.Transcript);
        }

        await raw.CommandAsync($"SELECT \"{folder.FullName}\"");

        // No subject sorts first; an unreadable Date: is INTERNALDATE.
        Assert.That(Untagged(await raw.CommandAsync("SORT (SUBJECT) UTF-8 ALL"), "SORT"), Is.EqualTo("* SORT 1 3 2"), raw.Transcript);
        Assert.That(Untagged(await raw.CommandAsync("SORT (DATE) UTF-8 ALL"), "SORT"), Is.EqualTo("* SORT 3 1 2"), raw.Transcript);
        Assert.That((await raw.CommandAsync("SORT (FROM CC TO) UTF-8 ALL"))[^1], Does.Match("^t\\d+ OK "), raw.Transcript);
        Assert.That(Untagged(await raw.CommandAsync("THREAD ORDEREDSUBJECT UTF-8 ALL"), "THREAD"), Is.EqualTo("* THREAD (3)(1)(2)"), raw.Transcript);

        // The malformed References: line yields no usable msg-id, so nothing links.
        Assert.That(Untagged(await raw.CommandAsync("THREAD REFERENCES UTF-8 ALL"), "THREAD"), Is.EqualTo("* THREAD (3)(1)(2)"), raw.Transcript);
    }

    [Test]
    public async Task Sort_NotSelected_Refused()
    {
        await using var raw = await RawImap.ConnectAsync(Server.ImapTlsPort, Login, TestServer.Password);
        Assert.That((await raw.CommandAsync("SORT (SUBJECT) UTF-8 ALL"))[^1], Does.Match("^t\\d+ BAD "), raw.Transcript);
        Assert.That((await raw.CommandAsync("UID THREAD REFERENCES UTF-8 ALL"))[^1], Does.Match("^t\\d+ BAD "), raw.Transcript);
    }
}
