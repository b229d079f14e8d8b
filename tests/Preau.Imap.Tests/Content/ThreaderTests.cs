using MimeKit;
using Preau.Imap.Content;

namespace Preau.Imap.Tests.Content;

public class ThreaderTests
{
    private static readonly DateTimeOffset Start = new(2025, 9, 1, 8, 0, 0, TimeSpan.FromHours(2));

    /// <summary>A message with a header built from the arguments; <paramref name="hour"/> sets its Date:.</summary>
    private static ThreadMessage Message(uint number, string? id, string subject, int hour, string? references = null,
        string? inReplyTo = null)
    {
        var text = $"Subject: {subject}\nDate: {Start.AddHours(hour):R}\n";
        text += id is null ? "" : $"Message-ID: <{id}>\n";
        text += references is null ? "" : $"References: {references}\n";
        text += inReplyTo is null ? "" : $"In-Reply-To: {inReplyTo}\n";
        var headers = HeaderList.Load(new MemoryStream(TestMessages.Crlf(text + "\n")));
        return ThreadMessage.Create(number, headers, Start.AddYears(1));
    }

    private static string Thread(ThreadAlgorithm algorithm, params ThreadMessage[] messages) =>
        Threader.Render(Threader.Thread(messages, algorithm));

    [Test]
    public void Create_ReadsIdsReferencesAndSubject()
    {
        var message = Message(7, "b@x", "Re: Sortie", 1, references: "<root@x> bogus <a@x>");
        Assert.That(message.MessageId, Is.EqualTo("b@x"));
        Assert.That(message.References, Is.EqualTo(new[] { "root@x", "a@x" }));
        Assert.That(message.BaseSubject, Is.EqualTo("Sortie"));
        Assert.That(message.IsReplyOrForward, Is.True);
        Assert.That(message.SentDate, Is.EqualTo(Start.AddHours(1)));
    }

    [Test]
    public void Create_WithoutReferences_UsesTheFirstInReplyTo() =>
        Assert.That(Message(1, "c@x", "x", 0, inReplyTo: "<p@x> <q@x>").References, Is.EqualTo(new[] { "p@x" }));

    [Test]
    public void OrderedSubject_GroupsByBaseSubjectAndSortsThreadsByFirstDate()
    {
        var result = Thread(ThreadAlgorithm.OrderedSubject,
            Message(1, "1@x", "Hello", 1),
            Message(2, "2@x", "Re: hello", 3),
            Message(3, "3@x", "Autre", 2),
            Message(4, "4@x", "RE: Hello", 4),
            Message(5, "5@x", "Autre", 5),
            Message(6, "6@x", "Seul", 0));
        Assert.That(result, Is.EqualTo("(6)(1 (2)(4))(3 5)"));
    }

    [Test]
    public void References_ChainsMissingParentsAndDateOrder()
    {
        var result = Thread(ThreadAlgorithm.References,
            Message(1, "1@x", "Réunion", 0),
            Message(2, "2@x", "Re: Réunion", 3, references: "<1@x>"),
            Message(3, "3@x", "Re: Réunion", 4, references: "<1@x> <2@x>"),
            Message(4, "4@x", "Re: Réunion", 2, references: "<1@x>"),
            Message(5, "5@x", "Autre", 5),
            Message(6, "6@x", "Perdu", 6, references: "<absent@x>"),
            Message(7, "7@x", "Re: Perdu", 7, references: "<absent@x>"),
            Message(8, "8@x", "Re: Autre", 8, inReplyTo: "<5@x>"));

        // 4 is older than 2, so it comes first among 1's replies; 6 and 7 share a dummy parent.
        Assert.That(result, Is.EqualTo("(1 (4)(2 3))(5 8)((6)(7))"));
    }

    [Test]
    public void References_DummyWithOneChild_IsPromoted()
    {
        var result = Thread(ThreadAlgorithm.References,
            Message(1, "1@x", "Sortie", 0, references: "<gone@x>"),
            Message(2, "2@x", "Re: Sortie", 1, references: "<gone@x> <1@x>"),
            Message(3, "3@x", "Cantine", 2, references: "<a@x> <b@x> <c@x>"));
        Assert.That(result, Is.EqualTo("(1 2)(3)"));
    }

    [Test]
    public void References_TruncatedChain_GoesThroughTheMissingMiddle()
    {
        // 3's References skip 2's parent: the dummy for <mid@x> sits between 1 and 3, then is pruned away.
        var result = Thread(ThreadAlgorithm.References,
            Message(1, "1@x", "Voyage", 0),
            Message(3, "3@x", "Re: Voyage", 2, references: "<1@x> <mid@x>"),
            Message(4, "4@x", "Re: Voyage", 3, references: "<1@x> <mid@x>"));
        Assert.That(result, Is.EqualTo("(1 (3)(4))"));
    }

    [Test]
    public void References_SameSubjectWithoutLinks_MergeUnderReplyRule()
    {
        var result = Thread(ThreadAlgorithm.References,
            Message(9, "9@x", "Sortie scolaire", 0),
            Message(10, "10@x", "Re: Sortie scolaire", 1),
            Message(12, "12@x", "Cantine", 2),
            Message(13, "13@x", "cantine", 3));

        // A reply joins the original; two originals get a dummy parent.
        Assert.That(result, Is.EqualTo("(9 10)((12)(13))"));
    }

    [Test]
    public void References_ReplyFoundFirst_OriginalTakesTheSubjectTable()
    {
        var result = Thread(ThreadAlgorithm.References,
            Message(1, "1@x", "Re: Piscine", 0),
            Message(2, "2@x", "Piscine", 1));
        Assert.That(result, Is.EqualTo("(2 1)"));
    }

    [Test]
    public void References_DuplicateIdsAndLoops_DoNotBreakTheTree()
    {
        var result = Thread(ThreadAlgorithm.References,
            Message(14, "dup@x", "Un", 0),
            Message(15, "dup@x", "Deux", 1),
            Message(16, "16@x", "Re: Un", 2, references: "<dup@x>"),
            Message(17, "a@x", "Boucle", 3, references: "<b@x>"),
            Message(18, "b@x", "Re: Boucle", 4, references: "<a@x>"),
            Message(19, "self@x", "Moi", 5, references: "<self@x>"));
        Assert.That(result, Is.EqualTo("(14 16)(15)(18 17)(19)"));
    }

    [Test]
    public void References_MissingMessageIds_AreSeparateMessages()
    {
        var result = Thread(ThreadAlgorithm.References,
            Message(1, null, "A", 0),
            Message(2, null, "B", 1));
        Assert.That(result, Is.EqualTo("(1)(2)"));
    }

    [Test]
    public void References_VeryLongChain_DoesNotOverflowTheStack()
    {
        // Newest first, so each reference is still parentless when linked and the loop checks stay short.
        const int count = 100_000;
        var messages = Enumerable.Range(1, count).Reverse()
            .Select(i => new ThreadMessage((uint)i, $"{i}@x", i == 1 ? [] : [$"{i - 1}@x"], Start.AddMinutes(i), "Chaîne", i > 1))
            .ToList();
        var result = Threader.Render(Threader.Thread(messages, ThreadAlgorithm.References));
        Assert.That(result, Does.StartWith("(1 2 3 ").And.EndWith(" 99999 100000)"));
    }

    [Test]
    public void Render_FormatsChainsAndNestedLists()
    {
        var threads = new List<ThreadNode>
        {
            new(2, []),
            new(3, [new(6, [new(4, [new(23, [])]), new(44, [new(7, [new(96, [])])])])]),
        };
        Assert.That(Threader.Render(threads), Is.EqualTo("(2)(3 6 (4 23)(44 7 96))"));
        Assert.That(Threader.Render([new ThreadNode(null, [new(3, []), new(5, [])])]), Is.EqualTo("((3)(5))"));
        Assert.That(Threader.Render([]), Is.Empty);
    }
}
