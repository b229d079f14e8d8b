using System.Buffers;
using System.Text;
using Preau.Imap.Content;

namespace Preau.Imap.Tests.Content;

public class ImapTextTests
{
    private static string NString(string? value, bool utf8 = false)
    {
        var builder = new StringBuilder();
        ImapText.AppendNString(builder, value, utf8);
        return builder.ToString();
    }

    private static string AString(string value)
    {
        var builder = new StringBuilder();
        ImapText.AppendAString(builder, value);
        return builder.ToString();
    }

    [Test]
    public void AppendNString_Null_WritesNil() => Assert.That(NString(null), Is.EqualTo("NIL"));

    [Test]
    public void AppendNString_Plain_IsQuoted() => Assert.That(NString("Bonjour"), Is.EqualTo("\"Bonjour\""));

    [Test]
    public void AppendNString_Empty_IsEmptyQuoted() => Assert.That(NString(""), Is.EqualTo("\"\""));

    [Test]
    public void AppendNString_QuoteAndBackslash_AreEscaped() =>
        Assert.That(NString("dit \"oui\" \\o/"), Is.EqualTo("\"dit \\\"oui\\\" \\\\o/\""));

    [Test]
    public void AppendNString_CrLf_IsLiteral() =>
        Assert.That(NString("ligne 1\r\nligne 2"), Is.EqualTo("{16}\r\nligne 1\r\nligne 2"));

    [Test]
    public void AppendNString_EightBit_IsLiteralCountedInUtf8Octets() =>
        Assert.That(NString("élève"), Is.EqualTo("{7}\r\nélève"));

    [Test]
    public void AppendNString_EightBitWithUtf8Allowed_IsQuoted() =>
        Assert.That(NString("élève", utf8: true), Is.EqualTo("\"élève\""));

    [Test]
    public void AppendNString_Nul_IsLiteral() => Assert.That(NString("a\0b"), Is.EqualTo("{3}\r\na\0b"));

    [Test]
    public void Classify_LongerThan1024_IsLiteral()
    {
        Assert.That(ImapText.Classify(new string('a', 1024)), Is.EqualTo(ImapStringForm.Quoted));
        Assert.That(ImapText.Classify(new string('a', 1025)), Is.EqualTo(ImapStringForm.Literal));
    }

    [TestCase("INBOX", "INBOX")]
    [TestCase("Notes]", "Notes]")]
    [TestCase("deux mots", "\"deux mots\"")]
    [TestCase("", "\"\"")]
    [TestCase("NIL", "\"NIL\"")]
    [TestCase("a*b", "\"a*b\"")]
    [TestCase("(x)", "\"(x)\"")]
    [TestCase("Élèves", "{8}\r\nÉlèves")]
    public void AppendAString_AtomWhenPossible(string value, string expected) =>
        Assert.That(AString(value), Is.EqualTo(expected));

    [Test]
    public void WriteLiteral_RawOctets_AreCountedAndCopied()
    {
        var writer = new ArrayBufferWriter<byte>();
        ImapText.WriteLiteral(writer, new byte[] { 0x41, 0xE9, 0x0D, 0x0A });
        Assert.That(writer.WrittenSpan.ToArray(), Is.EqualTo("{4}\r\n"u8.ToArray().Concat(new byte[] { 0x41, 0xE9, 0x0D, 0x0A })));
    }

    [Test]
    public void WriteNString_Literal_IsUtf8()
    {
        var writer = new ArrayBufferWriter<byte>();
        ImapText.WriteNString(writer, "é");
        Assert.That(writer.WrittenSpan.ToArray(), Is.EqualTo(new byte[] { (byte)'{', (byte)'2', (byte)'}', 13, 10, 0xC3, 0xA9 }));
    }
}
