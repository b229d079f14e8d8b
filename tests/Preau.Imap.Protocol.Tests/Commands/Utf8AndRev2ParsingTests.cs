using System.Text;
using Preau.Imap.Protocol.Commands;
using Preau.Imap.Protocol.Fetch;
using Preau.Imap.Protocol.Reading;
using Preau.Imap.Protocol.Search;
using Preau.Imap.Protocol.Tests.Support;

namespace Preau.Imap.Protocol.Tests.Commands;

/// <summary>What ENABLE UTF8=ACCEPT (RFC 6855) and ENABLE IMAP4rev2 (RFC 9051) change in how commands
/// read, and the SEARCHRES (<c>$</c>) and BINARY syntax IMAP4rev2 folds in.</summary>
public class Utf8AndRev2ParsingTests
{
    private static readonly CommandParserOptions Utf8Accept = new() { Utf8Accept = true };
    private static readonly CommandParserOptions Rev2 = new() { Imap4Rev2 = true };

    [Test]
    public void Parse_SearchWithCharsetUnderUtf8Accept_IsBadEvenForUtf8()
    {
        var error = Wire.ParseError("a1 SEARCH CHARSET UTF-8 SUBJECT \"équations\"", Utf8Accept);

        Assert.That(error.Kind, Is.EqualTo(ImapErrorKind.Bad));
        Assert.That(error.Message, Does.Contain("RFC 6855"));
    }

    [Test]
    public void Parse_SearchWithoutCharsetUnderUtf8Accept_ReadsUtf8Strings()
    {
        var command = Wire.Parse<SearchCommand>("a1 SEARCH SUBJECT \"équations\"", Utf8Accept);

        Assert.That(command.Charset, Is.Null);
        Assert.That(((HeaderKey)command.Criteria).Value, Is.EqualTo("équations"));
    }

    [Test]
    public void Parse_SearchWithCharsetUnderRev2_KeepsTheCharset()
    {
        var command = Wire.Parse<SearchCommand>("a1 SEARCH CHARSET UTF-8 SUBJECT \"équations\"", Rev2);

        Assert.That(command.Charset, Is.EqualTo("UTF-8"));
        Assert.That(((HeaderKey)command.Criteria).Value, Is.EqualTo("équations"));
    }

    [TestCase("UTF-8")]
    [TestCase("US-ASCII")]
    public void Parse_SortWithUtf8CharsetUnderUtf8Accept_IsAccepted(string charset)
    {
        Assert.That(Wire.Parse<SortCommand>($"a1 SORT (DATE) {charset} ALL", Utf8Accept).Charset, Is.EqualTo(charset));
    }

    [Test]
    public void Parse_SortWithOtherCharsetUnderUtf8Accept_IsBad()
    {
        Assert.That(Wire.ParseError("a1 SORT (DATE) ISO-8859-1 ALL", Utf8Accept).Kind, Is.EqualTo(ImapErrorKind.Bad));
    }

    [Test]
    public void Parse_MailboxUnderRev2_IsUtf8AndAmpersandIsLiteral()
    {
        Assert.That(Wire.Parse<SelectCommand>("a1 SELECT \"Indésirables\"", Rev2).Mailbox, Is.EqualTo("Indésirables"));
        Assert.That(Wire.Parse<SelectCommand>("a1 SELECT Envoy&AOk-s", Rev2).Mailbox, Is.EqualTo("Envoy&AOk-s"), "modified UTF-7 means nothing once names are UTF-8");
    }

    [Test]
    public void Parse_ListPatternUnderUtf8Accept_IsUtf8()
    {
        var command = Wire.Parse<ListCommand>("a1 LIST \"\" \"Ind*\"", Utf8Accept);

        Assert.That(command.Patterns, Is.EqualTo(new[] { "Ind*" }));
        Assert.That(Wire.Parse<ListCommand>("a1 LIST \"\" \"Envoy%\"", Utf8Accept).Patterns, Is.EqualTo(new[] { "Envoy%" }));
    }

    [Test]
    public void Parse_MailboxWithInvalidUtf8UnderUtf8Accept_IsBad()
    {
        var wire = Encoding.Latin1.GetBytes("a1 CREATE {3}\r\nab\u00e9\r\n");
        var command = Wire.ReadAllAsync(wire).GetAwaiter().GetResult().Single(r => r.Status == ImapReadStatus.Command).Command!;

        var ok = CommandParser.TryParse(command, Utf8Accept, out _, out var error);

        Assert.That(ok, Is.False);
        Assert.That(error!.Message, Does.Contain("not valid UTF-8"));
    }

    [Test]
    public void Parse_AppendUtf8Literal8_IsUtf8AndBinary()
    {
        var command = Wire.Parse<AppendCommand>("a1 APPEND INBOX (\\Seen) UTF8 (~{21+}\r\nSubject: Réunion\r\n\r\n)", Utf8Accept);

        Assert.That(command.Messages.Single().Utf8, Is.True);
        Assert.That(Encoding.UTF8.GetString(command.Messages.Single().Content.Span), Is.EqualTo("Subject: Réunion\r\n\r\n"));
    }

    [Test]
    public void Parse_AppendUtf8WithPlainLiteral_IsBad()
    {
        Assert.That(Wire.ParseError("a1 APPEND INBOX UTF8 ({4+}\r\nabcd)", Utf8Accept).Message, Does.Contain("literal8"));
    }

    [TestCase("a1 FETCH $ (FLAGS)")]
    [TestCase("a1 UID FETCH $ (FLAGS)")]
    [TestCase("a1 STORE $ +FLAGS (\\Seen)")]
    [TestCase("a1 UID COPY $ Archives")]
    public void Parse_SavedResultAsSet_IsKeptForTheSession(string wire)
    {
        var command = Wire.Parse(wire);

        var set = command switch
        {
            FetchCommand f => f.Set,
            StoreCommand s => s.Set,
            CopyCommand c => c.Set,
            _ => throw new AssertionException($"unexpected {command}"),
        };
        Assert.That(set.IncludesSavedResult, Is.True);
    }

    [Test]
    public void Parse_SearchReturnSaveWithSavedResultKey_ReadsBoth()
    {
        var command = Wire.Parse<SearchCommand>("a1 SEARCH RETURN (SAVE MIN) $ UNSEEN");

        Assert.That(command.Return, Is.EqualTo(SearchReturnOptions.Save | SearchReturnOptions.Min));
        var keys = ((AndKey)command.Criteria).Keys;
        Assert.That(((SequenceKey)keys[0]).Set.IncludesSavedResult, Is.True);
    }

    [TestCase("a1 FETCH 1 (BINARY.PEEK[1]<0.100>)", FetchSectionKind.Binary, "BINARY[1]<0>")]
    [TestCase("a1 FETCH 1 (BINARY[2.1])", FetchSectionKind.Binary, "BINARY[2.1]")]
    [TestCase("a1 FETCH 1 (BINARY.SIZE[])", FetchSectionKind.BinarySize, "BINARY.SIZE[]")]
    public void Parse_BinaryItems_KeepKindAndLabel(string wire, FetchSectionKind kind, string label)
    {
        var section = Wire.Parse<FetchCommand>(wire).Items.Sections.Single();

        Assert.That(section.Kind, Is.EqualTo(kind));
        Assert.That(section.ResponseLabel, Is.EqualTo(label));
    }
}
