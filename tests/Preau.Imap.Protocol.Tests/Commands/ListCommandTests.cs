using Preau.Imap.Protocol.Commands;
using Preau.Imap.Protocol.Tests.Support;

namespace Preau.Imap.Protocol.Tests.Commands;

public class ListCommandTests
{
    [Test]
    public void Parse_PlainList_IsNotExtended()
    {
        var command = Wire.Parse<ListCommand>("a1 LIST \"\" *");

        Assert.That(command.Reference, Is.EqualTo(""));
        Assert.That(command.Patterns, Is.EqualTo(new[] { "*" }));
        Assert.That(command.IsExtended, Is.False);
        Assert.That(command.Selection, Is.EqualTo(ListSelectionOptions.None));
        Assert.That(command.Return, Is.EqualTo(ListReturnOptions.None));
    }

    [Test]
    public void Parse_EmptyPattern_AsksForDelimiter()
    {
        Assert.That(Wire.Parse<ListCommand>("a1 LIST \"\" \"\"").Patterns, Is.EqualTo(new[] { "" }));
    }

    [Test]
    public void Parse_WildcardsAndEncodedNames_AreDecoded()
    {
        var command = Wire.Parse<ListCommand>("a1 LIST ~peter/mail/ &U,BTFw-/%");

        Assert.That(command.Reference, Is.EqualTo("~peter/mail/"));
        Assert.That(command.Patterns, Is.EqualTo(new[] { "台北/%" }));
    }

    [Test]
    public void Parse_ExtendedList_ReadsEverything()
    {
        var command = Wire.Parse<ListCommand>(
            "a1 LIST (SUBSCRIBED RECURSIVEMATCH REMOTE) \"\" (\"INBOX\" \"Envoy&AOk-s\" %/%) RETURN (CHILDREN SPECIAL-USE SUBSCRIBED STATUS (MESSAGES UNSEEN))");

        Assert.That(command.IsExtended, Is.True);
        Assert.That(command.Selection, Is.EqualTo(ListSelectionOptions.Subscribed | ListSelectionOptions.RecursiveMatch | ListSelectionOptions.Remote));
        Assert.That(command.Patterns, Is.EqualTo(new[] { "INBOX", "Envoyés", "%/%" }));
        Assert.That(command.Return, Is.EqualTo(new ListReturnOptions(true, true, true, StatusItems.Messages | StatusItems.Unseen)));
    }

    [Test]
    public void Parse_SpecialUseSelection_IsRead()
    {
        var command = Wire.Parse<ListCommand>("a1 LIST (SPECIAL-USE) \"\" *");

        Assert.That(command.Selection, Is.EqualTo(ListSelectionOptions.SpecialUse));
        Assert.That(command.IsExtended, Is.True);
    }

    [Test]
    public void Parse_ReturnOnly_IsExtended()
    {
        var command = Wire.Parse<ListCommand>("a1 LIST \"\" % RETURN ()");

        Assert.That(command.IsExtended, Is.True);
        Assert.That(command.Return, Is.EqualTo(ListReturnOptions.None));
    }

    [Test]
    public void Parse_EmptySelection_IsExtendedPlainList()
    {
        var command = Wire.Parse<ListCommand>("a1 LIST () \"\" %");

        Assert.That(command.IsExtended, Is.True);
        Assert.That(command.Selection, Is.EqualTo(ListSelectionOptions.None));
    }

    [TestCase("a1 LIST", "LIST: missing reference name")]
    [TestCase("a1 LIST \"\"", "LIST: missing mailbox pattern")]
    [TestCase("a1 LIST (FOO) \"\" *", "LIST: unknown selection option FOO")]
    [TestCase("a1 LIST (RECURSIVEMATCH) \"\" *", "LIST: RECURSIVEMATCH needs SUBSCRIBED or SPECIAL-USE (RFC 5258 §3)")]
    [TestCase("a1 LIST (REMOTE RECURSIVEMATCH) \"\" *", "LIST: RECURSIVEMATCH needs SUBSCRIBED or SPECIAL-USE (RFC 5258 §3)")]
    [TestCase("a1 LIST \"\" * RETURN (BAR)", "LIST: unknown return option BAR")]
    [TestCase("a1 LIST \"\" * RETURN (STATUS ())", "LIST: empty status item list")]
    [TestCase("a1 LIST \"\" * RETURN CHILDREN", "LIST: return options must be a parenthesized list, got CHILDREN")]
    [TestCase("a1 LIST \"\" ()", "LIST: missing mailbox pattern")]
    [TestCase("a1 LIST \"\" * extra", "LIST: unexpected argument extra")]
    public void Parse_MalformedList_IsBad(string line, string message)
    {
        Assert.That(Wire.ParseError(line).Message, Is.EqualTo(message));
    }

    [Test]
    public void Parse_Lsub_ReadsReferenceAndPattern()
    {
        var command = Wire.Parse<LsubCommand>("a1 LSUB \"#news.\" \"comp.mail.*\"");

        Assert.That(command, Is.EqualTo(new LsubCommand("a1", "#news.", "comp.mail.*")));
    }

    [TestCase("a1 LSUB \"\"", "LSUB: missing mailbox pattern")]
    [TestCase("a1 LSUB (x) *", "LSUB: reference name expected, got (x)")]
    public void Parse_MalformedLsub_IsBad(string line, string message)
    {
        Assert.That(Wire.ParseError(line).Message, Is.EqualTo(message));
    }
}
