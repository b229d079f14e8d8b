using Preau.Imap.Protocol.Commands;
using Preau.Imap.Protocol.Syntax;
using Preau.Imap.Protocol.Tests.Support;

namespace Preau.Imap.Protocol.Tests.Commands;

public class MailboxCommandTests
{
    private static readonly CommandParserOptions Utf8 = new() { Utf8Accept = true };

    [Test]
    public void Parse_Select_ReadsMailbox()
    {
        var command = Wire.Parse<SelectCommand>("a1 SELECT inbox");

        Assert.That(command, Is.EqualTo(new SelectCommand("a1", "INBOX", false, SelectParameters.None)));
        Assert.That(command.Name, Is.EqualTo("SELECT"));
    }

    [Test]
    public void Parse_Examine_IsReadOnly()
    {
        var command = Wire.Parse<SelectCommand>("a1 EXAMINE \"Envoy&AOk-s\"");

        Assert.That(command.ReadOnly, Is.True);
        Assert.That(command.Mailbox, Is.EqualTo("Envoyés"));
        Assert.That(command.Name, Is.EqualTo("EXAMINE"));
    }

    [Test]
    public void Parse_SelectUtf8Accept_TakesUtf8Name()
    {
        Assert.That(Wire.Parse<SelectCommand>("a1 SELECT \"Envoyés\"", Utf8).Mailbox, Is.EqualTo("Envoyés"));
    }

    [Test]
    public void Parse_SelectRawUtf8WithoutUtf8Accept_IsBad()
    {
        Assert.That(Wire.ParseError("a1 SELECT \"Envoyés\"").Message, Does.Contain("modified UTF-7"));
    }

    [Test]
    public void Parse_SelectCondStore_SetsFlag()
    {
        Assert.That(Wire.Parse<SelectCommand>("a1 SELECT INBOX (CONDSTORE)").Parameters.CondStore, Is.True);
    }

    [Test]
    public void Parse_SelectQResyncFull_ReadsEverything()
    {
        var command = Wire.Parse<SelectCommand>("A02 SELECT INBOX (QRESYNC (67890007 20050715194045000 41,43:211,214:541 (1,3:5 41,43:45)))");

        var qresync = command.Parameters.QResync!;
        Assert.That(command.Parameters.CondStore, Is.True);
        Assert.That(qresync.UidValidity, Is.EqualTo(67890007u));
        Assert.That(qresync.ModSeq, Is.EqualTo(20050715194045000ul));
        Assert.That(qresync.KnownUids, Is.EqualTo(SequenceSet.Parse("41,43:211,214:541")));
        Assert.That(qresync.KnownSequenceNumbers, Is.EqualTo(SequenceSet.Parse("1,3:5")));
        Assert.That(qresync.KnownSequenceUids, Is.EqualTo(SequenceSet.Parse("41,43:45")));
    }

    [Test]
    public void Parse_ExamineQResyncMinimal_HasNoKnownSets()
    {
        var qresync = Wire.Parse<SelectCommand>("a1 EXAMINE INBOX (QRESYNC (1 2))").Parameters.QResync!;

        Assert.That(qresync.KnownUids, Is.Null);
        Assert.That(qresync.KnownSequenceNumbers, Is.Null);
    }

    [Test]
    public void Parse_QResyncSeqMatchWithoutKnownUids_IsRead()
    {
        var qresync = Wire.Parse<SelectCommand>("a1 SELECT INBOX (QRESYNC (1 2 (1:2 5:6)))").Parameters.QResync!;

        Assert.That(qresync.KnownUids, Is.Null);
        Assert.That(qresync.KnownSequenceUids!.ToString(), Is.EqualTo("5:6"));
    }

    [TestCase("a1 SELECT", "SELECT: missing mailbox name")]
    [TestCase("a1 SELECT INBOX ()", "SELECT: empty select parameter list")]
    [TestCase("a1 SELECT INBOX (FOO)", "SELECT: unknown select parameter FOO")]
    [TestCase("a1 SELECT INBOX (CONDSTORE CONDSTORE)", "SELECT: CONDSTORE given twice")]
    [TestCase("a1 SELECT INBOX CONDSTORE", "SELECT: select parameters must be a parenthesized list, got CONDSTORE")]
    [TestCase("a1 SELECT INBOX (QRESYNC (0 2))", "SELECT: UIDVALIDITY must be a non-zero number")]
    [TestCase("a1 SELECT INBOX (QRESYNC (1 0))", "SELECT: mod-sequence must not be 0")]
    [TestCase("a1 SELECT INBOX (QRESYNC (1 2 1:*))", "SELECT: QRESYNC sets may not use '*' or '$'")]
    [TestCase("a1 SELECT INBOX (QRESYNC (1 2 1:5 (1:2)))", "SELECT: missing known UID set")]
    [TestCase("a1 SELECT INBOX (QRESYNC (1))", "SELECT: missing mod-sequence")]
    [TestCase("a1 EXAMINE a b", "EXAMINE: select parameters must be a parenthesized list, got b")]
    [TestCase("a1 SELECT \"&Jjo\"", "SELECT: mailbox name '&Jjo' is not valid modified UTF-7 (RFC 3501 §5.1.3)")]
    public void Parse_MalformedSelect_IsBadWithMessage(string line, string message)
    {
        Assert.That(Wire.ParseError(line).Message, Is.EqualTo(message));
    }

    [Test]
    public void Parse_Create_ReadsNameAndKeepsTrailingSeparator()
    {
        var command = Wire.Parse<CreateCommand>("a1 CREATE Ind&AOk-sirables/");

        Assert.That(command.Mailbox, Is.EqualTo("Indésirables/"));
        Assert.That(command.SpecialUse, Is.Empty);
    }

    [Test]
    public void Parse_CreateSpecialUse_ReadsAttributes()
    {
        var command = Wire.Parse<CreateCommand>("a1 CREATE Archives (USE (\\Archive \\Flagged))");

        Assert.That(command.SpecialUse, Is.EqualTo(new[] { "\\Archive", "\\Flagged" }));
    }

    [TestCase("a1 CREATE", "CREATE: missing mailbox name")]
    [TestCase("a1 CREATE x (FOO (a))", "CREATE: unknown create parameter FOO")]
    [TestCase("a1 CREATE x (USE (Archive))", "CREATE: 'Archive' is not a special-use attribute")]
    [TestCase("a1 CREATE x ()", "CREATE: empty create parameter list")]
    [TestCase("a1 CREATE x y", "CREATE: create parameters must be a parenthesized list, got y")]
    public void Parse_MalformedCreate_IsBad(string line, string message)
    {
        Assert.That(Wire.ParseError(line).Message, Is.EqualTo(message));
    }

    [Test]
    public void Parse_Delete_ReadsMailbox()
    {
        Assert.That(Wire.Parse<DeleteCommand>("a1 DELETE \"Corbeille\"").Mailbox, Is.EqualTo("Corbeille"));
    }

    [Test]
    public void Parse_Rename_ReadsBothNames()
    {
        var command = Wire.Parse<RenameCommand>("a1 RENAME Brouillons {6+}\r\nDrafts");

        Assert.That(command, Is.EqualTo(new RenameCommand("a1", "Brouillons", "Drafts")));
    }

    [Test]
    public void Parse_SubscribeAndUnsubscribe_ReadMailbox()
    {
        Assert.That(Wire.Parse<SubscribeCommand>("a1 SUBSCRIBE Archives").Mailbox, Is.EqualTo("Archives"));
        Assert.That(Wire.Parse<UnsubscribeCommand>("a1 UNSUBSCRIBE Archives").Mailbox, Is.EqualTo("Archives"));
    }

    [TestCase("a1 DELETE", "DELETE: missing mailbox name")]
    [TestCase("a1 DELETE a b", "DELETE: unexpected argument b")]
    [TestCase("a1 RENAME a", "RENAME: missing new mailbox name")]
    [TestCase("a1 RENAME a b c", "RENAME: unexpected argument c")]
    [TestCase("a1 SUBSCRIBE", "SUBSCRIBE: missing mailbox name")]
    [TestCase("a1 UNSUBSCRIBE (a)", "UNSUBSCRIBE: mailbox name expected, got (a)")]
    [TestCase("a1 DELETE a%", "DELETE: mailbox name expected, got a%")]
    public void Parse_MalformedMailboxCommand_IsBad(string line, string message)
    {
        Assert.That(Wire.ParseError(line).Message, Is.EqualTo(message));
    }

    [Test]
    public void Parse_Status_ReadsItems()
    {
        var command = Wire.Parse<StatusCommand>("a1 STATUS blurdybloop (UIDNEXT MESSAGES unseen HIGHESTMODSEQ SIZE DELETED RECENT UIDVALIDITY APPENDLIMIT)");

        Assert.That(command.Items, Is.EqualTo(StatusItems.UidNext | StatusItems.Messages | StatusItems.Unseen
            | StatusItems.HighestModSeq | StatusItems.Size | StatusItems.Deleted | StatusItems.Recent
            | StatusItems.UidValidity | StatusItems.AppendLimit));
    }

    [TestCase("a1 STATUS INBOX", "STATUS: missing status items")]
    [TestCase("a1 STATUS INBOX ()", "STATUS: empty status item list")]
    [TestCase("a1 STATUS INBOX (MESSAGES FOO)", "STATUS: unknown status item FOO")]
    [TestCase("a1 STATUS INBOX MESSAGES", "STATUS: status items must be a parenthesized list, got MESSAGES")]
    public void Parse_MalformedStatus_IsBad(string line, string message)
    {
        Assert.That(Wire.ParseError(line).Message, Is.EqualTo(message));
    }

    [Test]
    public void Parse_GetQuotaAndQuotaRoot_ReadNames()
    {
        Assert.That(Wire.Parse<GetQuotaCommand>("a1 GETQUOTA \"\"").QuotaRoot, Is.EqualTo(""));
        Assert.That(Wire.Parse<GetQuotaRootCommand>("a1 GETQUOTAROOT INBOX").Mailbox, Is.EqualTo("INBOX"));
    }

    [Test]
    public void Parse_SetQuota_ReadsLimits()
    {
        var command = Wire.Parse<SetQuotaCommand>("a1 SETQUOTA \"\" (STORAGE 512 message 1000)");

        Assert.That(command.Limits, Is.EqualTo(new[] { new QuotaLimit("STORAGE", 512), new QuotaLimit("MESSAGE", 1000) }));
    }

    [Test]
    public void Parse_SetQuotaEmptyList_RemovesLimits()
    {
        Assert.That(Wire.Parse<SetQuotaCommand>("a1 SETQUOTA root ()").Limits, Is.Empty);
    }

    [TestCase("a1 GETQUOTA", "GETQUOTA: missing quota root")]
    [TestCase("a1 GETQUOTAROOT", "GETQUOTAROOT: missing mailbox name")]
    [TestCase("a1 SETQUOTA root", "SETQUOTA: missing quota limits")]
    [TestCase("a1 SETQUOTA root (STORAGE)", "SETQUOTA: missing resource limit")]
    [TestCase("a1 SETQUOTA root (STORAGE lots)", "SETQUOTA: resource limit must be a number below 2^63")]
    public void Parse_MalformedQuotaCommand_IsBad(string line, string message)
    {
        Assert.That(Wire.ParseError(line).Message, Is.EqualTo(message));
    }
}
