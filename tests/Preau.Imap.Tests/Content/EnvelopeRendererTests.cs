using System.Text;
using MimeKit;
using Preau.Imap.Content;

namespace Preau.Imap.Tests.Content;

public class EnvelopeRendererTests
{
    private static string Envelope(string header) =>
        EnvelopeRenderer.Render(ParsedMessage.Parse(TestMessages.Crlf(header + "\nbody\n")).Message.Headers);

    [Test]
    public void Render_Rfc3501Example_MatchesTheRfc()
    {
        var envelope = Envelope("""
            Date: Wed, 17 Jul 1996 02:23:25 -0700 (PDT)
            From: Terry Gray <gray@cac.washington.edu>
            Subject: IMAP4rev1 WG mtg summary and minutes
            To: imap@cac.washington.edu
            cc: minutes@CNRI.Reston.VA.US, John Klensin <KLENSIN@MIT.EDU>
            Message-Id: <B27397-0100000@cac.washington.edu>
            MIME-Version: 1.0
            Content-Type: TEXT/PLAIN; CHARSET=US-ASCII

            """);

        // RFC 3501 §7.4.2, the FETCH example.
        Assert.That(envelope, Is.EqualTo(
            "(\"Wed, 17 Jul 1996 02:23:25 -0700 (PDT)\" \"IMAP4rev1 WG mtg summary and minutes\" "
            + "((\"Terry Gray\" NIL \"gray\" \"cac.washington.edu\")) "
            + "((\"Terry Gray\" NIL \"gray\" \"cac.washington.edu\")) "
            + "((\"Terry Gray\" NIL \"gray\" \"cac.washington.edu\")) "
            + "((NIL NIL \"imap\" \"cac.washington.edu\")) "
            + "((NIL NIL \"minutes\" \"CNRI.Reston.VA.US\")(\"John Klensin\" NIL \"KLENSIN\" \"MIT.EDU\")) "
            + "NIL NIL \"<B27397-0100000@cac.washington.edu>\")"));
    }

    [Test]
    public void Render_FrenchHeader_EncodesNamesKeepsSubjectRawAndWritesGroups()
    {
        var envelope = Envelope("""
            Date: Tue, 16 Sep 2025 10:00:00 +0200
            Subject: =?utf-8?q?R=C3=A9union?= parents-professeurs
             du jeudi
            From: =?utf-8?q?=C3=89l=C3=A8ve_D=C3=A9mo?= <eleve.demo@college-preau.fr>
            Reply-To: Secrétariat <secretariat@college-preau.fr>
            To: Parents 4B: "Jean \"JJ\" Dupont" <jean@exemple.fr>, marie@exemple.fr;, prof@college-preau.fr
            Cc: undisclosed-recipients:;
            In-Reply-To: <convocation-7@college-preau.fr>
            Message-ID: <reunion-3@college-preau.fr>

            """);

        const string eleve = "((\"=?utf-8?b?w4lsw6h2ZSBEw6ltbw==?=\" NIL \"eleve.demo\" \"college-preau.fr\"))";
        Assert.That(envelope, Is.EqualTo(
            "(\"Tue, 16 Sep 2025 10:00:00 +0200\" \"=?utf-8?q?R=C3=A9union?= parents-professeurs du jeudi\" "
            + eleve + " " + eleve + " "
            + "((\"=?utf-8?q?Secr=C3=A9tariat?=\" NIL \"secretariat\" \"college-preau.fr\")) "
            + "((NIL NIL \"Parents 4B\" NIL)(\"Jean \\\"JJ\\\" Dupont\" NIL \"jean\" \"exemple.fr\")"
            + "(NIL NIL \"marie\" \"exemple.fr\")(NIL NIL NIL NIL)(NIL NIL \"prof\" \"college-preau.fr\")) "
            + "((NIL NIL \"undisclosed-recipients\" NIL)(NIL NIL NIL NIL)) "
            + "NIL \"<convocation-7@college-preau.fr>\" \"<reunion-3@college-preau.fr>\")"));
    }

    [Test]
    public void Render_EncodedNames_DecodeBackToTheOriginal()
    {
        var parsed = ParsedMessage.Parse(TestMessages.ToBytes(TestMessages.SchoolMessage()));
        var envelope = EnvelopeRenderer.Render(parsed.Message.Headers);
        var name = envelope.Split('"')[5];
        Assert.That(MimeKit.Utils.Rfc2047.DecodePhrase(Encoding.ASCII.GetBytes(name)), Is.EqualTo("Élève Démo"));
    }

    [Test]
    public void Render_NoHeaders_AllNil()
    {
        var headers = new HeaderList();
        Assert.That(EnvelopeRenderer.Render(headers), Is.EqualTo("(NIL NIL NIL NIL NIL NIL NIL NIL NIL NIL)"));
    }

    [Test]
    public void Render_EmptySenderAndReplyTo_TakeFrom()
    {
        var envelope = Envelope("From: prof@college-preau.fr\nSender:\nReply-To: \n");
        const string prof = "((NIL NIL \"prof\" \"college-preau.fr\"))";
        Assert.That(envelope, Is.EqualTo($"(NIL NIL {prof} {prof} {prof} NIL NIL NIL NIL NIL)"));
    }

    [Test]
    public void Render_AddressWithoutDomainAndRoute_BestEffort()
    {
        var envelope = Envelope("From: secretariat\nTo: <@relais.fr,@autre.fr:eleve@college-preau.fr>\n");
        Assert.That(envelope, Does.Contain("((NIL NIL \"secretariat\" \"MISSING_DOMAIN\"))"));
        Assert.That(envelope, Does.Contain("((NIL \"@relais.fr,@autre.fr\" \"eleve\" \"college-preau.fr\"))"));
    }

    [TestCase("From: <<<@@@>>> ,,, \"\n")]
    [TestCase("From: =?utf-8?q?broken\nDate: pas une date\nSubject: =?x-unknown?b?@@@?=\n")]
    [TestCase("To: a@b.fr, (unterminated comment\nCc: \"open quote <x@y.fr>\n")]
    public void Render_MalformedHeaders_NeverThrow(string header) =>
        Assert.That(() => Envelope(header), Throws.Nothing);

    [Test]
    public void Render_UnreadableAddressList_IsNil()
    {
        var envelope = Envelope("Subject: ok\nTo: <<<@@@>>>\n");
        Assert.That(envelope, Is.EqualTo("(NIL \"ok\" NIL NIL NIL NIL NIL NIL NIL NIL)"));
    }

    [Test]
    public void Render_RawEightBitSubject_IsALiteral()
    {
        var envelope = Envelope("Subject: Sortie à Lyon\n");
        Assert.That(envelope, Is.EqualTo("(NIL {14}\r\nSortie à Lyon NIL NIL NIL NIL NIL NIL NIL NIL)"));
    }

    [Test]
    public void Render_Latin1RawHeader_IsReadAsLatin1()
    {
        var raw = Encoding.Latin1.GetBytes("Subject: Sortie \u00e0 Lyon\r\n\r\nbody\r\n");
        var envelope = EnvelopeRenderer.Render(ParsedMessage.Parse(raw).Message.Headers);
        Assert.That(envelope, Does.StartWith("(NIL {14}\r\nSortie à Lyon "));
    }
}
