using Preau.IntegrationTests.Infrastructure;

namespace Preau.IntegrationTests.Imap;

/// <summary>Edge cases the hostile-input review found answered loosely, now answered as the RFCs ask.</summary>
public class ImapEdgeCaseTests : SharedServerFixture
{
    [Test]
    public async Task Create_NameWithWildcard_RefusedCannot()
    {
        await using var imap = await RawImap.LoggedInAsync(Server, "eleve2.6a");
        var reply = await imap.CommandAsync("a CREATE \"x*y\"");
        Assert.That(reply[^1], Does.StartWith("a NO [CANNOT]"), imap.Transcript);
        Assert.That((await imap.CommandAsync("b CREATE \"50%\""))[^1], Does.StartWith("b NO [CANNOT]"), imap.Transcript);
    }

    [Test]
    public async Task Delete_SelectedMailbox_ToldClosed()
    {
        await using var imap = await RawImap.LoggedInAsync(Server, "eleve2.6a");
        Assert.That((await imap.CommandAsync("a CREATE Temporaire"))[^1], Does.StartWith("a OK"), imap.Transcript);
        Assert.That((await imap.CommandAsync("b SELECT Temporaire"))[^1], Does.StartWith("b OK"), imap.Transcript);
        var reply = await imap.CommandAsync("c DELETE Temporaire");
        Assert.That(reply, Has.Some.StartWith("* OK [CLOSED]"), imap.Transcript);
        Assert.That(reply[^1], Does.StartWith("c OK"), imap.Transcript);
        Assert.That((await imap.CommandAsync("d FETCH 1 FLAGS"))[^1], Does.StartWith("d BAD"), "no mailbox is selected any more");
    }

    [Test]
    public async Task Store_UnknownSystemFlag_Bad()
    {
        await using var imap = await RawImap.LoggedInAsync(Server, "eleve2.6a");
        Assert.That((await imap.CommandAsync("a APPEND INBOX {20+}\r\nSubject: x\r\n\r\nbody\r\n"))[^1], Does.StartWith("a OK"), imap.Transcript);
        Assert.That((await imap.CommandAsync("b SELECT INBOX"))[^1], Does.StartWith("b OK"), imap.Transcript);
        Assert.That((await imap.CommandAsync("c STORE 1 +FLAGS (\\Bogus)"))[^1], Does.StartWith("c BAD"), imap.Transcript);
        Assert.That((await imap.CommandAsync("d STORE 1 +FLAGS ($Important)"))[^1], Does.StartWith("d OK"), "keywords are fine");
    }

    [Test]
    public async Task FatalError_OneByeOnly()
    {
        await using var imap = await RawImap.LoggedInAsync(Server, "eleve2.6a");
        await imap.SendRawAsync("a APPEND INBOX {999999999999+}\r\n"u8.ToArray());
        var lines = new List<string>();
        while (await imap.ReadLineAsync() is { } line)
        {
            lines.Add(line);
        }

        Assert.That(lines.Count(l => l.StartsWith("* BYE", StringComparison.Ordinal)), Is.EqualTo(1), imap.Transcript);
    }
}
