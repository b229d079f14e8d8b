using Preau.Imap.Protocol.Commands;
using Preau.Imap.Protocol.Syntax;
using Preau.Imap.Protocol.Tests.Support;

namespace Preau.Imap.Protocol.Tests.Commands;

public class MessageCommandTests
{
    [Test]
    public void Parse_UidExpunge_ReadsUidSet()
    {
        var command = Wire.Parse<ExpungeCommand>("a1 UID EXPUNGE 3000:3002");

        Assert.That(command.Uids, Is.EqualTo(SequenceSet.Parse("3000:3002")));
        Assert.That(command.Name, Is.EqualTo("UID EXPUNGE"));
    }

    [Test]
    public void Parse_Expunge_HasNoUids()
    {
        Assert.That(Wire.Parse<ExpungeCommand>("a1 EXPUNGE").Uids, Is.Null);
    }

    [TestCase("a1 UID EXPUNGE", "UID EXPUNGE: missing UID set")]
    [TestCase("a1 UID EXPUNGE 0", "UID EXPUNGE: UID set is not a valid sequence set")]
    [TestCase("a1 uid expunge 1 2", "UID EXPUNGE: unexpected argument 2")]
    public void Parse_MalformedUidExpunge_IsBad(string line, string message)
    {
        Assert.That(Wire.ParseError(line).Message, Is.EqualTo(message));
    }

    [Test]
    public void Parse_Copy_ReadsSetAndMailbox()
    {
        var command = Wire.Parse<CopyCommand>("a1 COPY 2:4 MEETING");

        Assert.That(command, Is.EqualTo(new CopyCommand("a1", SequenceSet.Parse("2:4"), false, "MEETING")));
    }

    [Test]
    public void Parse_UidCopy_IsByUid()
    {
        var command = Wire.Parse<CopyCommand>("a1 UID COPY $ \"Corbeille\"");

        Assert.That(command.ByUid, Is.True);
        Assert.That(command.Set.IncludesSavedResult, Is.True);
        Assert.That(command.Name, Is.EqualTo("UID COPY"));
    }

    [Test]
    public void Parse_MoveAndUidMove_ReadSetAndMailbox()
    {
        var move = Wire.Parse<MoveCommand>("a1 MOVE 1:* Archives");
        var uidMove = Wire.Parse<MoveCommand>("a2 UID MOVE 42 Ind&AOk-sirables");

        Assert.That(move, Is.EqualTo(new MoveCommand("a1", SequenceSet.All, false, "Archives")));
        Assert.That(uidMove.ByUid, Is.True);
        Assert.That(uidMove.Mailbox, Is.EqualTo("Indésirables"));
    }

    [TestCase("a1 COPY 1:2", "COPY: missing target mailbox")]
    [TestCase("a1 COPY x INBOX", "COPY: message set is not a valid sequence set")]
    [TestCase("a1 COPY \"1\" INBOX", "COPY: message set expected, got \"1\"")]
    [TestCase("a1 MOVE", "MOVE: missing message set")]
    [TestCase("a1 UID MOVE 1 a b", "UID MOVE: unexpected argument b")]
    public void Parse_MalformedCopyOrMove_IsBad(string line, string message)
    {
        Assert.That(Wire.ParseError(line).Message, Is.EqualTo(message));
    }

    [Test]
    public void Parse_StoreAddFlags_ReadsFlags()
    {
        var command = Wire.Parse<StoreCommand>("A003 STORE 2:4 +FLAGS (\\Deleted)");

        Assert.That(command.Action, Is.EqualTo(StoreAction.Add));
        Assert.That(command.Silent, Is.False);
        Assert.That(command.Flags, Is.EqualTo(new[] { "\\Deleted" }));
        Assert.That(command.UnchangedSince, Is.Null);
    }

    [Test]
    public void Parse_StoreSilentRemove_IsSilent()
    {
        var command = Wire.Parse<StoreCommand>("a1 STORE 1 -flags.silent (\\SEEN $Junk)");

        Assert.That(command.Action, Is.EqualTo(StoreAction.Remove));
        Assert.That(command.Silent, Is.True);
        Assert.That(command.Flags, Is.EqualTo(new[] { "\\Seen", "$Junk" }));
    }

    [Test]
    public void Parse_StoreBareFlags_ReadsFlagsWithoutParentheses()
    {
        var command = Wire.Parse<StoreCommand>("a1 UID STORE 5 FLAGS \\Seen \\Flagged");

        Assert.That(command.ByUid, Is.True);
        Assert.That(command.Action, Is.EqualTo(StoreAction.Replace));
        Assert.That(command.Flags, Is.EqualTo(new[] { "\\Seen", "\\Flagged" }));
        Assert.That(command.Name, Is.EqualTo("UID STORE"));
    }

    [Test]
    public void Parse_StoreEmptyList_ClearsFlags()
    {
        Assert.That(Wire.Parse<StoreCommand>("a1 STORE 1 FLAGS ()").Flags, Is.Empty);
    }

    [Test]
    public void Parse_StoreUnchangedSince_ReadsModSeq()
    {
        var command = Wire.Parse<StoreCommand>("d105 STORE 7,5,9 (UNCHANGEDSINCE 320162338) +FLAGS.SILENT (\\Deleted)");

        Assert.That(command.UnchangedSince, Is.EqualTo(320162338ul));
        Assert.That(command.Set.ToString(), Is.EqualTo("7,5,9"));
    }

    [Test]
    public void Parse_StoreUnchangedSinceZero_IsAllowed()
    {
        Assert.That(Wire.Parse<StoreCommand>("a1 STORE 1 (UNCHANGEDSINCE 0) FLAGS (\\Seen)").UnchangedSince, Is.EqualTo(0ul));
    }

    [TestCase("a1 STORE 1", "STORE: missing FLAGS, +FLAGS or -FLAGS")]
    [TestCase("a1 STORE 1 +FLAGS", "STORE: missing flag")]
    [TestCase("a1 STORE 1 LABELS (x)", "STORE: unknown store item LABELS")]
    [TestCase("a1 STORE 1 FLAGS.NOISY (x)", "STORE: unknown store item FLAGS.NOISY")]
    [TestCase("a1 STORE 1 +FLAGS (\\Recent)", "STORE: '\\Recent' is not a flag a client may set")]
    [TestCase("a1 STORE 1 +FLAGS (a%b)", "STORE: 'a%b' is not a flag a client may set")]
    [TestCase("a1 STORE 1 +FLAGS (\"quoted\")", "STORE: flag expected, got \"quoted\"")]
    [TestCase("a1 STORE 1 (FOO 1) +FLAGS (x)", "STORE: unknown or repeated store modifier FOO")]
    [TestCase("a1 STORE 1 (UNCHANGEDSINCE 1 UNCHANGEDSINCE 2) +FLAGS (x)", "STORE: unknown or repeated store modifier UNCHANGEDSINCE")]
    [TestCase("a1 STORE 1 (UNCHANGEDSINCE -1) +FLAGS (x)", "STORE: UNCHANGEDSINCE value must be a number below 2^63")]
    [TestCase("a1 STORE 1 +FLAGS (x) (y)", "STORE: unexpected argument (y)")]
    [TestCase("a1 STORE 1 +FLAGS x \"y\"", "STORE: unexpected argument \"y\"")]
    public void Parse_MalformedStore_IsBad(string line, string message)
    {
        Assert.That(Wire.ParseError(line).Message, Is.EqualTo(message));
    }
}
