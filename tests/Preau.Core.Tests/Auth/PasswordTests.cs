using Preau.Core.Auth;

namespace Preau.Core.Tests.Auth;

public class PasswordTests
{
    [Test]
    public void Hash_ThenVerify_MatchesOnlyTheRightPassword()
    {
        var hash = new PasswordHasher(1024, 1).Hash("correct horse");
        Assert.That(hash, Does.StartWith("$argon2id$v=19$m=1024,t=1,p=1$"));
        Assert.That(PasswordHasher.Verify("correct horse", hash), Is.True);
        Assert.That(PasswordHasher.Verify("correct hors", hash), Is.False);
    }

    [Test]
    public void Hash_SamePasswordTwice_DifferentSalts()
    {
        var hasher = new PasswordHasher(1024, 1);
        Assert.That(hasher.Hash("x"), Is.Not.EqualTo(hasher.Hash("x")));
    }

    [TestCase("")]
    [TestCase("$argon2id$v=19$m=1024,t=1,p=1$!!!$???")]
    [TestCase("$2y$10$abcdefghijklmnopqrstuv")]
    [TestCase("$argon2id$v=19$m=x,t=1,p=1$c2FsdHNhbHQ$aGFzaA")]
    public void Verify_MalformedHash_FalseNotException(string phc) =>
        Assert.That(PasswordHasher.Verify("x", phc), Is.False);

    [Test]
    public void CredentialCache_RemembersUntilHashChangesOrTtlExpires()
    {
        var time = new ManualTime();
        var cache = new CredentialCache(TimeSpan.FromMinutes(5), time);
        cache.Remember("eleve.6a", "pw", "hash1");
        Assert.That(cache.IsVerified("eleve.6a", "pw", "hash1"), Is.True);
        Assert.That(cache.IsVerified("eleve.6a", "other", "hash1"), Is.False);
        Assert.That(cache.IsVerified("eleve.6a", "pw", "hash2"), Is.False, "a new stored hash (password changed) invalidates");
        cache.Remember("eleve.6a", "pw", "hash1");
        time.Advance(TimeSpan.FromMinutes(6));
        Assert.That(cache.IsVerified("eleve.6a", "pw", "hash1"), Is.False);
    }

    [Test]
    public void LoginThrottle_DelaysGrowAfterFreeFailures()
    {
        var throttle = new LoginThrottle(new ManualTime());
        for (var i = 0; i < LoginThrottle.FreeFailures; i++)
        {
            Assert.That(throttle.DelayFor("10.0.0.1", "eleve.6a"), Is.EqualTo(TimeSpan.Zero));
            throttle.Failed("10.0.0.1", "eleve.6a");
        }

        var first = throttle.DelayFor("10.0.0.1", "eleve.6a");
        throttle.Failed("10.0.0.1", "eleve.6a");
        Assert.That(first, Is.GreaterThan(TimeSpan.Zero));
        Assert.That(throttle.DelayFor("10.0.0.1", "eleve.6a"), Is.GreaterThan(first));
        Assert.That(throttle.DelayFor("10.0.0.2", "eleve.6a"), Is.GreaterThan(TimeSpan.Zero), "per login, whatever the address");
        Assert.That(throttle.DelayFor("10.0.0.1", "prof.maths"), Is.GreaterThan(TimeSpan.Zero), "per address, whatever the login");
        Assert.That(throttle.DelayFor("10.0.0.3", "prof.maths"), Is.EqualTo(TimeSpan.Zero));
    }
}
