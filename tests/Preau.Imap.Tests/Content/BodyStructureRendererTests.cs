using System.Text;
using Preau.Imap.Content;
using static Preau.Imap.Tests.Content.TestMessages;

namespace Preau.Imap.Tests.Content;

public class BodyStructureRendererTests
{
    private const string Rfc3501Header = """
        Date: Wed, 17 Jul 1996 02:23:25 -0700 (PDT)
        From: Terry Gray <gray@cac.washington.edu>
        Subject: IMAP4rev1 WG mtg summary and minutes
        To: imap@cac.washington.edu
        cc: minutes@CNRI.Reston.VA.US, John Klensin <KLENSIN@MIT.EDU>
        Message-Id: <B27397-0100000@cac.washington.edu>
        MIME-Version: 1.0

        """;

    /// <summary>A body of exactly <paramref name="octets"/> octets in <paramref name="lines"/> lines.</summary>
    private static string Filler(int octets, int lines, bool lastLineEnds)
    {
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
        var newlines = lastLineEnds ? lines : lines - 1;
        var chars = octets - (2 * newlines);
        var builder = new StringBuilder();
        for (var i = 0; i < lines; i++)
        {
            var length = (chars / lines) + (i < chars % lines ? 1 : 0);
            builder.Append(alphabet.AsSpan(0, length % alphabet.Length)).Append('x', length - (length % alphabet.Length));
            if (i < newlines)
            {
                builder.Append("\r\n");
            }
        }

        return builder.ToString();
    }

    private static string Structure(string text, bool extensible = true) =>
        BodyStructureRenderer.Render(ParsedMessage.Parse(Crlf(text)), extensible);

    [Test]
    public void Render_Rfc3501SinglePartExample_MatchesTheRfc()
    {
        var text = Rfc3501Header.Replace("MIME-Version: 1.0\n", "MIME-Version: 1.0\nContent-Type: TEXT/PLAIN; CHARSET=US-ASCII\n", StringComparison.Ordinal)
            + "\n" + Filler(3028, 92, lastLineEnds: true);
        Assert.That(Structure(text, extensible: false),
            Is.EqualTo("(\"TEXT\" \"PLAIN\" (\"CHARSET\" \"US-ASCII\") NIL NIL \"7BIT\" 3028 92)"));
    }

    [Test]
    public void Render_Rfc3501MultipartExample_MatchesTheRfc()
    {
        var text = Rfc3501Header.Replace("MIME-Version: 1.0\n", "MIME-Version: 1.0\nContent-Type: MULTIPART/MIXED; BOUNDARY=\"cac\"\n", StringComparison.Ordinal)
            + "\n--cac\nContent-Type: TEXT/PLAIN; CHARSET=US-ASCII\n\n" + Filler(1152, 23, lastLineEnds: false)
            + "\n--cac\nContent-Type: TEXT/PLAIN; CHARSET=US-ASCII; NAME=cc.diff\n"
            + "Content-ID: <960723163407.20117h@cac.washington.edu>\nContent-Description: Compiler diff\n"
            + "Content-Transfer-Encoding: BASE64\n\n" + Filler(4554, 73, lastLineEnds: false) + "\n--cac--\n";

        // RFC 3501 §7.4.2, the BODYSTRUCTURE example.
        Assert.That(Structure(text, extensible: false), Is.EqualTo(
            "((\"TEXT\" \"PLAIN\" (\"CHARSET\" \"US-ASCII\") NIL NIL \"7BIT\" 1152 23)"
            + "(\"TEXT\" \"PLAIN\" (\"CHARSET\" \"US-ASCII\" \"NAME\" \"cc.diff\") "
            + "\"<960723163407.20117h@cac.washington.edu>\" \"Compiler diff\" \"BASE64\" 4554 73) \"MIXED\")"));
    }

    [Test]
    public void Render_SchoolMessage_HandCheckedShapeAndSizesFromTheRawBytes()
    {
        var raw = ToBytes(SchoolMessage());
        var text = Encoding.UTF8.GetString(raw);
        var plain = PartBody(text, "Content-Transfer-Encoding: quoted-printable", AlternativeBoundary);
        var html = PartBody(text, "Content-Type: text/html", AlternativeBoundary);
        var pdf = PartBody(text, "Content-Type: application/pdf", MixedBoundary);
        var forwarded = PartBody(text, "Content-Type: message/rfc822", MixedBoundary);
        var inner = PartBody(text, "Message-Id: <absence-42", MixedBoundary);
        var note = PartBody(text, "Content-Transfer-Encoding: 8bit", MixedBoundary);

        // Counted by hand from the encoded parts, then by the independent scan above.
        Assert.That((Octets(plain), Lines(plain)), Is.EqualTo((72, 3)));
        Assert.That((Octets(pdf), Lines(pdf)), Is.EqualTo((962, 13)));
        Assert.That((Octets(inner), Lines(inner)), Is.EqualTo((51, 2)));
        Assert.That((Octets(note), Lines(note)), Is.EqualTo((47, 1)));

        const string envelope = "(\"Sun, 14 Sep 2025 17:05:00 +0200\" \"Absence =?utf-8?b?c2lnbmFsw6ll?=\" "
            + "((\"Vie scolaire\" NIL \"vie.scolaire\" \"college-preau.fr\")) "
            + "((\"Vie scolaire\" NIL \"vie.scolaire\" \"college-preau.fr\")) "
            + "((\"Vie scolaire\" NIL \"vie.scolaire\" \"college-preau.fr\")) "
            + "((\"=?utf-8?b?w4lsw6h2ZSBEw6ltbw==?=\" NIL \"eleve.demo\" \"college-preau.fr\")) "
            + "NIL NIL NIL \"<absence-42@college-preau.fr>\")";
        const string fileName = "\"bulletin =?utf-8?b?w6lsw6h2ZS5wZGY=?=\"";
        var expected =
            $"(((\"TEXT\" \"PLAIN\" (\"CHARSET\" \"utf-8\") NIL NIL \"QUOTED-PRINTABLE\" {Octets(plain)} {Lines(plain)} NIL NIL NIL NIL)"
            + $"(\"TEXT\" \"HTML\" (\"CHARSET\" \"utf-8\") NIL NIL \"BASE64\" {Octets(html)} {Lines(html)} NIL NIL NIL NIL)"
            + " \"ALTERNATIVE\" (\"BOUNDARY\" \"=-alt-19c2\") NIL NIL NIL)"
            + $"(\"APPLICATION\" \"PDF\" (\"NAME\" {fileName}) \"<bulletin@college-preau.fr>\" NIL \"BASE64\" {Octets(pdf)}"
            + $" NIL (\"ATTACHMENT\" (\"FILENAME\" {fileName})) NIL NIL)"
            + $"(\"MESSAGE\" \"RFC822\" NIL NIL NIL \"7BIT\" {Octets(forwarded)} {envelope} "
            + $"(\"TEXT\" \"PLAIN\" (\"CHARSET\" \"utf-8\") NIL NIL \"7BIT\" {Octets(inner)} {Lines(inner)} NIL NIL NIL NIL)"
            + $" {Lines(forwarded)} NIL NIL NIL NIL)"
            + $"(\"TEXT\" \"PLAIN\" (\"CHARSET\" \"utf-8\") NIL NIL \"8BIT\" {Octets(note)} {Lines(note)} NIL NIL \"fr\" NIL)"
            + " \"MIXED\" (\"BOUNDARY\" \"=-mixed-7f3a\") NIL NIL NIL)";

        Assert.That(BodyStructureRenderer.Render(ParsedMessage.Parse(raw)), Is.EqualTo(expected));
    }

    [Test]
    public void Render_SchoolMessageAsBody_DropsEveryExtension()
    {
        var body = BodyStructureRenderer.Render(ParsedMessage.Parse(ToBytes(SchoolMessage())), extensible: false);
        Assert.That(body, Does.StartWith("(((\"TEXT\" \"PLAIN\" (\"CHARSET\" \"utf-8\") NIL NIL \"QUOTED-PRINTABLE\" 72 3)("));
        Assert.That(body, Does.Contain("\"BASE64\" 962)"));
        Assert.That(body, Does.Contain("(\"TEXT\" \"PLAIN\" (\"CHARSET\" \"utf-8\") NIL NIL \"7BIT\" 51 2) 10)"));
        Assert.That(body, Does.EndWith("\"8BIT\" 47 1) \"MIXED\")"));
        Assert.That(body, Does.Not.Contain("BOUNDARY").And.Not.Contain("ATTACHMENT"));
    }

    [Test]
    public void Render_EveryPartSize_EqualsItsRawByteRange()
    {
        var raw = ToBytes(SchoolMessage());
        var parsed = ParsedMessage.Parse(raw);
        var text = Encoding.UTF8.GetString(raw);
        var nodes = new List<MimeNode>();
        void Walk(MimeNode node)
        {
            nodes.Add(node);
            foreach (var child in node.Children)
            {
                Walk(child);
            }

            if (node.Message is { } inner)
            {
                Walk(inner.Body);
            }
        }

        Walk(parsed.Root.Body);
        Assert.That(nodes, Has.Count.EqualTo(8));
        foreach (var node in nodes)
        {
            var body = Encoding.UTF8.GetString(node.Body.Slice(raw).Span);
            var header = Encoding.UTF8.GetString(node.Header.Slice(raw).Span);
            Assert.That(header, Does.EndWith("\r\n\r\n").Or.Empty, node.Entity.ContentType.MimeType);
            Assert.That(text.Contains(header + body, StringComparison.Ordinal), node.Entity.ContentType.MimeType);
            Assert.That(node.Body.CountLines(raw), Is.EqualTo(Lines(body)), node.Entity.ContentType.MimeType);
        }
    }

    [Test]
    public void Render_NoContentType_DefaultsToUsAsciiText() =>
        Assert.That(Structure("Subject: x\n\nune ligne\nune autre\n"),
            Is.EqualTo("(\"TEXT\" \"PLAIN\" (\"CHARSET\" \"US-ASCII\") NIL NIL \"7BIT\" 22 2 NIL NIL NIL NIL)"));

    [Test]
    public void Render_LastLineWithoutNewline_CountsAsALine() =>
        Assert.That(Structure("Content-Type: text/plain\n\na\nb").Split(' ')[6..8], Is.EqualTo(new[] { "4", "2" }));

    [Test]
    public void Render_ExtensionFields_Md5DispositionLanguagesLocation()
    {
        var structure = Structure("""
            Content-Type: multipart/related; boundary=rel; type="text/html"
            Content-Disposition: inline
            Content-Language: fr, en
            Content-Location: http://college-preau.fr/lettre/

            --rel
            Content-Type: image/png; name=logo.png
            Content-Transfer-Encoding: base64
            Content-ID: <logo@preau>
            Content-Description: Logo du collège
            Content-MD5: Q2hlY2sgSW50ZWdyaXR5IQ==
            Content-Disposition: inline; filename="logo.png"; size=3
            Content-Location: logo.png

            AAAA
            --rel--
            """);
        Assert.That(structure, Is.EqualTo(
            "((\"IMAGE\" \"PNG\" (\"NAME\" \"logo.png\") \"<logo@preau>\" {16}\r\nLogo du collège \"BASE64\" 4 "
            + "\"Q2hlY2sgSW50ZWdyaXR5IQ==\" (\"INLINE\" (\"FILENAME\" \"logo.png\" \"SIZE\" \"3\")) NIL \"logo.png\")"
            + " \"RELATED\" (\"BOUNDARY\" \"rel\" \"TYPE\" \"text/html\") (\"INLINE\" NIL) (\"fr\" \"en\")"
            + " \"http://college-preau.fr/lettre/\")"));
    }

    [Test]
    public void Render_DigestPartWithoutContentType_IsAMessage()
    {
        var structure = Structure("Content-Type: multipart/digest; boundary=d\n\n--d\n\nSubject: un\n\ncorps\n--d--\n", false);
        Assert.That(structure, Is.EqualTo("((\"MESSAGE\" \"RFC822\" NIL NIL NIL \"7BIT\" 20 "
            + "(NIL \"un\" NIL NIL NIL NIL NIL NIL NIL NIL) (\"TEXT\" \"PLAIN\" (\"CHARSET\" \"US-ASCII\") NIL NIL \"7BIT\" 5 1) 3)"
            + " \"DIGEST\")"));
    }

    [Test]
    public void Render_MultipartWithoutParts_HasAStandInPart() =>
        Assert.That(Structure("Content-Type: multipart/mixed; boundary=b\n\nno parts here\n", extensible: false),
            Is.EqualTo("((\"TEXT\" \"PLAIN\" (\"CHARSET\" \"US-ASCII\") NIL NIL \"7BIT\" 0 0) \"MIXED\")"));

    [Test]
    public void Render_EmptyPart_HasZeroSizeAndLines() =>
        Assert.That(Structure("Content-Type: multipart/mixed; boundary=b\n\n--b\nContent-Type: text/plain\n\n--b--\n", false),
            Is.EqualTo("((\"TEXT\" \"PLAIN\" NIL NIL NIL \"7BIT\" 0 0) \"MIXED\")"));

    [TestCase("")]
    [TestCase("Content-Transfer-Encoding: base64\n\nRnJvbTogYUBiDQoNCmJvZHkNCg==\n")]
    public void Render_UnreadableMessagePart_KeepsTheMessageGrammar(string part)
    {
        var structure = Structure($"Content-Type: multipart/mixed; boundary=b\n\n--b\nContent-Type: message/rfc822\n{part}--b--\n", false);
        Assert.That(structure, Does.Match("^\\(\\(\"MESSAGE\" \"RFC822\" NIL NIL NIL \"(7BIT|BASE64)\" \\d+ "
            + "\\(NIL NIL NIL NIL NIL NIL NIL NIL NIL NIL\\) \\(\"TEXT\" \"PLAIN\" \\(\"CHARSET\" \"US-ASCII\"\\) NIL NIL \"7BIT\" 0 0\\) \\d+\\) \"MIXED\"\\)$"));
    }

    [Test]
    public void Render_UnparsableMessage_IsATextBody() =>
        Assert.That(BodyStructureRenderer.Render(ParsedMessage.Parse(Array.Empty<byte>()), false),
            Is.EqualTo("(\"TEXT\" \"PLAIN\" (\"CHARSET\" \"US-ASCII\") NIL NIL \"7BIT\" 0 0)"));
}
