using Preau.Imap.Protocol.Syntax;

namespace Preau.Imap.Protocol.Tests.Syntax;

public class SequenceSetTests
{
    [TestCase("1")]
    [TestCase("1:*")]
    [TestCase("2,4:7,9,12:*")]
    [TestCase("*")]
    [TestCase("9:4")]
    [TestCase("$")]
    [TestCase("2,4:7,$")]
    [TestCase("4294967295")]
    public void Parse_ValidSet_RoundTrips(string text)
    {
        Assert.That(SequenceSet.Parse(text).ToString(), Is.EqualTo(text));
    }

    [TestCase("")]
    [TestCase("0")]
    [TestCase("01")]
    [TestCase("1:0")]
    [TestCase("1,,2")]
    [TestCase("1:")]
    [TestCase(":5")]
    [TestCase("1:2:3")]
    [TestCase("4294967296")]
    [TestCase("a")]
    [TestCase("-1")]
    [TestCase("1 ")]
    public void TryParse_InvalidSet_ReturnsFalse(string text)
    {
        Assert.That(SequenceSet.TryParse(text, out _), Is.False);
    }

    [Test]
    public void Parse_Invalid_ThrowsFormatException()
    {
        Assert.Throws<FormatException>(() => SequenceSet.Parse("x"));
    }

    [Test]
    public void Contains_StarRange_UsesMax()
    {
        var set = SequenceSet.Parse("5:*");

        Assert.That(set.Contains(7, 10), Is.True);
        Assert.That(set.Contains(4, 10), Is.False);
        Assert.That(set.Contains(11, 10), Is.False);
    }

    [Test]
    public void Contains_ReversedRange_IsTheSameRange()
    {
        Assert.That(SequenceSet.Parse("9:4").Contains(6, 100), Is.True);
    }

    [Test]
    public void Contains_UidRangeAboveLast_StillIncludesLast()
    {
        // RFC 9051 §6.4.9: "559:*" includes the last UID even when it is below 559.
        Assert.That(SequenceSet.Parse("559:*").Contains(50, 50), Is.True);
        Assert.That(SequenceSet.Parse("559:*").Contains(49, 50), Is.False);
    }

    [Test]
    public void Contains_EmptyMailbox_ContainsNothing()
    {
        Assert.That(SequenceSet.All.Contains(1, 0), Is.False);
    }

    [Test]
    public void Enumerate_OverlappingRanges_AscendingWithoutDuplicates()
    {
        var numbers = SequenceSet.Parse("8,2:4,3:5,*").Enumerate(10);

        Assert.That(numbers, Is.EqualTo(new uint[] { 2, 3, 4, 5, 8, 10 }));
    }

    [Test]
    public void Enumerate_NumbersAboveMax_AreLeftOut()
    {
        Assert.That(SequenceSet.Parse("3:20").Enumerate(5), Is.EqualTo(new uint[] { 3, 4, 5 }));
    }

    [Test]
    public void Enumerate_UpToUintMax_DoesNotOverflow()
    {
        var numbers = SequenceSet.Parse("4294967294:*").Enumerate(uint.MaxValue).ToList();

        Assert.That(numbers, Is.EqualTo(new[] { uint.MaxValue - 1, uint.MaxValue }));
    }

    [Test]
    public void ToIntervals_AdjacentRanges_AreMerged()
    {
        var intervals = SequenceSet.Parse("1:3,4,6:7,5").ToIntervals(100);

        Assert.That(intervals, Is.EqualTo(new[] { (1u, 7u) }));
    }

    [Test]
    public void FromNumbers_Unsorted_CompactsToRanges()
    {
        var set = SequenceSet.FromNumbers([7, 3, 1, 2, 5, 4, 4, 10, 11]);

        Assert.That(set.ToString(), Is.EqualTo("1:5,7,10:11"));
    }

    [Test]
    public void FromNumbers_Nothing_IsEmpty()
    {
        Assert.That(SequenceSet.FromNumbers([]).IsEmpty, Is.True);
    }

    [Test]
    public void HasNumberAbove_ExplicitNumberOverMailboxSize_IsTrue()
    {
        Assert.That(SequenceSet.Parse("1:5").HasNumberAbove(4), Is.True);
        Assert.That(SequenceSet.Parse("1:*").HasNumberAbove(4), Is.False);
    }

    [Test]
    public void ResolveSaved_WithDollar_UnitesTheSavedResult()
    {
        var saved = SequenceSet.Parse("10:12");

        Assert.That(SequenceSet.Parse("$").ResolveSaved(saved).ToString(), Is.EqualTo("10:12"));
        Assert.That(SequenceSet.Parse("2,$").ResolveSaved(saved).ToString(), Is.EqualTo("2,10:12"));
        Assert.That(SequenceSet.Parse("2").ResolveSaved(saved).ToString(), Is.EqualTo("2"));
    }

    [Test]
    public void Equals_SameText_AreEqual()
    {
        Assert.That(SequenceSet.Parse("1:4,7"), Is.EqualTo(SequenceSet.Parse("1:4,7")));
        Assert.That(SequenceSet.Parse("1:4,7"), Is.Not.EqualTo(SequenceSet.Parse("1:4")));
    }
}
