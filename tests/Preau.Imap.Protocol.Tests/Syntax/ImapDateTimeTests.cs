using Preau.Imap.Protocol.Syntax;

namespace Preau.Imap.Protocol.Tests.Syntax;

public class ImapDateTimeTests
{
    [Test]
    public void TryParseDateTime_RfcExample_GivesInstantWithOffset()
    {
        Assert.That(ImapDateTime.TryParseDateTime("17-Jul-1996 02:44:25 -0700", out var value), Is.True);

        Assert.That(value, Is.EqualTo(new DateTimeOffset(1996, 7, 17, 2, 44, 25, TimeSpan.FromHours(-7))));
        Assert.That(value.Offset, Is.EqualTo(TimeSpan.FromHours(-7)));
    }

    [TestCase(" 7-Jul-1996 02:44:25 +0200")]
    [TestCase("07-Jul-1996 02:44:25 +0200")]
    [TestCase("7-jul-1996 02:44:25 +0200")]
    public void TryParseDateTime_DayForms_AllRead(string text)
    {
        Assert.That(ImapDateTime.TryParseDateTime(text, out var value), Is.True);
        Assert.That(value.Day, Is.EqualTo(7));
    }

    [TestCase("31-Feb-2024 00:00:00 +0000")]
    [TestCase("17-Jux-1996 02:44:25 -0700")]
    [TestCase("17-Jul-1996 24:00:00 -0700")]
    [TestCase("17-Jul-1996 02:44:25 0700")]
    [TestCase("17-Jul-1996 02:44:25 +2500")]
    [TestCase("17-Jul-96 02:44:25 -0700")]
    [TestCase("17-Jul-1996")]
    [TestCase("")]
    public void TryParseDateTime_Invalid_ReturnsFalse(string text)
    {
        Assert.That(ImapDateTime.TryParseDateTime(text, out _), Is.False);
    }

    [Test]
    public void FormatDateTime_Instant_KeepsItsOffset()
    {
        var value = new DateTimeOffset(2024, 3, 5, 9, 8, 7, TimeSpan.FromMinutes(90));

        Assert.That(ImapDateTime.FormatDateTime(value), Is.EqualTo("05-Mar-2024 09:08:07 +0130"));
    }

    [Test]
    public void FormatDateTime_NegativeOffset_HasMinusSign()
    {
        var value = new DateTimeOffset(1996, 7, 17, 2, 44, 25, TimeSpan.FromHours(-7));

        Assert.That(ImapDateTime.FormatDateTime(value), Is.EqualTo("17-Jul-1996 02:44:25 -0700"));
    }

    [Test]
    public void FormatDateTime_ThenParse_RoundTrips()
    {
        var value = new DateTimeOffset(2025, 12, 31, 23, 59, 59, TimeSpan.FromHours(1));

        Assert.That(ImapDateTime.TryParseDateTime(ImapDateTime.FormatDateTime(value), out var back), Is.True);
        Assert.That(back, Is.EqualTo(value));
    }

    [TestCase("1-Feb-1994", 1994, 2, 1)]
    [TestCase("01-Feb-1994", 1994, 2, 1)]
    [TestCase("29-FEB-2024", 2024, 2, 29)]
    public void TryParseDate_SearchDate_Reads(string text, int year, int month, int day)
    {
        Assert.That(ImapDateTime.TryParseDate(text, out var date), Is.True);
        Assert.That(date, Is.EqualTo(new DateOnly(year, month, day)));
    }

    [TestCase("29-Feb-2023")]
    [TestCase("1-Feb-94")]
    [TestCase("001-Feb-1994")]
    [TestCase("1 Feb 1994")]
    public void TryParseDate_Invalid_ReturnsFalse(string text)
    {
        Assert.That(ImapDateTime.TryParseDate(text, out _), Is.False);
    }

    [Test]
    public void FormatDate_SingleDigitDay_HasNoPadding()
    {
        Assert.That(ImapDateTime.FormatDate(new DateOnly(1994, 2, 1)), Is.EqualTo("1-Feb-1994"));
    }
}
