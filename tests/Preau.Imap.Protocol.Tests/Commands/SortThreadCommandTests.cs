using Preau.Imap.Protocol.Commands;
using Preau.Imap.Protocol.Search;
using Preau.Imap.Protocol.Tests.Support;

namespace Preau.Imap.Protocol.Tests.Commands;

public class SortThreadCommandTests
{
    [Test]
    public void Parse_Sort_ReadsCriteriaCharsetAndKeys()
    {
        var command = Wire.Parse<SortCommand>("A283 SORT (SUBJECT REVERSE DATE) UTF-8 ALL");

        Assert.That(command.Order, Is.EqualTo(new[] { new SortCriterion(SortKey.Subject, false), new SortCriterion(SortKey.Date, true) }));
        Assert.That(command.Charset, Is.EqualTo("UTF-8"));
        Assert.That(command.Criteria, Is.EqualTo(AllKey.Instance));
        Assert.That(command.Return, Is.Null);
    }

    [Test]
    public void Parse_UidSortWithReturn_IsEsort()
    {
        var command = Wire.Parse<SortCommand>("a1 UID SORT RETURN (MIN COUNT) (ARRIVAL CC FROM SIZE TO DISPLAYFROM DISPLAYTO) US-ASCII UNSEEN");

        Assert.That(command.ByUid, Is.True);
        Assert.That(command.Return, Is.EqualTo(SearchReturnOptions.Min | SearchReturnOptions.Count));
        Assert.That(command.Order, Has.Count.EqualTo(7));
        Assert.That(command.Name, Is.EqualTo("UID SORT"));
    }

    [TestCase("a1 SORT (SUBJECT) UTF-8", "SORT: missing search key")]
    [TestCase("a1 SORT (SUBJECT)", "SORT: missing charset")]
    [TestCase("a1 SORT () UTF-8 ALL", "SORT: missing sort key")]
    [TestCase("a1 SORT (COLOUR) UTF-8 ALL", "SORT: unknown sort key COLOUR")]
    [TestCase("a1 SORT (REVERSE) UTF-8 ALL", "SORT: missing sort key")]
    [TestCase("a1 SORT SUBJECT UTF-8 ALL", "SORT: sort criteria must be a parenthesized list, got SUBJECT")]
    public void Parse_MalformedSort_IsBad(string line, string message)
    {
        Assert.That(Wire.ParseError(line).Message, Is.EqualTo(message));
    }

    [Test]
    public void Parse_Thread_ReadsAlgorithm()
    {
        var references = Wire.Parse<ThreadCommand>("A283 THREAD REFERENCES UTF-8 SINCE 5-MAR-2000");
        var ordered = Wire.Parse<ThreadCommand>("a2 UID THREAD orderedsubject us-ascii ALL");

        Assert.That(references.Algorithm, Is.EqualTo(ThreadAlgorithm.References));
        Assert.That(references.Criteria, Is.InstanceOf<DateKey>());
        Assert.That(ordered.Algorithm, Is.EqualTo(ThreadAlgorithm.OrderedSubject));
        Assert.That(ordered.ByUid, Is.True);
        Assert.That(ordered.Charset, Is.EqualTo("US-ASCII"));
    }

    [TestCase("a1 THREAD", "THREAD: missing threading algorithm")]
    [TestCase("a1 THREAD REFS UTF-8 ALL", "THREAD: unknown threading algorithm REFS")]
    [TestCase("a1 THREAD REFERENCES UTF-8", "THREAD: missing search key")]
    [TestCase("a1 THREAD REFERENCES", "THREAD: missing charset")]
    public void Parse_MalformedThread_IsBad(string line, string message)
    {
        Assert.That(Wire.ParseError(line).Message, Is.EqualTo(message));
    }

    [Test]
    public void Parse_ThreadUnknownCharset_IsNoBadCharset()
    {
        Assert.That(Wire.ParseError("a1 THREAD REFERENCES X-UNKNOWN ALL").Code!.Name, Is.EqualTo("BADCHARSET"));
    }
}
