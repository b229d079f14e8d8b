using System.Text;
using MimeKit;
using Preau.Core.Search;
using Preau.Imap.Content;
using static Preau.Imap.Tests.Content.TestMessages;

namespace Preau.Imap.Tests.Content;

public class SearchMatcherTests
{
    private int _loads;

    private SearchMatcher Matcher(byte[] raw)
    {
        _loads = 0;
        return new SearchMatcher(raw.Length, () =>
        {
            _loads++;
            return MimeMessage.Load(new MemoryStream(raw));
        });
    }

    private SearchMatcher School() => Matcher(ToBytes(SchoolMessage()));

    private SearchMatcher FromText(string text) => Matcher(Crlf(text));

    [Test]
    public void SizeKeys_NeverLoadTheMessage()
    {
        var matcher = School();
        Assert.That(matcher.Larger(100), Is.True);
        Assert.That(matcher.Smaller(100), Is.False);
        Assert.That(matcher.Larger(matcher.Size), Is.False);
        Assert.That(matcher.Smaller(matcher.Size), Is.False);
        Assert.That(matcher.IsLoaded, Is.False);
    }

    [Test]
    public void ContentKeys_LoadTheMessageOnce()
    {
        var matcher = School();
        Assert.That(matcher.Subject("devoir"), Is.True);
        Assert.That(matcher.Body("jeudi"), Is.True);
        Assert.That(matcher.Text("absent"), Is.True);
        Assert.That(matcher.Text("nulle part"), Is.False);
        Assert.That(_loads, Is.EqualTo(1));
    }

    [TestCase("élève")]
    [TestCase("ÉLÈVE")]
    [TestCase("ÉlÈvE")]
    [TestCase("Français")]
    [TestCase("FRANÇAIS : ÉLÈVE")]
    public void Subject_EncodedWordSubject_MatchesCaseInsensitively(string query) =>
        Assert.That(School().Subject(query), Is.True);

    [Test]
    public void Subject_DecomposedQuery_MatchesComposedText() =>
        Assert.That(School().Subject("E\u0301le\u0300ve".Normalize(NormalizationForm.FormD)), Is.True);

    [Test]
    public void Subject_AccentsMatter_ElevesWithoutAccentsDoesNotMatch() =>
        Assert.That(School().Subject("eleve"), Is.False);

    [Test]
    public void Body_QuotedPrintableAndHtml_AreDecoded()
    {
        var matcher = School();
        Assert.That(matcher.Body("L'ÉLÈVE DÉMO"), Is.True, "quoted-printable text/plain");
        Assert.That(matcher.Body("très bien, élève sérieux"), Is.True, "8bit part");
        Assert.That(matcher.Body("absence du 12 septembre"), Is.True, "attached message body");
        Assert.That(matcher.Body("absence signalée"), Is.True, "attached message header");
    }

    [Test]
    public void Body_Html_MatchesTextNotMarkupOrScripts()
    {
        var matcher = FromText("""
            Content-Type: text/html; charset=utf-8
            Content-Transfer-Encoding: base64

            PHA+TCc8Yj7DqWzDqHZlPC9iPiBzZXJhIGFic2VudC48L3A+PHNjcmlwdD52YXIgY2FjaGU9J2NhY2jDqSc7PC9zY3JpcHQ+
            """);
        Assert.That(matcher.Body("l'élève sera absent"), Is.True);
        Assert.That(matcher.Body("<b>"), Is.False);
        Assert.That(matcher.Body("caché"), Is.False);
    }

    [Test]
    public void Body_DoesNotSearchTheHeaderButTextDoes()
    {
        var matcher = School();
        Assert.That(matcher.Body("Professeur Principal"), Is.False);
        Assert.That(matcher.Text("Professeur Principal"), Is.True);
        Assert.That(matcher.Text("jeudi"), Is.True);
    }

    [Test]
    public void Body_BinaryAttachment_IsNotSearched() =>
        Assert.That(School().Body("AAcOFRwj"), Is.False);

    [Test]
    public void AddressKeys_MatchDecodedNamesAndAddresses()
    {
        var matcher = School();
        Assert.That(matcher.From("élève démo"), Is.True);
        Assert.That(matcher.From("eleve.demo@college-preau.fr"), Is.True);
        Assert.That(matcher.To("PROF@"), Is.True);
        Assert.That(matcher.Cc("vie scolaire"), Is.True);
        Assert.That(matcher.Bcc(""), Is.False);
        Assert.That(matcher.To("vie.scolaire"), Is.False);
    }

    [Test]
    public void Header_EmptyValueMeansPresent()
    {
        var matcher = FromText("Subject: x\nX-Priorite: haute\nContent-Type: multipart/mixed; boundary=b\n\n--b\n\nx\n--b--\n");
        Assert.That(matcher.Header("x-priorite", ""), Is.True);
        Assert.That(matcher.Header("X-Priorite", "HAUTE"), Is.True);
        Assert.That(matcher.Header("X-Priorite", "basse"), Is.False);
        Assert.That(matcher.Header("X-Absent", ""), Is.False);
        Assert.That(matcher.Header("Content-Type", "multipart/mixed"), Is.True, "Content-* fields are top-level header fields too");
    }

    [Test]
    public void SentDates_UseTheHeaderDayInItsOwnZone()
    {
        // 23:30 at -05:00 is already 2 September in UTC; SENT* ignore the zone and the time.
        var matcher = FromText("Date: Mon, 1 Sep 2025 23:30:00 -0500\nSubject: x\n\nx\n");
        var day = new DateOnly(2025, 9, 1);
        Assert.That(matcher.SentOn(day), Is.True);
        Assert.That(matcher.SentSince(day), Is.True);
        Assert.That(matcher.SentSince(day.AddDays(1)), Is.False);
        Assert.That(matcher.SentBefore(day), Is.False);
        Assert.That(matcher.SentBefore(day.AddDays(1)), Is.True);
    }

    [Test]
    public void SentDates_MissingOrUnreadableDate_MatchNothing()
    {
        foreach (var header in new[] { "Subject: x\n", "Date: demain matin\n" })
        {
            var matcher = FromText(header + "\nx\n");
            Assert.That(matcher.SentBefore(DateOnly.MaxValue) || matcher.SentSince(DateOnly.MinValue), Is.False, header);
        }
    }

    [Test]
    public void ContentKeys_UnreadableMessage_MatchNothing()
    {
        var matcher = Matcher(Crlf("pas un message\n"));
        Assert.That(matcher.Text(""), Is.True, "the empty string is in every text");
        Assert.That(matcher.Subject(""), Is.False);
        Assert.That(matcher.Body("message"), Is.False);
    }

    [Test]
    public void SentDay_FromTheStoredSummaryDate_NeedsNoMessage() =>
        Assert.That(SearchMatcher.SentDay(new DateTimeOffset(2025, 9, 1, 23, 30, 0, TimeSpan.FromHours(-5))),
            Is.EqualTo(new DateOnly(2025, 9, 1)));

    [TestCase("SUBJECT", true)]
    [TestCase("text", true)]
    [TestCase("HEADER", true)]
    [TestCase("SENTON", true)]
    [TestCase("LARGER", false)]
    [TestCase("SEEN", false)]
    [TestCase("UID", false)]
    [TestCase("SINCE", false)]
    [TestCase("MODSEQ", false)]
    public void IsContentKey_OnlyKeysThatReadTheMessage(string key, bool expected) =>
        Assert.That(SearchMatcher.IsContentKey(key), Is.EqualTo(expected));

    [Test]
    public void Fold_MergesCaseFormsAndCompatibilityCharacters()
    {
        Assert.That(SearchText.Fold("ÉLÈVE"), Is.EqualTo(SearchText.Fold("élève")));
        Assert.That(SearchText.Fold("ﬁche"), Is.EqualTo(SearchText.Fold("FICHE")));
        Assert.That(SearchText.Fold("ΣΟΦΟΣ"), Is.EqualTo(SearchText.Fold("σοφος")));
        Assert.That(SearchText.Fold("Œuvre"), Is.EqualTo(SearchText.Fold("œUVRE")));
    }
}
