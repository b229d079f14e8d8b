using System.Text;
using Preau.Imap.Content;
using static Preau.Imap.Tests.Content.TestMessages;

namespace Preau.Imap.Tests.Content;

public class SectionReaderTests
{
    // The part layout of RFC 3501 §6.4.5's example, each leaf body naming its own section.
    private const string Rfc3501Layout = """
        From: a@college-preau.fr
        Subject: layout
         folded
        Content-Type: MULTIPART/MIXED; boundary=o

        preamble
        --o
        Content-Type: text/plain

        body 1
        --o
        Content-Type: application/octet-stream

        body 2
        --o
        Content-Type: message/rfc822

        From: b@college-preau.fr
        Subject: part 3
        Content-Type: multipart/mixed; boundary=m3

        --m3
        Content-Type: text/plain

        body 3.1
        --m3
        Content-Type: application/octet-stream

        body 3.2
        --m3--
        --o
        Content-Type: multipart/mixed; boundary=m4

        --m4
        Content-Type: image/gif
        Content-Transfer-Encoding: base64

        R0lG
        --m4
        Content-Type: message/rfc822

        Subject: part 4.2
        Content-Type: multipart/mixed; boundary=m42

        --m42
        Content-Type: text/plain

        body 4.2.1
        --m42
        Content-Type: multipart/alternative; boundary=m422

        --m422
        Content-Type: text/plain

        body 4.2.2.1
        --m422
        Content-Type: text/richtext

        body 4.2.2.2
        --m422--
        --m42--
        --m4--
        --o--
        epilogue
        """;

    private static readonly ParsedMessage Layout = ParsedMessage.Parse(Crlf(Rfc3501Layout));

    private static string? Read(ParsedMessage message, string spec)
    {
        Assert.That(BodySection.TryParse(spec, out var section), Is.True, spec);
        return SectionReader.Read(message, section) is { } data ? Encoding.UTF8.GetString(data.Span) : null;
    }

    private static string? Read(string spec) => Read(Layout, spec);

    [TestCase("1", "body 1")]
    [TestCase("2", "body 2")]
    [TestCase("3.1", "body 3.1")]
    [TestCase("3.2", "body 3.2")]
    [TestCase("4.1", "R0lG")]
    [TestCase("4.2.1", "body 4.2.1")]
    [TestCase("4.2.2.1", "body 4.2.2.1")]
    [TestCase("4.2.2.2", "body 4.2.2.2")]
    public void Read_Rfc3501PartNumbers_FindTheirLeaf(string spec, string expected) =>
        Assert.That(Read(spec), Is.EqualTo(expected));

    [Test]
    public void Read_HeaderAndText_SplitTheMessageAtTheBlankLine()
    {
        var header = Read("HEADER");
        Assert.That(header, Is.EqualTo("From: a@college-preau.fr\r\nSubject: layout\r\n folded\r\nContent-Type: MULTIPART/MIXED; boundary=o\r\n\r\n"));
        Assert.That(header + Read("TEXT"), Is.EqualTo(Read("")));
        Assert.That(Read("TEXT"), Does.StartWith("preamble\r\n--o\r\n").And.EndWith("--o--\r\nepilogue"));
        Assert.That(Encoding.UTF8.GetBytes(Read("")!), Is.EqualTo(Layout.Raw.ToArray()));
    }

    [Test]
    public void Read_MessagePart_IsTheWholeInnerMessageAndItsHeaderAndText()
    {
        Assert.That(Read("3"), Does.StartWith("From: b@college-preau.fr\r\n").And.EndWith("--m3--"));
        Assert.That(Read("3.HEADER"), Is.EqualTo("From: b@college-preau.fr\r\nSubject: part 3\r\nContent-Type: multipart/mixed; boundary=m3\r\n\r\n"));
        Assert.That(Read("3.HEADER") + Read("3.TEXT"), Is.EqualTo(Read("3")));
        Assert.That(Read("4.2.HEADER"), Does.StartWith("Subject: part 4.2\r\n"));
        Assert.That(Read("4.2.TEXT"), Does.StartWith("--m42\r\n").And.EndWith("--m42--"));
        Assert.That(Read("4.2.HEADER.FIELDS (SUBJECT)"), Is.EqualTo("Subject: part 4.2\r\n\r\n"));
    }

    [Test]
    public void Read_Mime_IsThePartHeader()
    {
        Assert.That(Read("4.1.MIME"), Is.EqualTo("Content-Type: image/gif\r\nContent-Transfer-Encoding: base64\r\n\r\n"));
        Assert.That(Read("3.MIME"), Is.EqualTo("Content-Type: message/rfc822\r\n\r\n"));
        Assert.That(Read("4"), Does.StartWith("--m4\r\n").And.EndWith("--m4--"));
    }

    [TestCase("5")]
    [TestCase("1.1")]
    [TestCase("4.3")]
    [TestCase("4.2.2.3")]
    [TestCase("1.HEADER")]
    [TestCase("4.TEXT")]
    public void Read_MissingSection_IsNull(string spec) => Assert.That(Read(spec), Is.Null);

    [TestCase("MIME")]
    [TestCase("0")]
    [TestCase("1.")]
    [TestCase("HEADER.FIELDS")]
    [TestCase("HEADER.FIELDS ()")]
    [TestCase("BOGUS")]
    public void TryParse_InvalidSpecifier_Fails(string spec) =>
        Assert.That(BodySection.TryParse(spec, out _), Is.False);

    [Test]
    public void Read_HeaderFields_KeepsRawFoldedLinesInMessageOrder()
    {
        Assert.That(Read("HEADER.FIELDS (subject FROM)"),
            Is.EqualTo("From: a@college-preau.fr\r\nSubject: layout\r\n folded\r\n\r\n"));
        Assert.That(Read("HEADER.FIELDS (Content-Type)"), Is.EqualTo("Content-Type: MULTIPART/MIXED; boundary=o\r\n\r\n"));
        Assert.That(Read("HEADER.FIELDS (X-Absent)"), Is.EqualTo("\r\n"));
        Assert.That(Read("HEADER.FIELDS.NOT (Subject Content-Type)"), Is.EqualTo("From: a@college-preau.fr\r\n\r\n"));
    }

    [Test]
    public void Read_HeaderFields_KeepsRawEightBitAndEncodedWords()
    {
        var raw = ToBytes(SchoolMessage());
        var subject = Read(ParsedMessage.Parse(raw), "HEADER.FIELDS (Subject)");
        Assert.That(subject, Is.EqualTo("Subject: Devoir de =?utf-8?b?ZnJhbsOnYWlzIDogw6lsw6h2ZQ==?= absent\r\n\r\n"));
        var eightBit = ParsedMessage.Parse(Crlf("Subject: Sortie à Lyon\nTo: x@y.fr\n\nbody\n"));
        Assert.That(Read(eightBit, "HEADER.FIELDS (SUBJECT)"), Is.EqualTo("Subject: Sortie à Lyon\r\n\r\n"));
    }

    [Test]
    public void Read_SinglePartMessage_PartOneIsTheBody()
    {
        var message = ParsedMessage.Parse(Crlf("Subject: simple\nContent-Type: text/plain\n\nligne\n"));
        Assert.That(Read(message, "1"), Is.EqualTo("ligne\r\n"));
        Assert.That(Read(message, "TEXT"), Is.EqualTo("ligne\r\n"));
        Assert.That(Read(message, "1.MIME"), Is.EqualTo("Subject: simple\r\nContent-Type: text/plain\r\n\r\n"));
        Assert.That(Read(message, "2"), Is.Null);
    }

    [Test]
    public void Read_SchoolMessage_PartsMatchTheEncodedBodies()
    {
        var raw = ToBytes(SchoolMessage());
        var text = Encoding.UTF8.GetString(raw);
        var message = ParsedMessage.Parse(raw);
        Assert.That(Read(message, "1.1"), Is.EqualTo(PartBody(text, "quoted-printable", AlternativeBoundary)));
        Assert.That(Read(message, "2"), Is.EqualTo(PartBody(text, "application/pdf", MixedBoundary)));
        Assert.That(Read(message, "3.1"), Is.EqualTo("Votre absence du 12 septembre est notée.\r\nMerci.\r\n"));
        Assert.That(Read(message, "3.HEADER.FIELDS (Message-ID)"), Is.EqualTo("Message-Id: <absence-42@college-preau.fr>\r\n\r\n"));
        Assert.That(Read(message, "4"), Is.EqualTo("Appréciation : très bien, élève sérieux.\r\n"));
    }

    [Test]
    public void Read_UnparsableMessage_IsAllText()
    {
        var message = ParsedMessage.Parse(Crlf("pas d'en-tête\n"));
        Assert.That(Read(message, "HEADER"), Is.Empty);
        Assert.That(Read(message, "TEXT"), Is.EqualTo("pas d'en-tête\r\n"));
        Assert.That(Read(message, "1"), Is.EqualTo("pas d'en-tête\r\n"));
        Assert.That(Read(message, "HEADER.FIELDS (Subject)"), Is.EqualTo("\r\n"));
    }

    [Test]
    public void Read_Partial_SlicesClampsAndEmptiesPastTheEnd()
    {
        var section = BodySection.Rfc822Header;
        var header = SectionReader.Read(Layout, section)!.Value;
        Assert.That(Encoding.UTF8.GetString(SectionReader.Read(Layout, section, 0, 4)!.Value.Span), Is.EqualTo("From"));
        Assert.That(Encoding.UTF8.GetString(SectionReader.Read(Layout, section, 6, 2)!.Value.Span), Is.EqualTo("a@"));
        Assert.That(SectionReader.Read(Layout, section, header.Length - 2, 100)!.Value.ToArray(), Is.EqualTo("\r\n"u8.ToArray()));
        Assert.That(SectionReader.Read(Layout, section, header.Length, 10)!.Value.Length, Is.Zero);
        Assert.That(SectionReader.Read(Layout, section, 100_000, 10)!.Value.Length, Is.Zero);
        Assert.That(SectionReader.Read(Layout, section, 10, null)!.Value.Length, Is.EqualTo(header.Length - 10));
        Assert.That(SectionReader.Read(Layout, section, 0, 0)!.Value.Length, Is.Zero);
    }

    [Test]
    public void Read_Rfc822Equivalents_AreWholeHeaderAndText()
    {
        Assert.That(SectionReader.Read(Layout, BodySection.Rfc822)!.Value.ToArray(), Is.EqualTo(Layout.Raw.ToArray()));
        Assert.That(Encoding.UTF8.GetString(SectionReader.Read(Layout, BodySection.Rfc822Header)!.Value.Span), Is.EqualTo(Read("HEADER")));
        Assert.That(Encoding.UTF8.GetString(SectionReader.Read(Layout, BodySection.Rfc822Text)!.Value.Span), Is.EqualTo(Read("TEXT")));
    }

    [Test]
    public void Read_Slices_ShareTheRawBuffer()
    {
        var data = SectionReader.Read(Layout, new BodySection([4, 2, 2, 2], SectionText.None, []))!.Value;
        Assert.That(System.Runtime.InteropServices.MemoryMarshal.TryGetArray(data, out var segment), Is.True);
        Assert.That(segment.Offset, Is.GreaterThan(0));
    }
}
