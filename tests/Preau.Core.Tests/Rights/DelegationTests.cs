using Preau.Core.Rights;

namespace Preau.Core.Tests.Rights;

/// <summary>Delegated administration to the académie's support account.</summary>
public class DelegationTests
{
    private RightsFixture _f = null!;

    [SetUp]
    public void NewSchool() => _f = new RightsFixture();

    [Test]
    public void Grant_GivesTheAdministratorsRightsButNotDelegating()
    {
        Assert.That(_f.Allowed("dane", CoreRights.AdminServices), Is.False);
        _f.Service.GrantDelegation("dane", null, "admin");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(_f.Allowed("dane", CoreRights.AdminServices), Is.True);
            Assert.That(_f.Allowed("dane", CoreRights.AdminAudit), Is.True);
            Assert.That(_f.Service.Check(_f["dane"], CoreRights.AdminServices).Reason, Is.EqualTo("dane a le droit administration.services (délégation d'administration)"));
            Assert.That(_f.Service.Check(_f["dane"], CoreRights.AdminDelegation).Reason, Does.Contain("une délégation ne donne pas le droit de déléguer"));
            Assert.That(_f.Allowed("dane", CoreRights.SendTargeted), Is.False, "administration only");
            Assert.That(_f.Store.AuditEntries.Single().Action, Is.EqualTo("delegation.grant"));
            Assert.That(_f.Store.AuditEntries.Single().Detail, Is.EqualTo("dane : droits d'administration sans date de fin"));
        }
    }

    [Test]
    public void Grant_FollowsTheAdministratorsColumnOfTheMatrix()
    {
        _f.Service.GrantDelegation("dane", null, "admin");
        _f.Service.SetGrant(CoreRights.AdminPolicy, Grantee.ForProfile(Core.Accounts.Profile.AdministrateurEnt), false, "admin");
        Assert.That(_f.Allowed("dane", CoreRights.AdminPolicy), Is.False);
    }

    [Test]
    public void Expiry_StopsTheDelegationWithoutAnyJob()
    {
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(_f.Time.GetUtcNow(), _f.Time.LocalTimeZone).DateTime);
        var end = _f.Service.EndOfDay(today.AddDays(1));
        _f.Service.GrantDelegation("dane", end, "admin");
        Assert.That(_f.Allowed("dane", CoreRights.AdminAccounts), Is.True);
        Assert.That(_f.Service.Check(_f["dane"], CoreRights.AdminAccounts).Reason, Does.EndWith($"jusqu'au {today.AddDays(1):yyyy-MM-dd} inclus)"));

        _f.Time.Advance(end - _f.Time.GetUtcNow() - TimeSpan.FromSeconds(1));
        Assert.That(_f.Allowed("dane", CoreRights.AdminAccounts), Is.True, "one second before the end");
        _f.Time.Advance(TimeSpan.FromSeconds(1));

        var decision = _f.Service.Check(_f["dane"], CoreRights.AdminAccounts);
        Assert.That(decision.Allowed, Is.False);
        Assert.That(decision.Reason, Does.StartWith("dane n'a pas le droit administration.accounts").And.Contain("a pris fin"));
        Assert.That(_f.Service.IsActive(_f.Service.Delegations.Single()), Is.False, "listed as expired");
    }

    [Test]
    public void Revoke_EndsItAtOnceAndIsAudited()
    {
        _f.Service.GrantDelegation("dane", null, "admin");
        _f.Service.RevokeDelegation("dane", "principal.admin");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(_f.Allowed("dane", CoreRights.AdminServices), Is.False);
            Assert.That(_f.Service.Delegations, Is.Empty);
            Assert.That(_f.Store.AuditEntries[^1], Is.EqualTo(new Core.Storage.AuditEntry(_f.Time.GetUtcNow(), "principal.admin", "delegation.revoke", "dane : délégation d'administration retirée") { Id = 2 }));
            Assert.That(Assert.Throws<RightsException>(() => _f.Service.RevokeDelegation("dane", "admin"))!.NotFound, Is.True);
        }
    }

    [Test]
    public void Delegation_SurvivesARestart()
    {
        _f.Service.GrantDelegation("dane", _f.Time.GetUtcNow().AddDays(3), "admin");
        _f.Restart();
        Assert.That(_f.Allowed("dane", CoreRights.AdminServices), Is.True);
    }

    [Test]
    public void Grant_RefusesOtherAccountsAndPastEnds()
    {
        using (Assert.EnterMultipleScope())
        {
            Assert.That(Assert.Throws<RightsException>(() => _f.Service.GrantDelegation("cpe", null, "admin"))!.Message, Does.Contain("support académique"));
            Assert.That(Assert.Throws<RightsException>(() => _f.Service.GrantDelegation("personne", null, "admin"))!.NotFound, Is.True);
            Assert.That(Assert.Throws<RightsException>(() => _f.Service.GrantDelegation("dane", _f.Time.GetUtcNow(), "admin"))!.Message, Does.Contain("déjà passée"));
            Assert.That(_f.Service.Delegations, Is.Empty);
        }
    }
}
