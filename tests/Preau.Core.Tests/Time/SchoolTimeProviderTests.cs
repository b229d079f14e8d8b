using Preau.Core.Time;

namespace Preau.Core.Tests.Time;

public class SchoolTimeProviderTests
{
    [Test]
    public void NoZoneConfigured_IsParis()
    {
        var time = SchoolTimeProvider.For(null);
        Assert.That(time.LocalTimeZone.Id, Is.EqualTo("Europe/Paris"));
        var winter = new DateTimeOffset(2026, 12, 1, 12, 0, 0, TimeSpan.Zero);
        Assert.That(time.LocalTimeZone.GetUtcOffset(winter), Is.EqualTo(TimeSpan.FromHours(1)));
    }

    [Test]
    public void OutreMerZone_IsHonoured_AndTheClockIsTheSystems()
    {
        var time = SchoolTimeProvider.For("Indian/Reunion");
        Assert.That(time.LocalTimeZone.BaseUtcOffset, Is.EqualTo(TimeSpan.FromHours(4)));
        var now = time.GetUtcNow();
        Assert.That(now - TimeProvider.System.GetUtcNow(), Is.LessThan(TimeSpan.FromMinutes(1)).And.GreaterThan(TimeSpan.FromMinutes(-1)));
        Assert.That(time.GetLocalNow().Offset, Is.EqualTo(TimeSpan.FromHours(4)));
    }

    [Test]
    public void UnknownZone_IsRefusedWithTheSetting()
    {
        var ex = Assert.Throws<ArgumentException>(() => SchoolTimeProvider.For("Europe/Atlantis"));
        Assert.That(ex!.Message, Does.Contain("School:TimeZone").And.Contain("Europe/Atlantis"));
    }
}
