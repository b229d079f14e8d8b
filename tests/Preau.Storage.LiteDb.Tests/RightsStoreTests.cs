using Preau.Core.Rights;
using Preau.Core.Storage;

namespace Preau.Storage.LiteDb.Tests;

public sealed class RightsStoreTests : TempFolderTest
{
    [Test]
    public void GrantOverrides_SaveReplaceDelete_SurviveReopening()
    {
        var psyen = Grantee.Parse("function:PsyEn");
        var parents = Grantee.Parse("profile:Responsable");
        using (var store = new LiteDbStore(DataDir))
        {
            store.SaveGrantOverride(new GrantOverride("cahier-de-textes.read-all", psyen, true, "admin", T0));
            store.SaveGrantOverride(new GrantOverride("messagerie.send", parents, true, "admin", T0));
            store.SaveGrantOverride(new GrantOverride("messagerie.send", parents, false, "dane", T0.AddHours(1)));
            store.SaveGrantOverride(new GrantOverride("notes.read-all", Grantee.ForAccount("cpe"), true, "admin", T0));
            store.DeleteGrantOverride("notes.read-all", Grantee.ForAccount("cpe"));
            store.DeleteGrantOverride("notes.read-all", Grantee.ForAccount("personne"));
        }

        using var reopened = new LiteDbStore(DataDir);
        Assert.That(reopened.LoadGrantOverrides().OrderBy(o => o.Right, StringComparer.Ordinal), Is.EqualTo(new[]
        {
            new GrantOverride("cahier-de-textes.read-all", psyen, true, "admin", T0),
            new GrantOverride("messagerie.send", parents, false, "dane", T0.AddHours(1)),
        }));
    }

    [Test]
    public void Delegations_WithAndWithoutEnd_SurviveReopening()
    {
        var open = new Delegation("acc-dane", "dane", "admin", T0, null);
        var bounded = new Delegation("acc-dane2", "dane2", "admin", T0, T0.AddDays(30));
        using (var store = new LiteDbStore(DataDir))
        {
            store.SaveDelegation(open);
            store.SaveDelegation(bounded);
            store.SaveDelegation(bounded with { Until = T0.AddDays(7) });
        }

        using var reopened = new LiteDbStore(DataDir);
        Assert.That(reopened.LoadDelegations().OrderBy(d => d.Login, StringComparer.Ordinal), Is.EqualTo(new[] { open, bounded with { Until = T0.AddDays(7) } }));
        reopened.DeleteDelegation("acc-dane");
        Assert.That(reopened.LoadDelegations().Select(d => d.Login), Is.EqualTo(new[] { "dane2" }));
    }

    [Test]
    public void RoleAssignments_SaveDelete_SurviveReopening()
    {
        var referent = new EntRoleAssignment("0519999Z", EntRole.ReferentNumerique, "acc-prof.maths", "prof.maths", "admin", T0);
        var admin = new EntRoleAssignment("0519999Z", EntRole.AdministrateurEnt, "acc-admin", "admin", "admin", T0);
        using (var store = new LiteDbStore(DataDir))
        {
            store.SaveRoleAssignment(referent);
            store.SaveRoleAssignment(admin);
            store.DeleteRoleAssignment("0519999Z", EntRole.AdministrateurEnt, "acc-admin");
        }

        using var reopened = new LiteDbStore(DataDir);
        Assert.That(reopened.LoadRoleAssignments(), Is.EqualTo(new[] { referent }));
    }

    [Test]
    public void AuditQuery_FiltersByActorActionFamilyAndDates_PagesBackwards()
    {
        using var store = new LiteDbStore(DataDir);
        IAuditLog log = store;
        var t = new DateTimeOffset(2026, 9, 1, 8, 0, 0, TimeSpan.Zero);
        log.Append(new AuditEntry(t, "demo", "directory.import", "import"));
        log.Append(new AuditEntry(t.AddHours(1), "admin", "rights.grant", "g1"));
        log.Append(new AuditEntry(t.AddHours(2), "dane", "rights.revoke", "r1"));
        log.Append(new AuditEntry(t.AddHours(3), "admin", "rightsx.other", "not a rights entry"));
        log.Append(new AuditEntry(t.AddHours(4), "ADMIN", "delegation.grant", "d1"));
        log.Append(new AuditEntry(t.AddHours(5), "admin", "rights.grant", "g2"));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(log.Query(new AuditQuery(Action: "rights")).Select(e => e.Detail), Is.EqualTo(new[] { "g2", "r1", "g1" }));
            Assert.That(log.Query(new AuditQuery(Action: "rights.grant")).Select(e => e.Detail), Is.EqualTo(new[] { "g2", "g1" }));
            Assert.That(log.Query(new AuditQuery(Actor: "admin")).Select(e => e.Detail), Is.EqualTo(new[] { "g2", "d1", "not a rights entry", "g1" }));
            Assert.That(log.Query(new AuditQuery(From: t.AddHours(2), To: t.AddHours(4))).Select(e => e.Detail), Is.EqualTo(new[] { "not a rights entry", "r1" }));
            var first = log.Query(new AuditQuery(Limit: 2));
            Assert.That(first.Select(e => e.Id), Is.EqualTo(new long[] { 6, 5 }));
            Assert.That(log.Query(new AuditQuery(Limit: 2, Before: first[^1].Id)).Select(e => e.Detail), Is.EqualTo(new[] { "not a rights entry", "r1" }));
            Assert.That(log.Query(new AuditQuery(Before: 1)), Is.Empty);
        }
    }
}
