using Preau.Core.Accounts;
using Preau.Core.Rights;

namespace Preau.Core.Tests.Rights;

/// <summary>The administrator's changes: effect, persistence, audit, plugins coming and going.</summary>
public class RightsOverrideTests
{
    private static readonly ServiceDefinition CahierPlugin = new("cahier-de-textes", "Cahier de textes", "cahier",
    [
        new("read-all", "Lire tous les cahiers", [Grantee.ForProfile(Profile.Enseignant)]),
        new("session-manage", "Gérer les séances", [Grantee.ForProfile(Profile.Enseignant)]),
    ]);

    private RightsFixture _f = null!;

    [SetUp]
    public void NewSchool() => _f = new RightsFixture();

    [Test]
    public void Revoke_ProfileDefault_TakesEffectAndIsAudited()
    {
        Assert.That(_f.Service.SetGrant(CoreRights.MessagerieSend, Grantee.ForProfile(Profile.Responsable), false, "admin"), Is.True);

        var decision = _f.Service.Check(_f["parent.6a"], CoreRights.MessagerieSend);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(decision.Allowed, Is.False);
            Assert.That(decision.Reason, Is.EqualTo("parent.6a n'a pas le droit messagerie.send (Messagerie : Envoyer des messages)"));
            Assert.That(_f.Allowed("eleve.6a", CoreRights.MessagerieSend), Is.True);
            var entry = _f.Store.AuditEntries.Single();
            Assert.That((entry.Actor, entry.Action, entry.Detail), Is.EqualTo(("admin", "rights.revoke", "messagerie.send : profile:Responsable (profil Responsables) retiré")));
            Assert.That(entry.At, Is.EqualTo(_f.Time.GetUtcNow()));
        }
    }

    [Test]
    public void Grant_ToAFunction_SwitchesASeedDecision()
    {
        Assert.That(_f.Allowed("psyen", "cahier-de-textes.read-all"), Is.False);
        _f.Service.SetGrant("cahier-de-textes.read-all", Grantee.Parse("function:PsyEn"), true, "admin");

        Assert.That(_f.Allowed("psyen", "cahier-de-textes.read-all"), Is.True);
        var cell = _f.Service.Matrix("cahier-de-textes").Single().Actions[0].Grants.Single(g => g.Grantee.Value == "PsyEn");
        Assert.That(cell, Is.EqualTo(new MatrixGrant(Grantee.ForFunction(StaffFunction.PsyEn), true, false, true)));
    }

    [Test]
    public void Grant_ToAnAccount_OnlyThatAccount()
    {
        _f.Service.SetGrant(CoreRights.AdminAudit, Grantee.Parse("account:PROF.MATHS"), true, "admin");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(_f.Allowed("prof.maths", CoreRights.AdminAudit), Is.True);
            Assert.That(_f.Service.Check(_f["prof.maths"], CoreRights.AdminAudit).Reason, Does.EndWith("(compte prof.maths)"));
            Assert.That(_f.Allowed("prof.anglais", CoreRights.AdminAudit), Is.False);
            Assert.That(_f.Service.Matrix("administration").Single().Actions.Single(a => a.Right == CoreRights.AdminAudit).Grants
                .Single(g => g.Grantee.Kind == GranteeKind.Account), Is.EqualTo(new MatrixGrant(Grantee.ForAccount("prof.maths"), true, false, true)));
        }
    }

    [Test]
    public void SetGrant_BackToTheDefault_RemovesTheOverride()
    {
        var parents = Grantee.ForProfile(Profile.Responsable);
        _f.Service.SetGrant(CoreRights.MessagerieSend, parents, false, "admin");
        Assert.That(_f.Store.Grants, Has.Count.EqualTo(1));

        Assert.That(_f.Service.SetGrant(CoreRights.MessagerieSend, parents, true, "admin"), Is.True);
        Assert.That(_f.Store.Grants, Is.Empty);
        Assert.That(_f.Allowed("parent.6a", CoreRights.MessagerieSend), Is.True);
        Assert.That(_f.Service.SetGrant(CoreRights.MessagerieSend, parents, true, "admin"), Is.False, "no change, not audited");
        Assert.That(_f.Store.AuditEntries.Select(e => e.Action), Is.EqualTo(new[] { "rights.revoke", "rights.grant" }));
    }

    [Test]
    public void ResetGrant_BringsBackTheDefault()
    {
        var cpe = Grantee.ForFunction(StaffFunction.Cpe);
        _f.Service.SetGrant("sanctions.manage", cpe, false, "admin");
        Assert.That(_f.Allowed("cpe", "sanctions.manage"), Is.False);

        Assert.That(_f.Service.ResetGrant("sanctions.manage", cpe, "admin"), Is.True);
        Assert.That(_f.Allowed("cpe", "sanctions.manage"), Is.True);
        Assert.That(_f.Service.ResetGrant("sanctions.manage", cpe, "admin"), Is.False);
        Assert.That(_f.Store.AuditEntries[^1].Action, Is.EqualTo("rights.reset"));
    }

    [Test]
    public void Overrides_SurviveARestart()
    {
        _f.Service.SetGrant(CoreRights.MessagerieSendExternal, Grantee.ForProfile(Profile.Eleve), false, "admin");
        _f.Restart();
        Assert.That(_f.Allowed("eleve.6a", CoreRights.MessagerieSendExternal), Is.False);
    }

    [Test]
    public void RevokingServicesFromTheAdministrators_Refused()
    {
        var ex = Assert.Throws<RightsException>(() => _f.Service.SetGrant(CoreRights.AdminServices, Grantee.ForProfile(Profile.AdministrateurEnt), false, "admin"));
        Assert.That(ex!.Message, Does.Contain("garde toujours"));
        Assert.That(_f.Allowed("admin", CoreRights.AdminServices), Is.True);
    }

    [Test]
    public void SetGrant_UnknownRightOrAccount_RefusedAsNotFound()
    {
        var right = Assert.Throws<RightsException>(() => _f.Service.SetGrant("agenda.read", Grantee.ForProfile(Profile.Eleve), true, "admin"));
        var account = Assert.Throws<RightsException>(() => _f.Service.SetGrant(CoreRights.AdminAudit, Grantee.ForAccount("personne"), true, "admin"));
        using (Assert.EnterMultipleScope())
        {
            Assert.That(right!.NotFound, Is.True);
            Assert.That(account!.NotFound, Is.True);
            Assert.That(account.Message, Does.Contain("personne"));
            Assert.That(_f.Store.AuditEntries, Is.Empty);
        }
    }

    [Test]
    public void Register_PluginDeclaringASeedRight_GetsTheSchoolsDefaults()
    {
        _f.Service.Register(CahierPlugin);
        var installed = _f.Service.Services.Single(s => s.Id == "cahier-de-textes");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(installed.Owner, Is.EqualTo("cahier"));
            Assert.That(_f.Allowed("prof.maths", "cahier-de-textes.read-all"), Is.False, "the school's decision wins over the plugin's guess");
            Assert.That(_f.Allowed("principal", "cahier-de-textes.read-all"), Is.True);
            Assert.That(_f.Allowed("prof.maths", "cahier-de-textes.session-manage"), Is.True, "the plugin's own defaults for the rest");
            Assert.That(_f.Service.PendingServices.Select(s => s.Id), Does.Not.Contain("cahier-de-textes"));
            Assert.That(_f.Service.Exists("cahier-de-textes.read-rooms"), Is.False, "the plugin's declaration is the service now");
        }
    }

    [Test]
    public void Unregister_ThenRegisterAgain_KeepsTheAdministratorsChanges()
    {
        _f.Service.Register(CahierPlugin);
        _f.Service.SetGrant("cahier-de-textes.session-manage", Grantee.ForFunction(StaffFunction.Cpe), true, "admin");
        _f.Service.Unregister("cahier-de-textes");

        Assert.That(_f.Service.Exists("cahier-de-textes.session-manage"), Is.False);
        Assert.That(_f.Service.Check(_f["cpe"], "cahier-de-textes.session-manage").Allowed, Is.False);
        Assert.That(_f.Service.PendingServices.Select(s => s.Id), Does.Contain("cahier-de-textes"), "the seed decisions come back");

        _f.Service.Register(CahierPlugin with { Label = "Cahier de textes 2" });
        Assert.That(_f.Allowed("cpe", "cahier-de-textes.session-manage"), Is.True);
        Assert.That(_f.Service.Services.Single(s => s.Id == "cahier-de-textes").Label, Is.EqualTo("Cahier de textes 2"));
        Assert.That(_f.Service.Services.Count(s => s.Id == "cahier-de-textes"), Is.EqualTo(1));
    }

    [Test]
    public void Register_ClashesAndMalformedDeclarations_Refused()
    {
        var action = new ServiceAction("read", "Lire", []);
        using (Assert.EnterMultipleScope())
        {
            Assert.Throws<InvalidOperationException>(() => _f.Service.Register(new ServiceDefinition("messagerie", "Ma messagerie", "evil", [action])));
            Assert.Throws<InvalidOperationException>(() => _f.Service.Unregister("administration"));
            Assert.Throws<ArgumentException>(() => _f.Service.Register(new ServiceDefinition("Agenda", "Agenda", "agenda", [action])));
            Assert.Throws<ArgumentException>(() => _f.Service.Register(new ServiceDefinition("agenda", "Agenda", "agenda", [action, action])));
            Assert.Throws<ArgumentException>(() => _f.Service.Register(new ServiceDefinition("agenda", "Agenda", "agenda", [action with { Id = "a.b" }])));
            Assert.Throws<ArgumentException>(() => _f.Service.Register(new ServiceDefinition("agenda", "Agenda", "agenda", [])));
        }

        _f.Service.Register(new ServiceDefinition("agenda", "Agenda", "agenda", [action]));
        Assert.Throws<InvalidOperationException>(() => _f.Service.Register(new ServiceDefinition("agenda", "Agenda", "autre", [action])));
        Assert.That(_f.Allowed("admin", "agenda.read"), Is.False, "no default grantee");
    }
}
