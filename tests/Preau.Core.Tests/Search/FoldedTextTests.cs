using System.Text;
using MimeKit;
using Preau.Core.Search;

namespace Preau.Core.Tests.Search;

public class FoldedTextTests
{
    private static FoldedText School()
    {
        var message = new MimeMessage();
        message.From.Add(new MailboxAddress("Hélène Durand", "helene.durand@demo.preau.test"));
        message.To.Add(new MailboxAddress("Élèves de 6A", "eleves.6a@demo.preau.test"));
        message.Subject = "Sortie au musée : ÉLÈVES attendus";
        var body = new Multipart("alternative")
        {
            new TextPart("plain") { Text = "Rendez-vous jeudi devant le collège." },
            new TextPart("html") { Text = "<p>Rendez-vous <b>jeu</b>di</p><script>cach\u00e9</script>" },
        };
        message.Body = body;
        return FoldedText.From(message);
    }

    [TestCase("élèves")]
    [TestCase("ÉLÈVES")]
    [TestCase("musée")]
    [TestCase("collège")]
    [TestCase("JEUDI")]
    public void InText_FindsFoldedWordsInHeaderOrBody(string word) =>
        Assert.That(School().InText(FoldedText.Needle(word)), Is.True);

    [Test]
    public void InText_AccentsAreSignificant() =>
        Assert.That(School().InText(FoldedText.Needle("musee")), Is.False);

    [Test]
    public void InBody_IgnoresTheHeaderAndScripts()
    {
        var text = School();
        Assert.That(text.InBody(FoldedText.Needle("musée")), Is.False);
        Assert.That(text.InBody(FoldedText.Needle("caché")), Is.False);
        Assert.That(text.InBody(FoldedText.Needle("jeudi")), Is.True);
    }

    [Test]
    public void InField_MatchesOnlyThatField()
    {
        var text = School();
        Assert.That(text.InField("SUBJECT", FoldedText.Needle("musée")), Is.True);
        Assert.That(text.InField("From", FoldedText.Needle("musée")), Is.False);
        Assert.That(text.InField("from", FoldedText.Needle("hélène")), Is.True);
        Assert.That(text.InField("Cc", []), Is.False);
        Assert.That(text.InField("To", []), Is.True);
    }

    [Test]
    public void Serialize_RoundTrips()
    {
        var text = School();
        Assert.That(FoldedText.TryDeserialize(text.Serialize(), out var back), Is.True);
        Assert.That(back.Headers.ToArray(), Is.EqualTo(text.Headers.ToArray()));
        Assert.That(back.Body.ToArray(), Is.EqualTo(text.Body.ToArray()));
    }

    [TestCase(0)]
    [TestCase(3)]
    [TestCase(7)]
    public void TryDeserialize_TornRecord_IsRefused(int length)
    {
        var bytes = School().Serialize();
        Assert.That(FoldedText.TryDeserialize(bytes.AsSpan(0, length), out _), Is.False);
    }

    [Test]
    public void TryDeserialize_HeaderLengthBeyondRecord_IsRefused()
    {
        var bytes = School().Serialize();
        bytes[4] = 0xff;
        bytes[5] = 0xff;
        bytes[6] = 0xff;
        Assert.That(FoldedText.TryDeserialize(bytes, out _), Is.False);
        Assert.That(FoldedText.TryDeserialize(Encoding.ASCII.GetBytes("not a record"), out _), Is.False);
    }
}
