using Preau.Core.Accounts;
using Preau.Core.Policy;

namespace Preau.Core.Tests.Policy;

public class SendRateLimiterTests
{
    [Test]
    public void Check_PupilAnsweringTwentyMessagesInFiveMinutes_NotBlocked()
    {
        var time = new ManualTime();
        var limiter = new SendRateLimiter(() => PolicySettings.Default, time);
        var pupil = TinySchool.Get("eleve.6a");
        for (var i = 0; i < 20; i++)
        {
            Assert.That(limiter.Check(pupil, 1), Is.Null, $"message {i + 1}");
            limiter.Record(pupil, 1);
            time.Advance(TimeSpan.FromSeconds(15));
        }
    }

    [Test]
    public void Check_PupilFlooding_BlockedWithReasonAndTime()
    {
        var time = new ManualTime();
        var limiter = new SendRateLimiter(() => PolicySettings.Default, time);
        var pupil = TinySchool.Get("eleve.6a");
        PolicyDecision? blocked = null;
        var sent = 0;
        while (blocked is null && sent < 1000)
        {
            blocked = limiter.Check(pupil, 25);
            if (blocked is null)
            {
                limiter.Record(pupil, 25);
                sent++;
            }

            time.Advance(TimeSpan.FromSeconds(2));
        }

        Assert.That(blocked, Is.Not.Null);
        Assert.That(sent, Is.LessThanOrEqualTo(8), "a class-wide flood is stopped within 200 recipients");
        Assert.That(blocked!.Code, Is.EqualTo(450));
        Assert.That(blocked.Enhanced, Is.EqualTo("4.7.1"));
        Assert.That(blocked.Text, Does.Contain("sending limit").And.Contain("try again after 2026-09-01 09:00"));
    }

    [Test]
    public void Check_AfterWindow_SenderMaySendAgain()
    {
        var time = new ManualTime();
        var limiter = new SendRateLimiter(() => PolicySettings.Default, time);
        var pupil = TinySchool.Get("eleve.6a");
        for (var i = 0; i < 40; i++)
        {
            limiter.Record(pupil, 1);
        }

        Assert.That(limiter.Check(pupil, 1), Is.Not.Null);
        time.Advance(TimeSpan.FromMinutes(16));
        Assert.That(limiter.Check(pupil, 1), Is.Null);
    }

    [Test]
    public void Check_AdministratorHasNoLimit()
    {
        var limiter = new SendRateLimiter(() => PolicySettings.Default, new ManualTime());
        var admin = TinySchool.Make("admin", Profile.AdministrateurEnt);
        for (var i = 0; i < 1000; i++)
        {
            limiter.Record(admin, 150);
        }

        Assert.That(limiter.Check(admin, 150), Is.Null);
    }
}
