using System.Text;
using Preau.Imap.Protocol.Commands;
using Preau.Imap.Protocol.Tests.Support;

namespace Preau.Imap.Protocol.Tests.Commands;

public class AppendCommandTests
{
    private const string Message = "From: a@b\r\nSubject: hi\r\n\r\nBody\r\n";

    [Test]
    public void Parse_AppendLiteralOnly_HasNoFlagsNorDate()
    {
        var command = Wire.Parse<AppendCommand>($"a1 APPEND INBOX {{{Message.Length}}}\r\n{Message}");

        var message = command.Messages.Single();
        Assert.That(command.Mailbox, Is.EqualTo("INBOX"));
        Assert.That(message.Flags, Is.Empty);
        Assert.That(message.InternalDate, Is.Null);
        Assert.That(Encoding.ASCII.GetString(message.Content.Span), Is.EqualTo(Message));
    }

    [Test]
    public void Parse_AppendFlagsAndDate_ReadsBoth()
    {
        var command = Wire.Parse<AppendCommand>(
            $"A003 APPEND saved-messages (\\seen $Forwarded) \"17-Jul-1996 02:44:25 -0700\" {{{Message.Length}+}}\r\n{Message}");

        var message = command.Messages.Single();
        Assert.That(message.Flags, Is.EqualTo(new[] { "\\Seen", "$Forwarded" }));
        Assert.That(message.InternalDate, Is.EqualTo(new DateTimeOffset(1996, 7, 17, 2, 44, 25, TimeSpan.FromHours(-7))));
        Assert.That(command.ToString(), Does.Not.Contain("Subject"));
    }

    [Test]
    public void Parse_MultiAppend_ReadsEveryMessage()
    {
        var command = Wire.Parse<AppendCommand>("a1 APPEND Drafts (\\Draft) {3+}\r\none {3+}\r\ntwo \"01-Jan-2024 00:00:00 +0000\" {5+}\r\nthree");

        Assert.That(command.Messages.Select(m => Encoding.ASCII.GetString(m.Content.Span)), Is.EqualTo(new[] { "one", "two", "three" }));
        Assert.That(command.Messages[0].Flags, Is.EqualTo(new[] { "\\Draft" }));
        Assert.That(command.Messages[1].Flags, Is.Empty);
        Assert.That(command.Messages[2].InternalDate, Is.Not.Null);
    }

    [Test]
    public void Parse_AppendLiteral8_IsBinary()
    {
        var command = Wire.Parse<AppendCommand>("a1 APPEND INBOX ~{4+}\r\nab\u0001d");

        Assert.That(command.Messages[0].Binary, Is.True);
    }

    [Test]
    public void Parse_AppendUtf8Extension_ReadsInnerLiteral8()
    {
        var command = Wire.Parse<AppendCommand>("a1 APPEND INBOX UTF8 (~{5+}\r\nhello)");

        Assert.That(command.Messages[0].Utf8, Is.True);
        Assert.That(command.Messages[0].Binary, Is.True);
    }

    [TestCase("a1 APPEND INBOX", "APPEND: missing message literal")]
    [TestCase("a1 APPEND", "APPEND: missing mailbox name")]
    [TestCase("a1 APPEND INBOX \"From: x\"", "APPEND: internal date must be a quoted date-time like \"17-Jul-1996 02:44:25 -0700\"")]
    [TestCase("a1 APPEND INBOX (\\Seen) message", "APPEND: the message must be a literal, got message")]
    [TestCase("a1 APPEND INBOX (\\Recent) {1+}\r\nx", "APPEND: '\\Recent' is not a flag a client may set")]
    [TestCase("a1 APPEND INBOX (\\*) {1+}\r\nx", "APPEND: '\\*' is not a flag a client may set")]
    [TestCase("a1 APPEND INBOX (\\Seen) (\\Seen) {1+}\r\nx", "APPEND: the message must be a literal, got (\\Seen)")]
    [TestCase("a1 APPEND INBOX \"32-Jan-2024 00:00:00 +0000\" {1+}\r\nx", "APPEND: internal date must be a quoted date-time like \"17-Jul-1996 02:44:25 -0700\"")]
    [TestCase("a1 APPEND INBOX UTF8 ({1+}\r\nx)", "APPEND: UTF8 (...) takes a literal8 (~{n})")]
    public void Parse_MalformedAppend_IsBad(string line, string message)
    {
        Assert.That(Wire.ParseError(line).Message, Is.EqualTo(message));
    }
}
