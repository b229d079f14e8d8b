using System.Text;
using Preau.Imap.Protocol.Commands;
using Preau.Imap.Protocol.Search;
using Preau.Imap.Protocol.Syntax;
using Preau.Imap.Protocol.Tests.Support;

namespace Preau.Imap.Protocol.Tests.Commands;

public class SearchCommandTests
{
    private static SearchKey Key(string keys) => Wire.Parse<SearchCommand>("a1 SEARCH " + keys).Criteria;

    [Test]
    public void Parse_RfcExample_GivesAndOfKeys()
    {
        var command = Wire.Parse<SearchCommand>("A282 SEARCH FLAGGED SINCE 1-Feb-1994 NOT FROM \"Smith\"");

        Assert.That(command.Criteria, Is.EqualTo(new AndKey(
        [
            new FlagKey(ImapFlags.Flagged),
            new DateKey(DateField.Internal, DateComparison.Since, new DateOnly(1994, 2, 1)),
            new NotKey(new HeaderKey("From", "Smith")),
        ])));
        Assert.That(command.Return, Is.Null);
        Assert.That(command.Charset, Is.Null);
        Assert.That(command.ByUid, Is.False);
    }

    [TestCase("ALL", typeof(AllKey))]
    [TestCase("ANSWERED", typeof(FlagKey))]
    [TestCase("DELETED", typeof(FlagKey))]
    [TestCase("DRAFT", typeof(FlagKey))]
    [TestCase("FLAGGED", typeof(FlagKey))]
    [TestCase("RECENT", typeof(FlagKey))]
    [TestCase("SEEN", typeof(FlagKey))]
    [TestCase("KEYWORD $Forwarded", typeof(FlagKey))]
    [TestCase("UNANSWERED", typeof(NotKey))]
    [TestCase("UNDELETED", typeof(NotKey))]
    [TestCase("UNDRAFT", typeof(NotKey))]
    [TestCase("UNFLAGGED", typeof(NotKey))]
    [TestCase("UNSEEN", typeof(NotKey))]
    [TestCase("UNKEYWORD Junk", typeof(NotKey))]
    [TestCase("OLD", typeof(NotKey))]
    [TestCase("NEW", typeof(AndKey))]
    [TestCase("BCC x", typeof(HeaderKey))]
    [TestCase("CC x", typeof(HeaderKey))]
    [TestCase("FROM x", typeof(HeaderKey))]
    [TestCase("SUBJECT \"x y\"", typeof(HeaderKey))]
    [TestCase("TO x", typeof(HeaderKey))]
    [TestCase("HEADER X-Mailer \"\"", typeof(HeaderKey))]
    [TestCase("BODY x", typeof(BodyKey))]
    [TestCase("TEXT x", typeof(TextKey))]
    [TestCase("BEFORE 1-Feb-1994", typeof(DateKey))]
    [TestCase("ON \"1-Feb-1994\"", typeof(DateKey))]
    [TestCase("SINCE 01-Feb-1994", typeof(DateKey))]
    [TestCase("SENTBEFORE 1-Feb-1994", typeof(DateKey))]
    [TestCase("SENTON 1-Feb-1994", typeof(DateKey))]
    [TestCase("SENTSINCE 1-Feb-1994", typeof(DateKey))]
    [TestCase("LARGER 1000", typeof(SizeKey))]
    [TestCase("SMALLER 1000", typeof(SizeKey))]
    [TestCase("UID 1:100", typeof(UidKey))]
    [TestCase("UID $", typeof(UidKey))]
    [TestCase("1:5,7", typeof(SequenceKey))]
    [TestCase("*", typeof(SequenceKey))]
    [TestCase("$", typeof(SequenceKey))]
    [TestCase("NOT SEEN", typeof(NotKey))]
    [TestCase("OR SEEN FLAGGED", typeof(OrKey))]
    [TestCase("(SEEN FLAGGED)", typeof(AndKey))]
    [TestCase("MODSEQ 620162338", typeof(ModSeqKey))]
    [TestCase("OLDER 3600", typeof(AgeKey))]
    [TestCase("YOUNGER 60", typeof(AgeKey))]
    public void Parse_EveryKey_GivesItsNode(string keys, Type type)
    {
        Assert.That(Key(keys), Is.InstanceOf(type));
    }

    [Test]
    public void Parse_UnseenAndNew_AreNormalized()
    {
        Assert.That(Key("UNSEEN"), Is.EqualTo(new NotKey(new FlagKey(ImapFlags.Seen))));
        Assert.That(Key("NEW"), Is.EqualTo(new AndKey([new FlagKey(ImapFlags.Recent), new NotKey(new FlagKey(ImapFlags.Seen))])));
    }

    [Test]
    public void Parse_NestedOrNotAndGroups_BuildsTree()
    {
        var key = Key("OR (FROM a SEEN) NOT (UID 5:* LARGER 10)");

        Assert.That(key, Is.EqualTo(new OrKey(
            new AndKey([new HeaderKey("From", "a"), new FlagKey(ImapFlags.Seen)]),
            new NotKey(new AndKey([new UidKey(SequenceSet.Parse("5:*")), new SizeKey(true, 10)])))));
    }

    [Test]
    public void Parse_ModSeqWithEntry_ReadsEntryAndType()
    {
        Assert.That(Key("MODSEQ \"/flags/\\\\draft\" all 620162338"), Is.EqualTo(new ModSeqKey(620162338, "/flags/\\draft", "all")));
    }

    [Test]
    public void Parse_UidSearchWithReturn_ReadsOptions()
    {
        var command = Wire.Parse<SearchCommand>("a1 UID SEARCH RETURN (MIN MAX COUNT SAVE ALL) UNDELETED");

        Assert.That(command.ByUid, Is.True);
        Assert.That(command.Return, Is.EqualTo(SearchReturnOptions.Min | SearchReturnOptions.Max | SearchReturnOptions.Count | SearchReturnOptions.Save | SearchReturnOptions.All));
    }

    [Test]
    public void Parse_EmptyReturn_MeansAll()
    {
        Assert.That(Wire.Parse<SearchCommand>("a1 SEARCH RETURN () ALL").Return, Is.EqualTo(SearchReturnOptions.All));
    }

    [Test]
    public void Parse_CharsetUtf8Literal_DecodesUtf8()
    {
        var command = Wire.Parse<SearchCommand>("a1 SEARCH CHARSET UTF-8 SUBJECT {7+}\r\nélève");

        Assert.That(command.Charset, Is.EqualTo("UTF-8"));
        Assert.That(command.Criteria, Is.EqualTo(new HeaderKey("Subject", "élève")));
    }

    [Test]
    public async Task Parse_CharsetLatin1_DecodesLatin1()
    {
        var wire = Encoding.ASCII.GetBytes("a1 SEARCH CHARSET ISO-8859-1 BODY {5+}\r\n")
            .Concat(Encoding.Latin1.GetBytes("élève")).Concat("\r\n"u8.ToArray()).ToArray();
        var raw = (await Wire.ReadAllAsync(wire)).Single().Command!;

        var command = (SearchCommand)CommandParser.Parse(raw);

        Assert.That(command.Criteria, Is.EqualTo(new BodyKey("élève")));
    }

    [Test]
    public void Parse_CharsetWindows1252_IsSupported()
    {
        Assert.That(Wire.Parse<SearchCommand>("a1 SEARCH CHARSET windows-1252 TEXT x").Charset, Is.EqualTo("WINDOWS-1252"));
    }

    [Test]
    public void Parse_UnknownCharset_IsNoWithBadCharset()
    {
        var error = Wire.ParseError("a1 SEARCH CHARSET KLINGON TEXT x");

        Assert.That(error.Kind, Is.EqualTo(ImapErrorKind.No));
        Assert.That(error.Code!.ToString(), Is.EqualTo("BADCHARSET (US-ASCII UTF-8)"));
    }

    [Test]
    public void Parse_CharsetOtherThanUtf8UnderUtf8Accept_IsBad()
    {
        var error = Wire.ParseError("a1 SEARCH CHARSET ISO-8859-1 TEXT x", new CommandParserOptions { Utf8Accept = true });

        Assert.That(error.Kind, Is.EqualTo(ImapErrorKind.Bad));
    }

    [Test]
    public void Parse_DeepNotChain_IsBadNotStackOverflow()
    {
        var keys = string.Concat(Enumerable.Repeat("NOT ", 5000)) + "SEEN";

        Assert.That(Wire.ParseError("a1 SEARCH " + keys).Message, Does.Contain("nested deeper"));
    }

    [TestCase("a1 SEARCH", "SEARCH: missing search key")]
    [TestCase("a1 SEARCH FOO", "SEARCH: unknown search key FOO")]
    [TestCase("a1 SEARCH FROM", "SEARCH: missing search string")]
    [TestCase("a1 SEARCH SINCE yesterday", "SEARCH: date must be a date like 1-Feb-1994")]
    [TestCase("a1 SEARCH SINCE 30-Feb-2024", "SEARCH: date must be a date like 1-Feb-1994")]
    [TestCase("a1 SEARCH LARGER big", "SEARCH: size must be a number below 2^63")]
    [TestCase("a1 SEARCH OR SEEN", "SEARCH: missing search key")]
    [TestCase("a1 SEARCH NOT", "SEARCH: missing search key")]
    [TestCase("a1 SEARCH ()", "SEARCH: empty search key group")]
    [TestCase("a1 SEARCH UID x", "SEARCH: UID set is not a valid sequence set")]
    [TestCase("a1 SEARCH 1:0", "SEARCH: sequence set is not a valid sequence set")]
    [TestCase("a1 SEARCH KEYWORD \\Seen", "SEARCH: '\\Seen' is not a keyword")]
    [TestCase("a1 SEARCH RETURN (BIGGEST) ALL", "SEARCH: unknown return option BIGGEST")]
    [TestCase("a1 SEARCH RETURN ALL", "SEARCH: return options must be a parenthesized list, got ALL")]
    [TestCase("a1 SEARCH CHARSET", "SEARCH: missing charset")]
    [TestCase("a1 SEARCH MODSEQ \"/flags/x\" everything 5", "SEARCH: entry type must be priv, shared or all, got EVERYTHING")]
    [TestCase("a1 SEARCH OLDER 0", "SEARCH: interval must be a non-zero number")]
    public void Parse_MalformedSearch_IsBad(string line, string message)
    {
        Assert.That(Wire.ParseError(line).Message, Is.EqualTo(message));
    }
}
