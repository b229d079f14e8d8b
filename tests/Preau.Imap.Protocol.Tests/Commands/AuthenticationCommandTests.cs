using System.Text;
using Preau.Imap.Protocol.Commands;
using Preau.Imap.Protocol.Tests.Support;

namespace Preau.Imap.Protocol.Tests.Commands;

public class AuthenticationCommandTests
{
    [TestCase("a1 LOGIN fred secret", "fred", "secret")]
    [TestCase("a1 LOGIN \"fred smith\" \"p\\\"w\"", "fred smith", "p\"w")]
    [TestCase("a1 LOGIN {4+}\r\nfred {6}\r\nsecret", "fred", "secret")]
    public void Parse_Login_ReadsAstrings(string line, string user, string password)
    {
        var command = Wire.Parse<LoginCommand>(line);

        Assert.That(command.UserName, Is.EqualTo(user));
        Assert.That(command.Password, Is.EqualTo(password));
        Assert.That(command.ToString(), Does.Not.Contain(password));
    }

    [Test]
    public void Parse_LoginQuotedUtf8_ReadsUtf8()
    {
        var command = Wire.Parse<LoginCommand>("a1 LOGIN \"élève\" \"passé\"");

        Assert.That(command.UserName, Is.EqualTo("élève"));
    }

    [TestCase("a1 LOGIN", "LOGIN: missing user name")]
    [TestCase("a1 LOGIN fred", "LOGIN: missing password")]
    [TestCase("a1 LOGIN fred secret more", "LOGIN: unexpected argument more")]
    [TestCase("a1 LOGIN (fred) secret", "LOGIN: user name expected, got (fred)")]
    [TestCase("a1 LOGIN fred NIL%", "LOGIN: password expected, got NIL%")]
    public void Parse_MalformedLogin_IsBadWithMessage(string line, string message)
    {
        Assert.That(Wire.ParseError(line).Message, Is.EqualTo(message));
    }

    [Test]
    public void Parse_AuthenticateWithoutInitialResponse_HasNull()
    {
        var command = Wire.Parse<AuthenticateCommand>("a1 authenticate plain");

        Assert.That(command.Mechanism, Is.EqualTo("PLAIN"));
        Assert.That(command.InitialResponse, Is.Null);
    }

    [Test]
    public void Parse_AuthenticateWithSaslIr_DecodesBase64()
    {
        var command = Wire.Parse<AuthenticateCommand>("a1 AUTHENTICATE PLAIN AGZyZWQAc2VjcmV0");

        Assert.That(Encoding.ASCII.GetString(command.InitialResponse!.Value.Span), Is.EqualTo("\0fred\0secret"));
        Assert.That(command.ToString(), Does.Not.Contain("AGZy"));
    }

    [Test]
    public void Parse_AuthenticateWithEquals_HasEmptyInitialResponse()
    {
        var command = Wire.Parse<AuthenticateCommand>("a1 AUTHENTICATE LOGIN =");

        Assert.That(command.InitialResponse!.Value.Length, Is.EqualTo(0));
    }

    [TestCase("a1 AUTHENTICATE", "AUTHENTICATE: missing SASL mechanism")]
    [TestCase("a1 AUTHENTICATE PLAIN %%%%", "AUTHENTICATE: initial response is not valid base64")]
    [TestCase("a1 AUTHENTICATE PLAIN abc= more", "AUTHENTICATE: unexpected argument more")]
    public void Parse_MalformedAuthenticate_IsBad(string line, string message)
    {
        Assert.That(Wire.ParseError(line).Message, Is.EqualTo(message));
    }
}
