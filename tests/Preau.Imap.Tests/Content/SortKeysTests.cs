using MimeKit;
using Preau.Imap.Content;

namespace Preau.Imap.Tests.Content;

public class SortKeysTests
{
    private static readonly DateTimeOffset Arrived = new(2025, 9, 20, 12, 0, 0, TimeSpan.Zero);

    private static HeaderList Headers(string text) =>
        HeaderList.Load(new MemoryStream(TestMessages.Crlf(text + "\n")));

    private static MessageSortKeys Keys(string text, long size = 100, DateTimeOffset? arrival = null) =>
        MessageSortKeys.Create(Headers(text), arrival ?? Arrived, size);

    [Test]
    public void Create_ReadsFirstMailboxesSubjectAndDate()
    {
        var keys = Keys("""
            From: =?utf-8?q?=C3=89l=C3=A8ve_D=C3=A9mo?= <Eleve.Demo@college-preau.fr>, autre@x.fr
            To: Classe: prof@college-preau.fr;
            Subject: Re: [4B] Sortie
            Date: Mon, 1 Sep 2025 23:30:00 -0500
            """);
        Assert.That(keys.BaseSubjectText, Is.EqualTo("Sortie"));
        Assert.That(keys.SentDate, Is.EqualTo(new DateTimeOffset(2025, 9, 2, 4, 30, 0, TimeSpan.Zero)));
        Assert.That(keys.CompareTo(Keys("From: eleve.demo@autre.fr"), SortKey.From), Is.Zero, "addr-mailbox, ASCII case folded");
        Assert.That(keys.CompareTo(Keys("To: prof@ailleurs.fr"), SortKey.To), Is.Zero, "group members count");
        Assert.That(keys.CompareTo(Keys("From: Élève Démo <z@z.fr>"), SortKey.DisplayFrom), Is.Zero);
    }

    [Test]
    public void SentDate_MissingOrUnreadable_IsTheArrivalDate()
    {
        Assert.That(Keys("Subject: x").SentDate, Is.EqualTo(Arrived));
        Assert.That(Keys("Date: jeudi prochain").SentDate, Is.EqualTo(Arrived));
    }

    [Test]
    public void Compare_AsciiCasemap_FoldsOnlyAsciiLetters()
    {
        Assert.That(Keys("Subject: abc").CompareTo(Keys("Subject: ABC"), SortKey.Subject), Is.Zero);
        Assert.That(Keys("Subject: abc").CompareTo(Keys("Subject: abd"), SortKey.Subject), Is.Negative);
        Assert.That(Keys("Subject: zèbre").CompareTo(Keys("Subject: Zèbre"), SortKey.Subject), Is.Zero);
        Assert.That(Keys("Subject: École").CompareTo(Keys("Subject: Zoo"), SortKey.Subject), Is.Positive, "UTF-8 octets after ASCII");
        Assert.That(Keys("Subject: x").CompareTo(Keys("Cc: a@b.fr"), SortKey.Cc), Is.Negative, "no Cc sorts as empty");
    }

    [Test]
    public void DisplayFrom_WithoutName_IsTheAddress() =>
        Assert.That(Keys("From: bob@x.fr").CompareTo(Keys("From: \"bob@x.fr\" <other@y.fr>"), SortKey.DisplayFrom), Is.Zero);

    [Test]
    public void Sort_ProgramWithReverse_TiesKeepSequenceOrder()
    {
        var messages = new (int seq, MessageSortKeys keys)[]
        {
            (1, Keys("Subject: Cantine\nDate: Mon, 1 Sep 2025 10:00:00 +0200", size: 300)),
            (2, Keys("Subject: Re: cantine\nDate: Tue, 2 Sep 2025 10:00:00 +0200", size: 100)),
            (3, Keys("Subject: Absence\nDate: Wed, 3 Sep 2025 10:00:00 +0200", size: 200)),
            (4, Keys("Subject: Absence\nDate: Wed, 3 Sep 2025 10:00:00 +0200", size: 200)),
        };

        int[] Sort(params SortCriterion[] program) =>
            SortKeys.Sort(messages, m => m.keys, program).Select(m => m.seq).ToArray();

        Assert.That(Sort(new SortCriterion(SortKey.Subject)), Is.EqualTo(new[] { 3, 4, 1, 2 }));
        Assert.That(Sort(new SortCriterion(SortKey.Subject), new SortCriterion(SortKey.Date, Reverse: true)), Is.EqualTo(new[] { 3, 4, 2, 1 }));
        Assert.That(Sort(new SortCriterion(SortKey.Size)), Is.EqualTo(new[] { 2, 3, 4, 1 }));
        Assert.That(Sort(new SortCriterion(SortKey.Size, Reverse: true)), Is.EqualTo(new[] { 1, 3, 4, 2 }));
        Assert.That(Sort(new SortCriterion(SortKey.Date, Reverse: true)), Is.EqualTo(new[] { 3, 4, 2, 1 }));
        Assert.That(Sort(new SortCriterion(SortKey.Arrival)), Is.EqualTo(new[] { 1, 2, 3, 4 }));
    }
}
