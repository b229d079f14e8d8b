using Preau.Core.Rights;

namespace Preau.Core.Tests.Rights;

/// <summary>The per-school roles: recorded, listed, removed, audited.</summary>
public class EntRoleTests
{
    private RightsFixture _f = null!;

    [SetUp]
    public void NewSchool() => _f = new RightsFixture();

    [Test]
    public void Assign_ListsTheRoleInTheAccountsSchool()
    {
        Assert.That(_f.Service.AssignRole("prof.maths", EntRole.ReferentNumerique, null, "admin"), Is.True);
        Assert.That(_f.Service.AssignRole("admin", EntRole.AdministrateurEnt, "0000001a", "admin"), Is.True);
        Assert.That(_f.Service.AssignRole("prof.maths", EntRole.ReferentNumerique, null, "admin"), Is.False, "already recorded");

        var roles = _f.Service.Roles("0000001A");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(roles.Select(r => (r.Uai, r.Role, r.Login, r.AssignedBy)), Is.EqualTo(new[]
            {
                ("0000001A", EntRole.AdministrateurEnt, "admin", "admin"),
                ("0000001A", EntRole.ReferentNumerique, "prof.maths", "admin"),
            }));
            Assert.That(roles[1].RoleLabel, Is.EqualTo("Référent numérique"));
            Assert.That(_f.Store.AuditEntries.Select(e => e.Detail), Is.EqualTo(new[]
            {
                "Référent numérique : prof.maths (0000001A)",
                "Administrateur ENT : admin (0000001A)",
            }));
            Assert.That(_f.Allowed("prof.maths", CoreRights.AdminServices), Is.False, "a role is recorded, it grants nothing");
        }
    }

    [Test]
    public void Unassign_RemovesItAndIsAudited()
    {
        _f.Service.AssignRole("cpe", EntRole.PersonneRessourceNumerique, null, "admin");
        _f.Restart();
        Assert.That(_f.Service.Roles(), Has.Count.EqualTo(1), "kept across restarts");
        _f.Service.UnassignRole("cpe", EntRole.PersonneRessourceNumerique, null, "admin");
        Assert.That(_f.Service.Roles(), Is.Empty);
        Assert.That(_f.Store.AuditEntries[^1].Action, Is.EqualTo("roles.unassign"));
        Assert.That(Assert.Throws<RightsException>(() => _f.Service.UnassignRole("cpe", EntRole.PersonneRessourceNumerique, null, "admin"))!.NotFound, Is.True);
    }

    [Test]
    public void Assign_RefusesPupilsParentsAndUnknownSchools()
    {
        using (Assert.EnterMultipleScope())
        {
            Assert.That(Assert.Throws<RightsException>(() => _f.Service.AssignRole("eleve.6a", EntRole.ReferentNumerique, null, "admin"))!.Message, Does.Contain("personnel"));
            Assert.Throws<RightsException>(() => _f.Service.AssignRole("parent.6a", EntRole.ReferentNumerique, null, "admin"));
            Assert.That(Assert.Throws<RightsException>(() => _f.Service.AssignRole("cpe", EntRole.ReferentNumerique, "9999999Z", "admin"))!.NotFound, Is.True);
            Assert.That(_f.Service.Roles(), Is.Empty);
        }
    }

    [TestCase("ReferentNumerique", EntRole.ReferentNumerique)]
    [TestCase("referent-numerique", EntRole.ReferentNumerique)]
    [TestCase("Référent numérique", EntRole.ReferentNumerique)]
    [TestCase("personne ressource au numérique", EntRole.PersonneRessourceNumerique)]
    [TestCase("administrateurent", EntRole.AdministrateurEnt)]
    public void ParseRole_NamesLabelsAndDashedForms(string text, EntRole expected) =>
        Assert.That(RightsService.ParseRole(text), Is.EqualTo(expected));

    [Test]
    public void ParseRole_Unknown_SaysWhichExist() =>
        Assert.That(Assert.Throws<RightsException>(() => RightsService.ParseRole("directeur"))!.Message, Does.Contain("ReferentNumerique"));
}
