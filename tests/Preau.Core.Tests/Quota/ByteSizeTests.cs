using Preau.Core.Quota;

namespace Preau.Core.Tests.Quota;

public class ByteSizeTests
{
    [TestCase("4096", 4096L)]
    [TestCase("4K", 4096L)]
    [TestCase("500M", 500L * 1024 * 1024)]
    [TestCase("2G", 2L * 1024 * 1024 * 1024)]
    [TestCase("2g", 2L * 1024 * 1024 * 1024)]
    [TestCase("200 Mo", 200L * 1024 * 1024)]
    [TestCase("1,5 Go", 3L * 512 * 1024 * 1024)]
    [TestCase("1.5G", 3L * 512 * 1024 * 1024)]
    [TestCase("1GiB", 1024L * 1024 * 1024)]
    [TestCase("300 MB", 300L * 1024 * 1024)]
    [TestCase("0", 0L)]
    [TestCase(" 12 octets ", 12L)]
    public void TryParse_SizesAsAdministratorsWriteThem_BinaryUnits(string text, long expected)
    {
        Assert.That(ByteSize.TryParse(text, out var bytes), Is.True);
        Assert.That(bytes, Is.EqualTo(expected));
    }

    [TestCase("")]
    [TestCase(null)]
    [TestCase("M")]
    [TestCase("-5M")]
    [TestCase("5X")]
    [TestCase("5 M M")]
    [TestCase("99999999999T")]
    [TestCase("1.2.3G")]
    public void TryParse_NotASize_Refused(string? text) => Assert.That(ByteSize.TryParse(text, out _), Is.False);

    [TestCase(0L, "0 octet")]
    [TestCase(37L, "37 octets")]
    [TestCase(1536L, "1,5 Ko")]
    [TestCase(200L * 1024 * 1024, "200 Mo")]
    [TestCase(1024L * 1024 * 1024, "1 Go")]
    [TestCase((1024L * 1024 * 1024) - 1, "1023,9 Mo")]
    public void Format_InFrench_NeverRoundedUpToTheNextUnit(long bytes, string expected) =>
        Assert.That(ByteSize.Format(bytes), Is.EqualTo(expected));
}
