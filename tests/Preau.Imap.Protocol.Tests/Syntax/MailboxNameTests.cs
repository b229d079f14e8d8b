using Preau.Imap.Protocol.Syntax;

namespace Preau.Imap.Protocol.Tests.Syntax;

public class MailboxNameTests
{
    [TestCase("Envoyés", "Envoy&AOk-s")]
    [TestCase("Indésirables", "Ind&AOk-sirables")]
    [TestCase("&", "&-")]
    [TestCase("Tom & Jerry", "Tom &- Jerry")]
    [TestCase("~peter/mail/台北/日本語", "~peter/mail/&U,BTFw-/&ZeVnLIqe-")]
    [TestCase("INBOX", "INBOX")]
    [TestCase("", "")]
    [TestCase("Boîte à idées", "Bo&AO4-te &AOA- id&AOk-es")]
    [TestCase("😀 emoji", "&2D3eAA- emoji")]
    public void Encode_Name_GivesModifiedUtf7(string name, string wire)
    {
        Assert.That(MailboxName.Encode(name), Is.EqualTo(wire));
        Assert.That(MailboxName.Decode(wire), Is.EqualTo(name));
    }

    [Test]
    public void Encode_ThenDecode_RoundTripsEveryBmpRun()
    {
        var random = new Random(2152);
        for (var i = 0; i < 500; i++)
        {
            var chars = Enumerable.Range(0, random.Next(1, 20)).Select(_ => (char)random.Next(0x20, 0xD7FF)).ToArray();
            var name = new string(chars);

            Assert.That(MailboxName.Decode(MailboxName.Encode(name)), Is.EqualTo(name));
        }
    }

    [TestCase("&Jjo!")]
    [TestCase("&U,BTFw-&ZeVnLIqe-")]
    [TestCase("&AGE-")]
    [TestCase("&AOk")]
    [TestCase("&A-")]
    [TestCase("&AOl-")]
    [TestCase("&AO=-")]
    [TestCase("caf\u00e9")]
    [TestCase("a\u0001b")]
    [TestCase("&2D0-")]
    public void TryDecode_Invalid_ReturnsFalse(string wire)
    {
        Assert.That(MailboxName.TryDecode(wire, out _), Is.False);
    }

    [Test]
    public void Decode_Invalid_ThrowsFormatException()
    {
        Assert.Throws<FormatException>(() => MailboxName.Decode("&Jjo"));
    }

    [Test]
    public void TryFromWire_Utf8Accept_TakesNameAsIs()
    {
        Assert.That(MailboxName.TryFromWire("Envoyés & co", utf8: true, out var name), Is.True);
        Assert.That(name, Is.EqualTo("Envoyés & co"));
    }

    [TestCase("inbox")]
    [TestCase("InBoX")]
    public void TryFromWire_InboxInAnyCase_IsInbox(string wire)
    {
        Assert.That(MailboxName.TryFromWire(wire, utf8: false, out var name), Is.True);
        Assert.That(name, Is.EqualTo("INBOX"));
    }

    [Test]
    public void ToWire_Utf8_KeepsName()
    {
        Assert.That(MailboxName.ToWire("Envoyés", utf8: true), Is.EqualTo("Envoyés"));
        Assert.That(MailboxName.ToWire("Envoyés", utf8: false), Is.EqualTo("Envoy&AOk-s"));
    }
}
