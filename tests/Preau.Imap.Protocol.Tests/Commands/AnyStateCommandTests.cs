using Preau.Imap.Protocol.Commands;
using Preau.Imap.Protocol.Tests.Support;

namespace Preau.Imap.Protocol.Tests.Commands;

public class AnyStateCommandTests
{
    [TestCase("a1 CAPABILITY", typeof(CapabilityCommand))]
    [TestCase("a1 noop", typeof(NoopCommand))]
    [TestCase("a1 LOGOUT", typeof(LogoutCommand))]
    [TestCase("a1 STARTTLS", typeof(StartTlsCommand))]
    [TestCase("a1 NAMESPACE", typeof(NamespaceCommand))]
    [TestCase("a1 IDLE", typeof(IdleCommand))]
    [TestCase("a1 CHECK", typeof(CheckCommand))]
    [TestCase("a1 CLOSE", typeof(CloseCommand))]
    [TestCase("a1 UNSELECT", typeof(UnselectCommand))]
    [TestCase("a1 EXPUNGE", typeof(ExpungeCommand))]
    public void Parse_CommandWithoutArguments_GivesItsRecord(string line, Type type)
    {
        var command = Wire.Parse(line);

        Assert.That(command, Is.InstanceOf(type));
        Assert.That(command.Tag, Is.EqualTo("a1"));
        Assert.That(command.Name, Is.EqualTo(line[3..].ToUpperInvariant()));
    }

    [TestCase("a1 CAPABILITY now")]
    [TestCase("a1 NOOP 1")]
    [TestCase("a1 LOGOUT please")]
    [TestCase("a1 STARTTLS x")]
    [TestCase("a1 NAMESPACE x")]
    [TestCase("a1 IDLE x")]
    [TestCase("a1 CHECK x")]
    [TestCase("a1 CLOSE x")]
    [TestCase("a1 UNSELECT x")]
    [TestCase("a1 EXPUNGE 1:3")]
    public void Parse_CommandWithoutArgumentsGivenOne_IsBad(string line)
    {
        var error = Wire.ParseError(line);

        Assert.That(error.Kind, Is.EqualTo(ImapErrorKind.Bad));
        Assert.That(error.Tag, Is.EqualTo("a1"));
        Assert.That(error.Message, Does.Contain("unexpected argument"));
    }

    [Test]
    public void Parse_Enable_UpperCasesCapabilities()
    {
        var command = Wire.Parse<EnableCommand>("a1 ENABLE condstore QRESYNC UTF8=ACCEPT");

        Assert.That(command.Capabilities, Is.EqualTo(new[] { "CONDSTORE", "QRESYNC", "UTF8=ACCEPT" }));
    }

    [Test]
    public void Parse_EnableWithoutCapability_IsBad()
    {
        Assert.That(Wire.ParseError("a1 ENABLE").Message, Is.EqualTo("ENABLE: missing capability"));
    }

    [Test]
    public void Parse_IdWithParameters_KeepsPairsAndNil()
    {
        var command = Wire.Parse<IdCommand>("a1 ID (\"name\" \"Thunderbird\" \"version\" NIL)");

        Assert.That(command.Parameters, Is.EqualTo(new[]
        {
            new KeyValuePair<string, string?>("name", "Thunderbird"),
            new KeyValuePair<string, string?>("version", null),
        }));
    }

    [Test]
    public void Parse_IdNil_HasNoParameters()
    {
        Assert.That(Wire.Parse<IdCommand>("a1 ID NIL").Parameters, Is.Null);
    }

    [TestCase("a1 ID")]
    [TestCase("a1 ID (\"name\")")]
    [TestCase("a1 ID name")]
    [TestCase("a1 ID (\"a\" \"b\") extra")]
    public void Parse_MalformedId_IsBad(string line)
    {
        Assert.That(Wire.ParseError(line).Kind, Is.EqualTo(ImapErrorKind.Bad));
    }

    [Test]
    public void Parse_IdOverRfc2971Limits_IsBad()
    {
        var pairs = string.Join(' ', Enumerable.Range(0, 31).Select(i => $"\"k{i}\" \"v\""));

        Assert.That(Wire.ParseError($"a1 ID ({pairs})").Message, Does.Contain("RFC 2971"));
    }

    [Test]
    public void Parse_UnknownCommand_IsBadNamingIt()
    {
        var error = Wire.ParseError("a1 XYZZY");

        Assert.That(error, Is.EqualTo(new ImapError(ImapErrorKind.Bad, "a1", "Unknown command XYZZY")));
    }

    [TestCase("a1 UID", "UID needs a command")]
    [TestCase("a1 UID LOGIN", "UID LOGIN is not a command")]
    [TestCase("a1 UID (FETCH)", "UID needs a command")]
    public void Parse_BadUidPrefix_IsBad(string line, string message)
    {
        Assert.That(Wire.ParseError(line).Message, Is.EqualTo(message));
    }

    [Test]
    public void TryParse_ValidCommand_ReturnsTrue()
    {
        var ok = CommandParser.TryParse(Wire.Raw("a1 NOOP"), null, out var command, out var error);

        Assert.That(ok, Is.True);
        Assert.That(command, Is.InstanceOf<NoopCommand>());
        Assert.That(error, Is.Null);
    }

    [Test]
    public void CommandNames_ListsEveryCommand()
    {
        Assert.That(CommandParser.CommandNames, Has.Count.EqualTo(35));
    }
}
