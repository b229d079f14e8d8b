using System.Text;
using Preau.Imap.Protocol.Reading;
using Preau.Imap.Protocol.Tests.Support;

namespace Preau.Imap.Protocol.Tests.Reading;

public class ImapCommandReaderTests
{
    [Test]
    public void ReadCommandAsync_SimpleCommand_GivesTagNameAndNoArguments()
    {
        var raw = Wire.Raw("a001 noop");

        Assert.That(raw.Tag, Is.EqualTo("a001"));
        Assert.That(raw.Name, Is.EqualTo("NOOP"));
        Assert.That(raw.Arguments, Is.Empty);
    }

    [Test]
    public void ReadCommandAsync_AtomsQuotedAndNil_KeepsKinds()
    {
        var raw = Wire.Raw("a1 X atom \"quoted string\" NIL \"NIL\"");

        Assert.That(raw.Arguments.Select(a => a.Kind), Is.EqualTo(new[]
        {
            ImapTokenKind.Atom, ImapTokenKind.Quoted, ImapTokenKind.Atom, ImapTokenKind.Quoted,
        }));
        Assert.That(raw.Arguments[1].Text, Is.EqualTo("quoted string"));
        Assert.That(raw.Arguments[2].IsNil, Is.True);
        Assert.That(raw.Arguments[3].IsNil, Is.False);
    }

    [Test]
    public void ReadCommandAsync_QuotedWithEscapes_Unescapes()
    {
        var raw = Wire.Raw("a1 LOGIN \"jo\\\"hn\" \"back\\\\slash\"");

        Assert.That(raw.Arguments[0].Text, Is.EqualTo("jo\"hn"));
        Assert.That(raw.Arguments[1].Text, Is.EqualTo("back\\slash"));
    }

    [Test]
    public void ReadCommandAsync_NestedAndEmptyLists_BuildsTree()
    {
        var raw = Wire.Raw("a1 X (a (b c) ()) d");

        Assert.That(raw.Arguments, Has.Count.EqualTo(2));
        var list = raw.Arguments[0];
        Assert.That(list.Kind, Is.EqualTo(ImapTokenKind.List));
        Assert.That(list.Items, Has.Count.EqualTo(3));
        Assert.That(list.Items[1].Items.Select(i => i.Text), Is.EqualTo(new[] { "b", "c" }));
        Assert.That(list.Items[2].Items, Is.Empty);
        Assert.That(raw.ToString(), Is.EqualTo("a1 X (a (b c) ()) d"));
    }

    [Test]
    public void ReadCommandAsync_FetchSectionWithFieldList_SplitsAroundTheList()
    {
        var raw = Wire.Raw("a1 FETCH 1 (BODY.PEEK[HEADER.FIELDS (From To)]<0.100> FLAGS)");

        var items = raw.Arguments[1].Items.Select(i => i.ToString());
        Assert.That(items, Is.EqualTo(new[] { "BODY.PEEK[HEADER.FIELDS", "(From To)", "]<0.100>", "FLAGS" }));
    }

    [Test]
    public void ReadCommandAsync_SequenceSetsAndFlags_AreAtoms()
    {
        var raw = Wire.Raw("a1 STORE 1:*,$ +FLAGS.SILENT (\\Seen $Forwarded)");

        Assert.That(raw.Arguments[0].Text, Is.EqualTo("1:*,$"));
        Assert.That(raw.Arguments[2].Items.Select(i => i.Text), Is.EqualTo(new[] { "\\Seen", "$Forwarded" }));
    }

    [Test]
    public async Task ReadCommandAsync_PipelinedCommands_ReadsEachInOrder()
    {
        var results = await Wire.ReadAllAsync("a1 NOOP\r\na2 CAPABILITY\r\n\r\na3 LOGOUT\n");

        Assert.That(results.Select(r => r.Command!.Name), Is.EqualTo(new[] { "NOOP", "CAPABILITY", "LOGOUT" }));
    }

    [Test]
    public async Task ReadCommandAsync_EndOfStreamMidCommand_ReportsEndOfStream()
    {
        var reader = new ImapCommandReader(new MemoryStream(Encoding.ASCII.GetBytes("a1 NOO")));

        var result = await reader.ReadCommandAsync();

        Assert.That(result.Status, Is.EqualTo(ImapReadStatus.EndOfStream));
    }

    [TestCase("+ NOOP", "Invalid tag")]
    [TestCase(" NOOP", "Missing tag")]
    [TestCase("a1", "Missing command name")]
    [TestCase("a1 NO\"OP", "Invalid command name")]
    public async Task ReadCommandAsync_BadHead_GivesBadWithMessage(string line, string message)
    {
        var results = await Wire.ReadAllAsync(line + "\r\na2 NOOP\r\n");

        Assert.That(results[0].Error!.Kind, Is.EqualTo(ImapErrorKind.Bad));
        Assert.That(results[0].Error!.Message, Is.EqualTo(message));
        Assert.That(results[1].Command!.Name, Is.EqualTo("NOOP"));
    }

    [Test]
    public async Task ReadCommandAsync_InvalidTag_AnswersUntagged()
    {
        var results = await Wire.ReadAllAsync("a{1 NOOP\r\n");

        Assert.That(results[0].Error!.Tag, Is.Null);
    }

    [TestCase("a1 X \"unterminated", "Unterminated quoted string")]
    [TestCase("a1 X \"bad \\n escape\"", "Invalid escape in quoted string")]
    [TestCase("a1 X (a b", "Missing ')'")]
    [TestCase("a1 X a)", "Unexpected ')'")]
    [TestCase("a1 X a  b", "Unexpected space")]
    [TestCase("a1 X (a)b", "Expected a space before 'b'")]
    [TestCase("a1 X {5} trailing", "A literal must end its line")]
    public async Task ReadCommandAsync_MalformedArguments_GivesTaggedBad(string line, string message)
    {
        var results = await Wire.ReadAllAsync(line + "\r\na2 NOOP\r\n");

        Assert.That(results[0].Error, Is.EqualTo(new ImapError(ImapErrorKind.Bad, "a1", message)));
        Assert.That(results[1].Command!.Tag, Is.EqualTo("a2"));
    }

    [Test]
    public async Task ReadCommandAsync_NulInQuotedString_GivesBad()
    {
        var results = await Wire.ReadAllAsync("a1 LOGIN \"a\0b\" x\r\n");

        Assert.That(results[0].Error!.Message, Does.Contain("NUL"));
    }

    [Test]
    public async Task ReadCommandAsync_EightBitInAtom_GivesBadNotCrash()
    {
        var wire = new byte[] { (byte)'a', (byte)'1', (byte)' ', (byte)'X', (byte)' ', 0xC3, 0xA9, 0xFF, 0x0D, 0x0A };

        var results = await Wire.ReadAllAsync(wire);

        Assert.That(results[0].Error!.Message, Does.Contain("8-bit"));
    }

    [Test]
    public async Task ReadCommandAsync_EightBitInQuoted_IsKeptAsBytes()
    {
        var wire = Encoding.UTF8.GetBytes("a1 SELECT \"Envoyés\"\r\n").Concat(new byte[] { (byte)'a', (byte)'2', (byte)' ', (byte)'X', (byte)' ', (byte)'"', 0xFF, 0xFE, (byte)'"', 13, 10 }).ToArray();

        var results = await Wire.ReadAllAsync(wire);

        Assert.That(results[0].Command!.Arguments[0].Text, Is.EqualTo("Envoyés"));
        Assert.That(results[1].Command!.Arguments[0].Bytes.ToArray(), Is.EqualTo(new byte[] { 0xFF, 0xFE }));
        Assert.That(results[1].Command!.Arguments[0].Text, Is.EqualTo("\uFFFD\uFFFD"));
    }

    [Test]
    public async Task ReadCommandAsync_RandomGarbage_NeverThrows()
    {
        var random = new Random(3501);
        for (var round = 0; round < 200; round++)
        {
            var garbage = new byte[random.Next(1, 400)];
            random.NextBytes(garbage);
            var wire = garbage.Concat("\r\na9 NOOP\r\n"u8.ToArray()).ToArray();

            var results = await Wire.ReadAllAsync(wire);

            Assert.That(results, Is.Not.Empty);
        }
    }

    [Test]
    public async Task ReadCommandAsync_DeepNesting_GivesBadWithLimitCode()
    {
        var line = "a1 SEARCH " + new string('(', 40) + "ALL" + new string(')', 40);

        var results = await Wire.ReadAllAsync(line + "\r\na2 NOOP\r\n");

        Assert.That(results[0].Error!.Code!.Name, Is.EqualTo("LIMIT"));
        Assert.That(results[0].Error!.Kind, Is.EqualTo(ImapErrorKind.Bad));
        Assert.That(results[1].Command!.Name, Is.EqualTo("NOOP"));
    }

    [Test]
    public async Task ReadCommandAsync_NestingAtTheLimit_IsAccepted()
    {
        var limits = new ImapReaderLimits { MaxNestingDepth = 3 };

        var results = await Wire.ReadAllAsync("a1 X (((a)))\r\na2 X ((((a))))\r\n", limits);

        Assert.That(results[0].Status, Is.EqualTo(ImapReadStatus.Command));
        Assert.That(results[1].Status, Is.EqualTo(ImapReadStatus.Error));
    }

    [Test]
    public async Task ReadCommandAsync_CommandSplitAcrossWrites_WaitsForTheWholeLine()
    {
        var (reader, input) = Wire.Piped();
        var read = reader.ReadCommandAsync().AsTask();

        await input.SendAsync("a1 SEL");
        await Task.Delay(20);
        Assert.That(read.IsCompleted, Is.False);
        await input.SendAsync("ECT INBOX\r\n");

        Assert.That((await read).Command!.ToString(), Is.EqualTo("a1 SELECT INBOX"));
    }
}
