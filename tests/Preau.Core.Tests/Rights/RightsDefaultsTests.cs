using Preau.Core.Rights;

namespace Preau.Core.Tests.Rights;

/// <summary>What a fresh school decides before any administrator touches the matrix.</summary>
public class RightsDefaultsTests
{
    private RightsFixture _f = null!;

    [SetUp]
    public void NewSchool() => _f = new RightsFixture();

    [Test]
    public void Services_CoreDeclaresMessagerieCommunicationAndAdministration()
    {
        Assert.That(_f.Service.Services.Select(s => (s.Id, s.Owner)),
            Is.EqualTo(new[] { ("messagerie", "core"), ("communication", "core"), ("administration", "core") }));
        var administration = _f.Service.Services.Single(s => s.Id == "administration");
        Assert.That(administration.Label, Is.EqualTo("Administration"));
        Assert.That(administration.Actions.Select(a => a.Id), Is.SupersetOf(new[] { "plugins", "services", "accounts", "policy", "audit", "delegation" }));
    }

    [TestCase("eleve.6a")]
    [TestCase("parent.6a")]
    [TestCase("prof.maths")]
    [TestCase("cpe")]
    [TestCase("admin")]
    public void Messagerie_EveryProfileReadsSendsAndWritesOutside(string login)
    {
        using (Assert.EnterMultipleScope())
        {
            Assert.That(_f.Allowed(login, CoreRights.MessagerieRead), Is.True);
            Assert.That(_f.Allowed(login, CoreRights.MessagerieSend), Is.True);
            Assert.That(_f.Allowed(login, CoreRights.MessagerieSendExternal), Is.True, "the sending rules still close it to pupils");
        }
    }

    [Test]
    public void Administration_OnlyTheAdministratorProfile()
    {
        foreach (var right in CoreRights.Services.Single(s => s.Id == "administration").Actions.Select(a => $"administration.{a.Id}"))
        {
            using (Assert.EnterMultipleScope())
            {
                Assert.That(_f.Allowed("admin", right), Is.True, right);
                Assert.That(_f.Allowed("principal.admin", right), Is.True, right);
                Assert.That(_f.Allowed("principal", right), Is.False, right);
                Assert.That(_f.Allowed("cpe", right), Is.False, right);
                Assert.That(_f.Allowed("prof.maths", right), Is.False, right);
                Assert.That(_f.Allowed("eleve.6a", right), Is.False, right);
            }
        }
    }

    [Test]
    public void HeadTeacher_TwoIdentities_HoldDifferentRights()
    {
        var publication = _f["principal"];
        var administration = _f["principal.admin"];
        using (Assert.EnterMultipleScope())
        {
            Assert.That(_f.Service.Check(publication, CoreRights.SendTargeted).Allowed, Is.True, "principal sends targeted mail");
            Assert.That(_f.Service.Check(publication, CoreRights.PublishAnnouncement).Allowed, Is.True, "principal publishes");
            Assert.That(_f.Service.Check(publication, CoreRights.AdminServices).Allowed, Is.False, "principal does not administer");
            Assert.That(_f.Service.Check(administration, CoreRights.AdminServices).Allowed, Is.True, "principal.admin administers");
            Assert.That(_f.Service.Check(administration, CoreRights.AdminPlugins).Allowed, Is.True);
            Assert.That(_f.Service.Check(publication, CoreRights.AdminServices).Reason,
                Is.EqualTo("principal n'a pas le droit administration.services (Administration : Gérer les services et les droits)"));
        }
    }

    [Test]
    public void Communication_NotForTeachersPupilsOrParents()
    {
        using (Assert.EnterMultipleScope())
        {
            Assert.That(_f.Allowed("prof.maths", CoreRights.SendTargeted), Is.False);
            Assert.That(_f.Allowed("parent.6a", CoreRights.SendTargeted), Is.False);
            Assert.That(_f.Allowed("eleve.6a", CoreRights.PublishAnnouncement), Is.False);
            Assert.That(_f.Allowed("admin", CoreRights.SendTargeted), Is.True);
        }
    }

    [Test]
    public void SeedDecisions_HoldBeforeAnyPluginIsInstalled()
    {
        using (Assert.EnterMultipleScope())
        {
            Assert.That(_f.Allowed("prof.maths", "fiche-eleve.read"), Is.True, "teachers read pupil records");
            Assert.That(_f.Allowed("parent.6a", "fiche-eleve.read"), Is.False);
            Assert.That(_f.Allowed("cpe", "sanctions.manage"), Is.True, "the CPE manages sanctions");
            Assert.That(_f.Allowed("prof.maths", "sanctions.manage"), Is.False);
            Assert.That(_f.Allowed("cpe", "notes.read-all"), Is.True, "CPE reads grades");
            Assert.That(_f.Allowed("vie.scolaire", "notes.read-all"), Is.True, "vie scolaire reads grades");
            Assert.That(_f.Allowed("principal", "cahier-de-textes.read-all"), Is.True);
            Assert.That(_f.Allowed("psyen", "cahier-de-textes.read-all"), Is.False, "PsyEN does not read it unless granted");
            Assert.That(_f.Allowed("vie.scolaire", "cahier-de-textes.read-rooms"), Is.True);
            Assert.That(_f.Allowed("prof.maths", "cahier-de-textes.read-all"), Is.False);
        }

        Assert.That(_f.Service.PendingServices.Select(s => s.Id), Is.EquivalentTo(new[] { "fiche-eleve", "notes", "sanctions", "cahier-de-textes" }));
        Assert.That(_f.Service.Matrix().Where(s => !s.Installed).Select(s => s.Id), Is.EquivalentTo(_f.Service.PendingServices.Select(s => s.Id)));
    }

    [Test]
    public void Matrix_ListsEveryProfileAndFunctionSoEachDecisionIsSwitchable()
    {
        var action = _f.Service.Matrix("cahier-de-textes").Single().Actions.Single(a => a.Right == "cahier-de-textes.read-all");
        var psyen = action.Grants.Single(g => g.Grantee == Grantee.ForFunction(Core.Accounts.StaffFunction.PsyEn));
        var direction = action.Grants.Single(g => g.Grantee == Grantee.ForFunction(Core.Accounts.StaffFunction.Direction));
        using (Assert.EnterMultipleScope())
        {
            Assert.That(psyen, Is.EqualTo(new MatrixGrant(psyen.Grantee, false, false, false)));
            Assert.That(direction, Is.EqualTo(new MatrixGrant(direction.Grantee, true, true, false)));
            Assert.That(action.Grants, Has.Count.EqualTo(5 + 10), "five profiles and ten functions");
        }
    }

    [Test]
    public void Check_UnknownRight_RefusedNamingIt()
    {
        var decision = _f.Service.Check(_f["admin"], "agenda.read");
        Assert.That(decision, Is.EqualTo(new RightDecision(false, "agenda.read", "le droit agenda.read n'existe pas : aucun service installé ne le déclare")));
    }

    [Test]
    public void Check_Granted_SaysWhatGrantsIt()
    {
        Assert.That(_f.Service.Check(_f["cpe"], "sanctions.manage").Reason, Is.EqualTo("cpe a le droit sanctions.manage (fonction CPE)"));
        Assert.That(_f.Service.Check(_f["prof.maths"], "fiche-eleve.read").Reason, Is.EqualTo("prof.maths a le droit fiche-eleve.read (profil Enseignants)"));
    }

    [Test]
    public void Check_SuspendedAccount_RefusedEvenWithTheRight()
    {
        var before = _f["eleve.6a"];
        _f.Suspend("eleve.6a");
        var decision = _f.Service.Check(before, CoreRights.MessagerieSend);
        Assert.That(decision.Allowed, Is.False, "the current record counts, not the caller's copy");
        Assert.That(decision.Reason, Does.Contain("messagerie.send").And.Contain("n'est pas actif"));
    }
}
