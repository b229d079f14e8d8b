using Preau.Imap.Protocol.Syntax;
using Preau.Imap.Protocol.Tests.Support;
using Preau.Imap.Protocol.Writing;

namespace Preau.Imap.Protocol.Tests.Writing;

public class ResponseWritingTests
{
    [Test]
    public void Status_TaggedWithCode_WritesWholeLine()
    {
        var text = Wire.Write(w => w.Status("A142", ImapStatus.Ok, "SELECT completed", ResponseCode.ReadWrite));

        Assert.That(text, Is.EqualTo("A142 OK [READ-WRITE] SELECT completed\r\n"));
    }

    [Test]
    public void Status_Untagged_StartsWithStar()
    {
        var text = Wire.Write(w => w.Status(null, ImapStatus.Ok, "Predicted next UID", ResponseCode.UidNext(4392)));

        Assert.That(text, Is.EqualTo("* OK [UIDNEXT 4392] Predicted next UID\r\n"));
    }

    [Test]
    public void Status_TextWithCrLfAndAccents_IsSanitized()
    {
        Assert.That(Wire.Write(w => w.Status("a1", ImapStatus.No, "Boîte\r\ninconnue")), Is.EqualTo("a1 NO Boite  inconnue\r\n"));
        Assert.That(Wire.Write(w => w.Status("a1", ImapStatus.No, "")), Is.EqualTo("a1 NO completed\r\n"));
    }

    [Test]
    public void Status_FrenchTextWithoutUtf8_IsSpelledInAscii()
    {
        var text = Wire.Write(w => w.Status("a1", ImapStatus.No, "« Envoyés » est un dossier par défaut : il ne peut pas être supprimé — cœur ✓ (RFC 6855 §3)"));

        Assert.That(text, Is.EqualTo("a1 NO \" Envoyes \" est un dossier par defaut : il ne peut pas etre supprime - coeur ? (RFC 6855 section 3)\r\n"));
    }

    [Test]
    public void Status_FrenchTextWithUtf8_IsSentAsIs()
    {
        var text = Wire.Write(w => w.Status("a1", ImapStatus.No, "Dossier par défaut"), utf8: true);

        Assert.That(text, Is.EqualTo(System.Text.Encoding.Latin1.GetString(System.Text.Encoding.UTF8.GetBytes("a1 NO Dossier par défaut\r\n"))));
    }

    [Test]
    public void Error_Fatal_IsUntaggedBye()
    {
        var text = Wire.Write(w => w.Error(new ImapError(ImapErrorKind.Fatal, "a1", "Literal too large", ResponseCode.TooBig)));

        Assert.That(text, Is.EqualTo("* BYE [TOOBIG] Literal too large\r\n"));
    }

    [Test]
    public void Error_NoAndBad_AreTaggedOrUntagged()
    {
        Assert.That(Wire.Write(w => w.Error(new ImapError(ImapErrorKind.No, "a1", "Too big", ResponseCode.TooBig))), Is.EqualTo("a1 NO [TOOBIG] Too big\r\n"));
        Assert.That(Wire.Write(w => w.Error(new ImapError(ImapErrorKind.Bad, null, "Invalid tag"))), Is.EqualTo("* BAD Invalid tag\r\n"));
    }

    [Test]
    public void Continuation_Text_StartsWithPlus()
    {
        Assert.That(Wire.Write(w => w.Continuation("Ready for literal data")), Is.EqualTo("+ Ready for literal data\r\n"));
        Assert.That(Wire.Write(w => w.ContinuationBase64("abc"u8)), Is.EqualTo("+ YWJj\r\n"));
        Assert.That(Wire.Write(w => w.ContinuationBase64([])), Is.EqualTo("+ \r\n"));
    }

    public static IEnumerable<TestCaseData> Codes()
    {
        yield return new TestCaseData(ResponseCode.UidValidity(3857529045), "[UIDVALIDITY 3857529045]");
        yield return new TestCaseData(ResponseCode.UidNext(4392), "[UIDNEXT 4392]");
        yield return new TestCaseData(ResponseCode.Unseen(12), "[UNSEEN 12]");
        yield return new TestCaseData(ResponseCode.PermanentFlags(["\\Deleted", "\\Seen", "\\*"]), "[PERMANENTFLAGS (\\Deleted \\Seen \\*)]");
        yield return new TestCaseData(ResponseCode.HighestModSeq(715194045007), "[HIGHESTMODSEQ 715194045007]");
        yield return new TestCaseData(ResponseCode.AppendUid(38505, 3955), "[APPENDUID 38505 3955]");
        yield return new TestCaseData(ResponseCode.AppendUid(38505, SequenceSet.FromNumbers([3955, 3956])), "[APPENDUID 38505 3955:3956]");
        yield return new TestCaseData(ResponseCode.CopyUid(38505, SequenceSet.Parse("304,319:320"), SequenceSet.Parse("3956:3958")), "[COPYUID 38505 304,319:320 3956:3958]");
        yield return new TestCaseData(ResponseCode.Capability(["IMAP4rev1", "IMAP4rev2", "IDLE"]), "[CAPABILITY IMAP4rev1 IMAP4rev2 IDLE]");
        yield return new TestCaseData(ResponseCode.Modified(SequenceSet.Parse("7,9")), "[MODIFIED 7,9]");
        yield return new TestCaseData(ResponseCode.BadCharset(["US-ASCII", "UTF-8"]), "[BADCHARSET (US-ASCII UTF-8)]");
        yield return new TestCaseData(ResponseCode.Alert, "[ALERT]");
        yield return new TestCaseData(ResponseCode.TryCreate, "[TRYCREATE]");
        yield return new TestCaseData(ResponseCode.NonExistent, "[NONEXISTENT]");
        yield return new TestCaseData(ResponseCode.AlreadyExists, "[ALREADYEXISTS]");
        yield return new TestCaseData(ResponseCode.Limit, "[LIMIT]");
        yield return new TestCaseData(ResponseCode.OverQuota, "[OVERQUOTA]");
        yield return new TestCaseData(ResponseCode.Closed, "[CLOSED]");
        yield return new TestCaseData(ResponseCode.NoModSeq, "[NOMODSEQ]");
        yield return new TestCaseData(ResponseCode.ReadOnly, "[READ-ONLY]");
        yield return new TestCaseData(ResponseCode.UnknownCte, "[UNKNOWN-CTE]");
        yield return new TestCaseData(new ResponseCode("X-PREAU", "42"), "[X-PREAU 42]");
    }

    [TestCaseSource(nameof(Codes))]
    public void Code_Factory_WritesWireForm(ResponseCode code, string expected)
    {
        Assert.That(Wire.Write(w => w.Code(code)), Is.EqualTo(expected));
    }

    [Test]
    public void UntaggedHelpers_WriteRfcForms()
    {
        var text = Wire.Write(w =>
        {
            w.Exists(172);
            w.Recent(1);
            w.Expunge(3);
            w.Vanished(SequenceSet.Parse("41,43:116"), earlier: true);
            w.Vanished(SequenceSet.Parse("405"), earlier: false);
            w.Capability(["IMAP4rev1", "IDLE"]);
            w.Enabled(["CONDSTORE"]);
            w.Flags(["\\Answered", "\\Seen"]);
            w.Search([2, 84, 882]);
            w.Search([], highestModSeq: null);
            w.Search([2, 10], highestModSeq: 917162500);
        });

        Assert.That(text, Is.EqualTo(
            "* 172 EXISTS\r\n* 1 RECENT\r\n* 3 EXPUNGE\r\n* VANISHED (EARLIER) 41,43:116\r\n* VANISHED 405\r\n"
            + "* CAPABILITY IMAP4rev1 IDLE\r\n* ENABLED CONDSTORE\r\n* FLAGS (\\Answered \\Seen)\r\n"
            + "* SEARCH 2 84 882\r\n* SEARCH\r\n* SEARCH 2 10 (MODSEQ 917162500)\r\n"));
    }

    [Test]
    public void ESearch_AllOptions_WritesRfc4731Form()
    {
        var text = Wire.Write(w => w.ESearch("A283", byUid: true, min: 2, max: 47, all: SequenceSet.FromNumbers([2, 10, 11, 47]), count: 4));

        Assert.That(text, Is.EqualTo("* ESEARCH (TAG \"A283\") UID MIN 2 MAX 47 ALL 2,10:11,47 COUNT 4\r\n"));
    }

    [Test]
    public void ESearch_NoMatches_OmitsAll()
    {
        var text = Wire.Write(w => w.ESearch("a1", byUid: false, min: null, max: null, all: SequenceSet.Empty, count: 0));

        Assert.That(text, Is.EqualTo("* ESEARCH (TAG \"a1\") COUNT 0\r\n"));
    }

    [Test]
    public void BeginFetch_EndFetch_FrameTheItems()
    {
        var text = Wire.Write(w => w.BeginFetch(1).Atom("UID"u8).Number(9u).EndFetch());

        Assert.That(text, Is.EqualTo("* 1 FETCH (UID 9)\r\n"));
    }
}
