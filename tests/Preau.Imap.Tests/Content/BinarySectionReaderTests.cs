using System.Text;
using Preau.Imap.Content;
using static Preau.Imap.Tests.Content.TestMessages;

namespace Preau.Imap.Tests.Content;

public class BinarySectionReaderTests
{
    private const string Layout = """
        From: prof.maths@college-preau.fr
        Subject: binary
        MIME-Version: 1.0
        Content-Type: multipart/mixed; boundary=b

        --b
        Content-Type: text/plain; charset=utf-8
        Content-Transfer-Encoding: quoted-printable

        Bonjour =C3=A0 tous,=
         voici l'=C3=A9nonc=C3=A9.
        --b
        Content-Type: application/octet-stream
        Content-Transfer-Encoding: base64

        AAECA/8=
        --b
        Content-Type: text/plain; charset=utf-8
        Content-Transfer-Encoding: base64

        bGlnbmUgMQpsaWduZSAy
        --b
        Content-Type: application/x-inconnu
        Content-Transfer-Encoding: x-chiffre

        ????
        --b
        Content-Type: message/rfc822

        Subject: dedans
        Content-Type: text/plain

        texte
        --b--
        """;

    private static ParsedMessage Message => Parse(Crlf(Layout));

    [Test]
    public void Read_QuotedPrintableText_IsDecoded()
    {
        var content = BinarySectionReader.Read(Message, [1]);

        Assert.That(Encoding.UTF8.GetString(content.Data!.Value.Span), Is.EqualTo("Bonjour à tous, voici l'énoncé."));
        Assert.That(content.HasNul, Is.False);
    }

    [Test]
    public void Read_Base64WithNul_IsDecodedAndFlagged()
    {
        var content = BinarySectionReader.Read(Message, [2]);

        Assert.That(content.Data!.Value.ToArray(), Is.EqualTo(new byte[] { 0, 1, 2, 3, 255 }));
        Assert.That(content.HasNul, Is.True, "NUL can only travel in a literal8");
    }

    [Test]
    public void Read_Base64Text_GetsCrLfLineEnds()
    {
        // "ligne 1\nligne 2" encoded with a bare LF: RFC 3516 §4.3 wants CRLF for text.
        var content = BinarySectionReader.Read(Message, [3]);

        Assert.That(Encoding.UTF8.GetString(content.Data!.Value.Span), Is.EqualTo("ligne 1\r\nligne 2"));
    }

    [Test]
    public void Read_UnknownEncoding_IsUnknownCte()
    {
        var content = BinarySectionReader.Read(Message, [4]);

        Assert.That(content.UnknownCte, Is.True);
        Assert.That(content.Data, Is.Null);
    }

    [Test]
    public void Read_MessagePartAndWholeMessage_AreTheirRawOctets()
    {
        var message = Message;

        Assert.That(BinarySectionReader.Read(message, [5]).Data!.Value.ToArray(), Is.EqualTo(SectionReader.Read(message, new BodySection([5], SectionText.None, []))!.Value.ToArray()));
        Assert.That(BinarySectionReader.Read(message, []).Data!.Value.ToArray(), Is.EqualTo(message.Raw.ToArray()));
    }

    [Test]
    public void Read_MissingPart_IsNull()
    {
        var content = BinarySectionReader.Read(Message, [9]);

        Assert.That(content.Data, Is.Null);
        Assert.That(content.UnknownCte, Is.False);
    }

    [Test]
    public void Read_NoEncodingHeader_IsIdentity()
    {
        var message = Parse(Crlf("""
            Subject: simple

            pas d'encodage
            """));

        Assert.That(Encoding.UTF8.GetString(BinarySectionReader.Read(message, [1]).Data!.Value.Span), Is.EqualTo("pas d'encodage"));
    }
}
