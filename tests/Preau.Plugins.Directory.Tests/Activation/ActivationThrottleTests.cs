using Preau.Plugins.Directory.Plugin.Activation;
using Preau.Plugins.Directory.Tests.Support;

namespace Preau.Plugins.Directory.Tests.Activation;

/// <summary>Failed activations: five per login and per address in fifteen minutes, then a wait until
/// the oldest failure is out of the window.</summary>
public class ActivationThrottleTests
{
    [Test]
    public void FiveFailuresOfALogin_BlockIt_UntilTheOldestIsFifteenMinutesOld()
    {
        var time = new ManualTime();
        var throttle = new ActivationThrottle(time);
        for (var i = 0; i < 5; i++)
        {
            Assert.That(throttle.RetryAfter("marie.dupont", $"10.0.0.{i}"), Is.EqualTo(TimeSpan.Zero), $"attempt {i + 1}");
            throttle.Failed("marie.dupont", $"10.0.0.{i}");
            time.Advance(TimeSpan.FromMinutes(1));
        }

        Assert.That(throttle.RetryAfter("marie.dupont", "10.0.0.9"), Is.EqualTo(TimeSpan.FromMinutes(10)));
        Assert.That(throttle.RetryAfter("paul.martin", "10.0.0.9"), Is.EqualTo(TimeSpan.Zero), "other logins from other addresses are free");
        time.Advance(TimeSpan.FromMinutes(10));
        Assert.That(throttle.RetryAfter("marie.dupont", "10.0.0.9"), Is.EqualTo(TimeSpan.Zero));
    }

    [Test]
    public void FiveFailuresFromAnAddress_BlockEveryLoginFromIt()
    {
        var throttle = new ActivationThrottle(new ManualTime());
        for (var i = 0; i < 5; i++)
        {
            throttle.Failed($"eleve{i}", "192.0.2.7");
        }

        Assert.That(throttle.RetryAfter("eleve9", "192.0.2.7"), Is.EqualTo(ActivationThrottle.Window));
        Assert.That(throttle.RetryAfter("eleve9", "192.0.2.8"), Is.EqualTo(TimeSpan.Zero));
    }

    [Test]
    public void Success_ForgetsTheLoginsFailures_NotTheAddresss()
    {
        var throttle = new ActivationThrottle(new ManualTime(), perLogin: 2, perAddress: 3);
        throttle.Failed("marie.dupont", "192.0.2.7");
        throttle.Failed("marie.dupont", "192.0.2.7");
        Assert.That(throttle.RetryAfter("marie.dupont", "198.51.100.1"), Is.GreaterThan(TimeSpan.Zero));

        throttle.Succeeded("marie.dupont");

        Assert.That(throttle.RetryAfter("marie.dupont", "198.51.100.1"), Is.EqualTo(TimeSpan.Zero));
        throttle.Failed("paul.martin", "192.0.2.7");
        Assert.That(throttle.RetryAfter("jules.roy", "192.0.2.7"), Is.GreaterThan(TimeSpan.Zero), "the address keeps its three failures");
    }
}
