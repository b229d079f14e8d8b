using System.Diagnostics;
using System.Text;
using Preau.IntegrationTests.Infrastructure;

namespace Preau.IntegrationTests.Imap;

/// <summary>What a broken or hostile client may send over raw IMAP: huge literals and lines, garbage,
/// commands in the wrong state, other users' mailbox names, too many connections, password guessing.
/// The server must answer NO, BAD or BYE as the RFC says, never hang, never crash, and keep serving.</summary>
public partial class ImapHostileInputTests : SharedServerFixture
{
    private const string Message = "From: eleve.6a@demo.preau.test\r\nTo: eleve.6a@demo.preau.test\r\nSubject: Essai\r\n\r\nBonjour.\r\n";

    [Test]
    public async Task Append_TwoGigabyteSynchronizingLiteral_RefusedWithoutContinuation()
    {
        await using var client = await LoginAsync();

        var reply = await client.CommandAsync("a APPEND INBOX {2000000000}");

        Assert.That(reply, Has.None.StartsWith("+"), "no continuation request for a literal that will be refused\n" + client.Transcript);
        Assert.That(reply[^1], Does.StartWith("a NO").Or.StartWith("a BAD"), client.Transcript);
        Assert.That((await client.CommandAsync("b NOOP"))[^1], Does.StartWith("b OK"), "the session goes on\n" + client.Transcript);
    }

    [Test]
    public async Task Append_TwoGigabyteNonSynchronizingLiteral_SessionEndsAndServerStillServes()
    {
        await using (var client = await LoginAsync())
        {
            // The client says it will send 2 GB without waiting: the server cannot refuse them in advance,
            // so it ends the session on the announcement alone. (Only the announcement is sent: bytes
            // still unread when the server closes would turn its close into a reset that can swallow
            // the BYE before the client reads it.)
            await client.SendRawAsync(Encoding.ASCII.GetBytes("a APPEND INBOX {2000000000+}\r\n"));

            var reply = await client.ReadUntilTaggedAsync("a");

            Assert.That(reply, Has.Some.StartsWith("* BYE").Or.Some.StartsWith("a NO").Or.Some.StartsWith("a BAD"), client.Transcript);
            Assert.That(await client.IsClosedAsync(TimeSpan.FromSeconds(5)), Is.True, "the server does not read 2 GB it will never store\n" + client.Transcript);
        }

        await using var next = await LoginAsync();
        Assert.That((await next.CommandAsync("b NOOP"))[^1], Does.StartWith("b OK"), next.Transcript);
    }

    [Test]
    public async Task Command_OneMegabyteLine_BadAndNewSessionWorks()
    {
        await using (var client = await LoginAsync())
        {
            await client.SendRawAsync(Encoding.ASCII.GetBytes("a NOOP " + new string('x', 1024 * 1024) + "\r\n"));

            var reply = await client.ReadUntilTaggedAsync("a");

            Assert.That(reply, Has.Some.StartsWith("a BAD").Or.Some.StartsWith("* BAD").Or.Some.StartsWith("* BYE"), client.Transcript);
            if (!client.IsClosed && !reply.Any(l => l.StartsWith("* BYE", StringComparison.Ordinal)))
            {
                Assert.That((await client.CommandAsync("b NOOP"))[^1], Does.StartWith("b OK"), "after BAD the session goes on\n" + client.Transcript);
            }
        }

        await using var next = await LoginAsync();
        Assert.That((await next.CommandAsync("b NOOP"))[^1], Does.StartWith("b OK"), next.Transcript);
    }

    [TestCase("a FROBNICATE")]
    [TestCase("a XLIST \"\" \"*\"")]
    [TestCase("a UID FROBNICATE 1")]
    [TestCase("a GETMETADATA \"\" /shared/comment")]
    public async Task Command_Unknown_Bad(string line)
    {
        await using var client = await LoginAsync();

        Assert.That((await client.CommandAsync(line))[^1], Does.StartWith("a BAD"), client.Transcript);
        Assert.That((await client.CommandAsync("b NOOP"))[^1], Does.StartWith("b OK"), client.Transcript);
    }

    [TestCase("a SELECT INBOX")]
    [TestCase("a LIST \"\" \"*\"")]
    [TestCase("a STATUS INBOX (MESSAGES)")]
    [TestCase("a APPEND INBOX {3+}\r\nabc")]
    [TestCase("a FETCH 1 FLAGS")]
    public async Task Command_BeforeLogin_BadOrNo(string line)
    {
        await using var client = await RawImap.ConnectAsync(Server.ImapPort);
        await client.StartTlsAsync();

        var reply = await client.CommandAsync(line);

        Assert.That(reply[^1], Does.StartWith("a BAD").Or.StartWith("a NO"), client.Transcript);
        Assert.That(reply, Has.None.StartsWith("* LIST").And.None.StartsWith("* STATUS").And.None.StartsWith("* FLAGS"), client.Transcript);
    }

    [TestCase("a FETCH 1 FLAGS")]
    [TestCase("a STORE 1 +FLAGS (\\Deleted)")]
    [TestCase("a EXPUNGE")]
    [TestCase("a SEARCH ALL")]
    [TestCase("a UID COPY 1 Archives")]
    [TestCase("a CLOSE")]
    public async Task Command_WithoutSelectedMailbox_BadOrNo(string line)
    {
        await using var client = await LoginAsync();

        Assert.That((await client.CommandAsync(line))[^1], Does.StartWith("a BAD").Or.StartWith("a NO"), client.Transcript);
    }

    [TestCase("a LOGIN eleve.6a demo")]
    [TestCase("a LOGIN prof.maths demo")]
    [TestCase("a AUTHENTICATE PLAIN AHByb2YubWF0aHMAZGVtbw==")]
    public async Task Login_AfterLogin_BadOrNoAndUserUnchanged(string line)
    {
        await using var client = await LoginAsync("eleve.6a");

        Assert.That((await client.CommandAsync(line))[^1], Does.StartWith("a BAD").Or.StartWith("a NO"), client.Transcript);
        var status = await client.CommandAsync("b LIST \"\" \"*\"");
        Assert.That(status[^1], Does.StartWith("b OK"), client.Transcript);
        Assert.That(await PersonalFoldersAsync("prof.maths", "Conseil de classe"), Does.Contain("Conseil de classe"));
        Assert.That(await ListAsync(client), Does.Not.Contain("Conseil de classe"), "still eleve.6a, not prof.maths\n" + client.Transcript);
    }

    [TestCase("a SELECT \"prof.maths/INBOX\"")]
    [TestCase("a SELECT \"../prof.maths/INBOX\"")]
    [TestCase("a SELECT \"/prof.maths/INBOX\"")]
    [TestCase("a SELECT \"~prof.maths/INBOX\"")]
    [TestCase("a EXAMINE \"#shared/prof.maths/INBOX\"")]
    [TestCase("a STATUS \"#shared/prof.maths/INBOX\" (MESSAGES)")]
    [TestCase("a STATUS \"#users/prof.maths/INBOX\" (MESSAGES)")]
    [TestCase("a STATUS \"Other Users/prof.maths/INBOX\" (MESSAGES)")]
    [TestCase("a DELETE \"../prof.maths/Conseil de classe\"")]
    [TestCase("a RENAME \"../prof.maths/Conseil de classe\" Vol")]
    public async Task Mailbox_OfAnotherUser_NonExistent(string line)
    {
        await PersonalFoldersAsync("prof.maths", "Conseil de classe");
        await using var client = await LoginAsync("eleve.6a");

        var reply = await client.CommandAsync(line);

        Assert.That(reply[^1], Does.StartWith("a NO [NONEXISTENT]"), client.Transcript);
        Assert.That(reply, Has.None.StartsWith("* STATUS").And.None.StartsWith("* FLAGS"), client.Transcript);
    }

    [TestCase("\"\"", "*")]
    [TestCase("\"\"", "%/%")]
    [TestCase("\"\"", "*prof*")]
    [TestCase("\"prof.maths/\"", "*")]
    [TestCase("\"../prof.maths/\"", "*")]
    [TestCase("\"/\"", "*")]
    [TestCase("\"#shared/\"", "*")]
    [TestCase("\"~prof.maths/\"", "*")]
    public async Task List_AnyPattern_OnlyOwnFolders(string reference, string pattern)
    {
        await PersonalFoldersAsync("prof.maths", "Conseil de classe");
        await using var client = await LoginAsync("parent.5b"); // no other test adds folders to parent.5b

        var names = await ListAsync(client, reference, pattern);

        string[] own = ["INBOX", "Archives", "Brouillons", "Corbeille", "Envoy&AOk-s", "Ind&AOk-sirables"];
        Assert.That(names, Is.SubsetOf(own), client.Transcript);
        if (reference == "\"\"" && pattern == "*")
        {
            Assert.That(names, Is.EquivalentTo(own), client.Transcript);
        }
    }

    [Test]
    public async Task Create_DotDotName_StaysInOwnNamespace()
    {
        await using (var client = await LoginAsync("eleve2.6a"))
        {
            var reply = await client.CommandAsync("a CREATE \"../parent.6a/Piege\"");
            Assert.That(reply[^1], Does.StartWith("a OK").Or.StartWith("a NO"), client.Transcript);
            var appended = await AppendAsync(client, "\"../parent.6a/INBOX\"", Message);
            Assert.That(appended[^1], Does.StartWith("a NO"), "no APPEND into another user's INBOX\n" + client.Transcript);
        }

        await using var parent = await LoginAsync("parent.6a");
        Assert.That(await ListAsync(parent), Has.None.Contains("Piege"), parent.Transcript);
        var status = await parent.CommandAsync("s STATUS INBOX (MESSAGES)");
        Assert.That(status, Has.None.Contains("Essai"), parent.Transcript);
    }

    [Test]
    public async Task Login_BeforeStartTls_PrivacyRequiredAndLoginDisabledAdvertised()
    {
        await using var client = await RawImap.ConnectAsync(Server.ImapPort);
        Assert.That(client.Greeting, Does.Contain("LOGINDISABLED").And.Contain("STARTTLS"), client.Transcript);

        var capability = await client.CommandAsync("a CAPABILITY");
        var line = capability.Single(l => l.StartsWith("* CAPABILITY ", StringComparison.Ordinal));
        Assert.That(line.Split(' '), Does.Contain("LOGINDISABLED").And.Contain("STARTTLS"), client.Transcript);
        Assert.That(line, Does.Not.Contain("AUTH="), "no mechanism offered in clear text\n" + client.Transcript);

        Assert.That((await client.CommandAsync("b LOGIN eleve.6a demo"))[^1], Does.StartWith("b NO [PRIVACYREQUIRED]"), client.Transcript);
        Assert.That((await client.CommandAsync("c AUTHENTICATE PLAIN AGVsZXZlLjZhAGRlbW8="))[^1], Does.StartWith("c NO"), client.Transcript);
        Assert.That((await client.CommandAsync("d SELECT INBOX"))[^1], Does.StartWith("d BAD").Or.StartWith("d NO"), "still not logged in\n" + client.Transcript);
    }

    [Test]
    public async Task Command_EightBitGarbageAndNul_BadWithoutCrash()
    {
        await using (var client = await LoginAsync())
        {
            var garbage = Enumerable.Range(0, 300).Select(i => (byte)(0x80 + (i * 37 % 0x80))).ToArray();
            string[] lines = ["a NOOP \u00e9\u00e8", "b SELECT \"IN\0BOX\"", "c LIST \"\" \"*\0\"", "d LOGIN \0 \0"];
            foreach (var line in lines)
            {
                await client.SendRawAsync([.. Encoding.Latin1.GetBytes(line), (byte)'\r', (byte)'\n']);
                var tag = line[..1];
                var reply = await client.ReadUntilTaggedAsync(tag);
                Assert.That(reply[^1], Does.StartWith(tag + " BAD").Or.StartWith(tag + " NO").Or.StartWith("* BAD"), client.Transcript);
            }

            await client.SendRawAsync([.. garbage, (byte)'\r', (byte)'\n']);
            Assert.That((await client.ReadUntilTaggedAsync("*"))[^1], Does.StartWith("* BAD"), client.Transcript);
            await client.SendRawAsync([0, 0, 0, 0, (byte)'\r', (byte)'\n']);
            Assert.That((await client.ReadUntilTaggedAsync("*"))[^1], Does.StartWith("* BAD"), client.Transcript);

            Assert.That((await client.CommandAsync("e NOOP"))[^1], Does.StartWith("e OK"), "the session goes on\n" + client.Transcript);
        }

        await using var next = await LoginAsync();
        Assert.That((await next.CommandAsync("f NOOP"))[^1], Does.StartWith("f OK"), next.Transcript);
    }

    [TestCase(false)]
    [TestCase(true)]
    public async Task Append_LiteralSplitOverSeveralWrites_ReadCorrectly(bool nonSynchronizing)
    {
        await using var client = await LoginAsync("eleve.5b");
        var folder = await NewFolderAsync(client);
        var message = "From: eleve.5b@demo.preau.test\r\nSubject: Morceaux\r\n\r\n" + string.Concat(Enumerable.Repeat("Une ligne de texte pour remplir le message.\r\n", 200));
        var bytes = Encoding.ASCII.GetBytes(message);
        var header = $"a APPEND {folder} {{{bytes.Length}{(nonSynchronizing ? "+" : "")}}}";
        if (nonSynchronizing)
        {
            await client.SendRawAsync(Encoding.ASCII.GetBytes(header + "\r\n"));
        }
        else
        {
            Assert.That((await client.CommandAsync(header))[^1], Does.StartWith("+"), client.Transcript);
        }

        var third = bytes.Length / 3;
        foreach (var chunk in new[] { bytes[..third], bytes[third..(2 * third)], bytes[(2 * third)..] })
        {
            await client.SendRawAsync(chunk);
            await Task.Delay(200);
        }

        await client.SendRawAsync("\r\n"u8.ToArray());
        var appended = await client.ReadUntilTaggedAsync("a");
        Assert.That(appended[^1], Does.StartWith("a OK [APPENDUID "), client.Transcript);

        await client.CommandAsync($"s SELECT {folder}");
        var fetched = await client.CommandAsync("f FETCH 1 (RFC822.SIZE BODY.PEEK[])");
        Assert.That(fetched[0], Does.Contain($"RFC822.SIZE {bytes.Length} "), client.Transcript);
        var body = string.Join("\r\n", fetched.Skip(1).Take(fetched.Count - 2));
        Assert.That(body, Is.EqualTo(message + ")"), "the stored message is the literal, byte for byte");
    }

    [TestCase("a FETCH 0:x FLAGS")]
    [TestCase("a FETCH 0 FLAGS")]
    [TestCase("a FETCH 1:: FLAGS")]
    [TestCase("a FETCH ,1 FLAGS")]
    [TestCase("a FETCH 1,,2 FLAGS")]
    [TestCase("a FETCH 4294967296 FLAGS")]
    [TestCase("a FETCH -1 FLAGS")]
    [TestCase("a UID FETCH 1:x FLAGS")]
    public async Task Fetch_MalformedSequenceSet_Bad(string line)
    {
        await using var client = await LoginAsync();
        await SelectOneMessageFolderAsync(client);

        Assert.That((await client.CommandAsync(line))[^1], Does.StartWith("a BAD"), client.Transcript);
        Assert.That((await client.CommandAsync("b FETCH 1 FLAGS"))[^1], Does.StartWith("b OK"), client.Transcript);
    }

    [TestCase("a FETCH 99999 FLAGS")]
    [TestCase("a FETCH 1:2 FLAGS")]
    [TestCase("a STORE 2 +FLAGS (\\Seen)")]
    [TestCase("a COPY 2 Archives")]
    public async Task Command_SequenceNumberPastEnd_Bad(string line)
    {
        await using var client = await LoginAsync();
        await SelectOneMessageFolderAsync(client);

        var reply = await client.CommandAsync(line);

        Assert.That(reply[^1], Does.StartWith("a BAD"), client.Transcript);
        Assert.That(reply, Has.None.Contains(" FETCH ("), "nothing is fetched or stored\n" + client.Transcript);
    }

    [Test]
    public async Task Command_NonSynchronizingLiteralOfRefusedCommand_NotExecuted()
    {
        await using var client = await LoginAsync();
        var folder = "Smuggled" + Guid.NewGuid().ToString("N")[..6];
        var smuggled = $"x CREATE {folder}\r\n";

        // A BAD command followed by a literal that looks like a command: the literal must be skipped.
        await client.SendRawAsync(Encoding.ASCII.GetBytes($"a FROBNICATE {{{smuggled.Length}+}}\r\n{smuggled}\r\n"));
        Assert.That((await client.ReadUntilTaggedAsync("a"))[^1], Does.StartWith("a BAD"), client.Transcript);

        var list = await client.CommandAsync($"b LIST \"\" {folder}");
        Assert.That(list[^1], Does.StartWith("b OK"), client.Transcript);
        Assert.That(list, Has.None.StartsWith("x "), client.Transcript);
        Assert.That(list, Has.None.StartsWith("* LIST"), "the literal was not run as a command\n" + client.Transcript);
    }

    [Test]
    public async Task Command_DeeplyNestedParentheses_BadAndSessionGoesOn()
    {
        await using var client = await LoginAsync();

        var reply = await client.CommandAsync("a SEARCH " + new string('(', 1000) + "ALL" + new string(')', 1000));

        Assert.That(reply[^1], Does.StartWith("a BAD").Or.StartWith("a NO"), client.Transcript);
        Assert.That((await client.CommandAsync("b NOOP"))[^1], Does.StartWith("b OK"), client.Transcript);
    }

    [Test]
    public async Task Command_HundredPipelinedNoops_HundredOks()
    {
        await using var client = await LoginAsync();

        await client.SendRawAsync(Encoding.ASCII.GetBytes(string.Concat(Enumerable.Range(0, 100).Select(i => $"p{i} NOOP\r\n"))));
        var reply = await client.ReadUntilTaggedAsync("p99");

        Assert.That(reply.Where(l => l.Contains(" OK ", StringComparison.Ordinal)).ToList(), Has.Count.EqualTo(100), client.Transcript);
        Assert.That(reply.Select(l => l.Split(' ')[0]), Is.EqualTo(Enumerable.Range(0, 100).Select(i => $"p{i}")), "answered in order");
    }

    [Test]
    public async Task Literal_MalformedSize_ByeAndServerStillServes()
    {
        await using (var client = await LoginAsync())
        {
            await client.SendRawAsync(Encoding.ASCII.GetBytes("a LOGIN {99999999999999999999999}\r\n"));
            var reply = await client.ReadUntilTaggedAsync("a");
            Assert.That(reply, Has.Some.StartsWith("* BYE").Or.Some.StartsWith("a BAD"), client.Transcript);
        }

        await using var next = await LoginAsync();
        Assert.That((await next.CommandAsync("b NOOP"))[^1], Does.StartWith("b OK"), next.Transcript);
    }

    [Test]
    public async Task Connection_ClosedInTheMiddleOfALiteral_ServerStillServes()
    {
        await using (var client = await LoginAsync())
        {
            await client.SendRawAsync(Encoding.ASCII.GetBytes("a APPEND INBOX {1000+}\r\nFrom: x@y\r\nSubject: coup"));
        }

        await using var next = await LoginAsync();
        Assert.That((await next.CommandAsync("b NOOP"))[^1], Does.StartWith("b OK"), next.Transcript);
        Assert.That(Server.Inbox("eleve.6a").Select(e => e.Summary.Subject), Has.None.EqualTo("coup"), "half a message is not stored");
    }

    private async Task<RawImap> LoginAsync(string login = "eleve.6a") => await RawImap.LoggedInAsync(Server, login);

    /// <summary>The LIST names (as on the wire) of a pattern.</summary>
    private static async Task<List<string>> ListAsync(RawImap client, string reference = "\"\"", string pattern = "*")
    {
        var reply = await client.CommandAsync($"l LIST {reference} \"{pattern}\"");
        Assert.That(reply[^1], Does.StartWith("l OK"), client.Transcript);
        return [.. reply.Where(l => l.StartsWith("* LIST ", StringComparison.Ordinal)).Select(l => l[(l.IndexOf("\"/\" ", StringComparison.Ordinal) + 4)..].Trim('"'))];
    }

    /// <summary>Makes sure <paramref name="login"/> has a folder <paramref name="folder"/>; returns its folders.</summary>
    private async Task<List<string>> PersonalFoldersAsync(string login, string folder)
    {
        await using var owner = await LoginAsync(login);
        await owner.CommandAsync($"c CREATE \"{folder}\"");
        return await ListAsync(owner);
    }

    private static async Task<string> NewFolderAsync(RawImap client)
    {
        var name = "Essai" + Guid.NewGuid().ToString("N")[..8];
        Assert.That((await client.CommandAsync($"c CREATE {name}"))[^1], Does.StartWith("c OK"), client.Transcript);
        return name;
    }

    /// <summary>Selects a new folder holding exactly one message.</summary>
    private static async Task SelectOneMessageFolderAsync(RawImap client)
    {
        var folder = await NewFolderAsync(client);
        Assert.That((await AppendAsync(client, folder, Message))[^1], Does.StartWith("a OK"), client.Transcript);
        var selected = await client.CommandAsync($"s SELECT {folder}");
        Assert.That(selected, Does.Contain("* 1 EXISTS"), client.Transcript);
    }

    /// <summary>APPEND (tag a) with a non-synchronizing literal.</summary>
    private static async Task<IReadOnlyList<string>> AppendAsync(RawImap client, string mailbox, string message)
    {
        await client.SendRawAsync(Encoding.UTF8.GetBytes($"a APPEND {mailbox} {{{Encoding.UTF8.GetByteCount(message)}+}}\r\n{message}\r\n"));
        return await client.ReadUntilTaggedAsync("a");
    }
}
