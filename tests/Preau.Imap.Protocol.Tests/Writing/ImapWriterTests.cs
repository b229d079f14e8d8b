using System.Text;
using Preau.Imap.Protocol.Syntax;
using Preau.Imap.Protocol.Tests.Support;

namespace Preau.Imap.Protocol.Tests.Writing;

public class ImapWriterTests
{
    [Test]
    public void Tokens_BetweenListBounds_AreSpacedAutomatically()
    {
        var text = Wire.Write(w => w.Untagged().Number(12u).Atom("FETCH"u8).BeginList()
            .Atom("UID"u8).Number(4827u).Atom("FLAGS"u8).FlagList(["\\Seen", "$Forwarded"]).Atom("MODSEQ"u8)
            .BeginList().Number(624140003ul).EndList().EndList().EndLine());

        Assert.That(text, Is.EqualTo("* 12 FETCH (UID 4827 FLAGS (\\Seen $Forwarded) MODSEQ (624140003))\r\n"));
    }

    [Test]
    public void FlagList_Empty_IsEmptyParentheses()
    {
        Assert.That(Wire.Write(w => w.Untagged().Atom("FLAGS"u8).FlagList([]).EndLine()), Is.EqualTo("* FLAGS ()\r\n"));
    }

    [TestCase("INBOX", "INBOX")]
    [TestCase("Archives]", "Archives]")]
    [TestCase("", "\"\"")]
    [TestCase("two words", "\"two words\"")]
    [TestCase("NIL", "\"NIL\"")]
    [TestCase("nil", "\"nil\"")]
    [TestCase("a%b", "\"a%b\"")]
    [TestCase("say \"hi\"", "\"say \\\"hi\\\"\"")]
    [TestCase("back\\slash", "\"back\\\\slash\"")]
    public void AString_Value_PicksAtomOrQuoted(string value, string expected)
    {
        Assert.That(Wire.Write(w => w.AString(value)), Is.EqualTo(expected));
    }

    [Test]
    public void String_WithCrLf_BecomesLiteral()
    {
        Assert.That(Wire.Write(w => w.String("line1\r\nline2")), Is.EqualTo("{12}\r\nline1\r\nline2"));
    }

    [Test]
    public void String_NonAscii_BecomesUtf8Literal()
    {
        var text = Wire.Write(w => w.String("élève"));

        Assert.That(text, Is.EqualTo("{7}\r\n" + Encoding.Latin1.GetString(Encoding.UTF8.GetBytes("élève"))));
    }

    [Test]
    public void String_NonAsciiUnderUtf8_IsQuotedUtf8()
    {
        var text = Wire.Write(w => w.String("élève"), utf8: true);

        Assert.That(text, Is.EqualTo("\"" + Encoding.Latin1.GetString(Encoding.UTF8.GetBytes("élève")) + "\""));
    }

    [Test]
    public void String_TooLong_BecomesLiteral()
    {
        var value = new string('a', 1025);

        Assert.That(Wire.Write(w => w.String(value)), Does.StartWith("{1025}\r\naaa"));
        Assert.That(Wire.Write(w => w.String(value[..1024])), Does.StartWith("\"aaa"));
    }

    [Test]
    public void String_Bytes_PicksQuotedOrLiteral()
    {
        Assert.That(Wire.Write(w => w.String("plain \"q\""u8)), Is.EqualTo("\"plain \\\"q\\\"\""));
        Assert.That(Wire.Write(w => w.String([0x41, 0xE9])), Is.EqualTo("{2}\r\nA\u00e9"));
        Assert.That(Wire.Write(w => w.String([0x41, 0xE9]), utf8: true), Is.EqualTo("{2}\r\nA\u00e9"));
        Assert.That(Wire.Write(w => w.String([0x41, 0xC3, 0xA9]), utf8: true), Is.EqualTo("\"A\u00c3\u00a9\""));
    }

    [Test]
    public void NString_Null_IsNil()
    {
        Assert.That(Wire.Write(w => w.BeginList().NString(null).NString("x").EndList()), Is.EqualTo("(NIL \"x\")"));
    }

    [Test]
    public void Literal_Bytes_HasCountThenBytes()
    {
        Assert.That(Wire.Write(w => w.Atom("BODY[]"u8).Literal("abc"u8)), Is.EqualTo("BODY[] {3}\r\nabc"));
    }

    [Test]
    public void LiteralHeader_Binary_IsLiteral8()
    {
        Assert.That(Wire.Write(w => w.Atom("BINARY[1]"u8).LiteralHeader(5, binary: true)), Is.EqualTo("BINARY[1] ~{5}\r\n"));
    }

    [Test]
    public void Literal_ThenMoreItems_KeepsSpacing()
    {
        var text = Wire.Write(w => w.BeginList().Atom("BODY[]"u8).Literal("x"u8).Atom("UID"u8).Number(3u).EndList());

        Assert.That(text, Is.EqualTo("(BODY[] {1}\r\nx UID 3)"));
    }

    [TestCase("INBOX", false, "INBOX")]
    [TestCase("Envoyés", false, "Envoy&AOk-s")]
    [TestCase("Mes dossiers/Indésirables", false, "\"Mes dossiers/Ind&AOk-sirables\"")]
    [TestCase("Envoyés", true, "\"Envoyés\"")]
    public void Mailbox_Name_IsEncodedForTheSession(string name, bool utf8, string expected)
    {
        var bytes = Encoding.Latin1.GetBytes(Wire.Write(w => w.Mailbox(name), utf8));

        Assert.That(Encoding.UTF8.GetString(bytes), Is.EqualTo(expected));
    }

    [Test]
    public void DateTime_Instant_IsQuoted()
    {
        var value = new DateTimeOffset(1996, 7, 17, 2, 44, 25, TimeSpan.FromHours(-7));

        Assert.That(Wire.Write(w => w.Atom("INTERNALDATE"u8).DateTime(value)), Is.EqualTo("INTERNALDATE \"17-Jul-1996 02:44:25 -0700\""));
    }

    [TestCase("1:5,7,10:*")]
    [TestCase("$")]
    [TestCase("3,$")]
    public void Sequence_Set_IsWrittenCompactly(string set)
    {
        Assert.That(Wire.Write(w => w.Sequence(SequenceSet.Parse(set))), Is.EqualTo(set));
    }

    [Test]
    public void Number_Largest_IsWritten()
    {
        Assert.That(Wire.Write(w => w.Number(uint.MaxValue).Number(9223372036854775807ul)), Is.EqualTo("4294967295 9223372036854775807"));
    }

    [Test]
    public void Raw_AfterLiteralHeader_WritesNoSpace()
    {
        Assert.That(Wire.Write(w => w.LiteralHeader(2).Raw("ab"u8)), Is.EqualTo("{2}\r\nab"));
    }
}
