using System.Text;
using MimeKit;
using Preau.Core.Mail.Webmail;

namespace Preau.Core.Tests.Mail.Webmail;

public class WebmailHelpersTests
{
    [TestCase("../../etc/passwd", "passwd")]
    [TestCase("C:\\Users\\élève\\devoir.pdf", "devoir.pdf")]
    [TestCase("a\u0000b\r\nc.txt", "a_b__c.txt")]
    [TestCase("\"quoted\" <x>.doc", "_quoted_ _x_.doc")]
    [TestCase("...", "fallback")]
    [TestCase("   ", "fallback")]
    [TestCase(null, "fallback")]
    public void FileNames_Clean_KeepsOnlyASafeLastSegment(string? given, string expected) =>
        Assert.That(FileNames.Clean(given, "fallback"), Is.EqualTo(expected));

    [Test]
    public void FileNames_Clean_BoundsLengthKeepingTheExtension()
    {
        var cleaned = FileNames.Clean(new string('a', 400) + ".pdf", "x");
        Assert.That(cleaned, Has.Length.EqualTo(FileNames.MaxLength));
        Assert.That(cleaned, Does.EndWith(".pdf"));
    }

    [TestCase("Re: Devoirs", "devoirs")]
    [TestCase("RE : TR: Fwd:  Élèves", "eleves")]
    [TestCase("Reunion", "reunion")]
    [TestCase("", "")]
    public void SubjectKey_StripsReplyPrefixesAndFolds(string subject, string key) =>
        Assert.That(MessageListing.SubjectKey(subject), Is.EqualTo(key));

    [TestCase("\"Dupont, Élodie\" <e.dupont@exemple.org>", "dupont elodie")]
    [TestCase("<seul@exemple.org>", "seul exemple org")]
    [TestCase("nu@exemple.org", "nu exemple org")]
    public void FromKey_NameElseAddress(string from, string key) =>
        Assert.That(MessageListing.FromKey(from), Is.EqualTo(key));

    [Test]
    public void MessageView_NumbersPartsAsImap_ListsAttachments_KeepsInlineImagesApart()
    {
        var builder = new BodyBuilder { TextBody = "texte", HtmlBody = "<p>html <img src=\"cid:logo@x\"></p>" };
        var logo = builder.LinkedResources.Add("logo.png", [1, 2, 3], new ContentType("image", "png"));
        logo.ContentId = "logo@x";
        builder.Attachments.Add("note.txt", Encoding.UTF8.GetBytes("une note"), new ContentType("text", "plain"));
        var message = new MimeMessage { Body = builder.ToMessageBody() };

        var view = MessageView.From(message);

        Assert.That(view.Text, Is.EqualTo("texte"));
        Assert.That(view.Html, Does.Contain("cid:logo@x"));
        Assert.That(view.InlineParts["logo@x"], Is.EqualTo("1.2.2"));
        var attachment = view.Attachments.Single();
        Assert.That(attachment, Is.EqualTo(new AttachmentInfo("2", "note.txt", "text/plain", 8)));
        Assert.That(MessageView.FindPart(message, "2"), Is.InstanceOf<TextPart>());
        Assert.That(MessageView.FindPart(message, "9"), Is.Null);
    }

    [Test]
    public async Task Composer_BccOnlyInDrafts_ThreadHeadersFromTheOriginal()
    {
        var original = new MimeMessage { MessageId = "b@x", InReplyTo = "a@x" };
        original.References.Add("a@x");
        var composition = new Composition(
            new PersonAddress("Prof", "prof@demo.test"),
            [new PersonAddress(null, "eleve@demo.test")],
            [],
            [new PersonAddress(null, "cache@demo.test")],
            "Re: devoir",
            "Réponse",
            null,
            [WebmailComposer.FileAttachment("a.txt", "text/plain", new MemoryStream("x"u8.ToArray()))],
            original.MessageId,
            WebmailComposer.ReferencesOf(original));

        using var sent = WebmailComposer.Build(composition, "demo.test", DateTimeOffset.UnixEpoch);
        var raw = Encoding.UTF8.GetString(await WebmailComposer.SerializeAsync(sent));
        Assert.That(raw, Does.Not.Contain("cache@demo.test"));
        Assert.That(raw, Does.Contain("\r\n"));
        Assert.That(sent.InReplyTo, Is.EqualTo("b@x"));
        Assert.That(sent.References, Is.EqualTo(new[] { "a@x", "b@x" }));
        Assert.That(sent.From.Mailboxes.Single().Address, Is.EqualTo("prof@demo.test"));
        Assert.That(sent.Attachments.Single().ContentDisposition!.FileName, Is.EqualTo("a.txt"));

        composition = composition with { Attachments = [] };
        using var draft = WebmailComposer.Build(composition, "demo.test", DateTimeOffset.UnixEpoch, asDraft: true);
        Assert.That(draft.Bcc.Mailboxes.Single().Address, Is.EqualTo("cache@demo.test"));
    }
}
