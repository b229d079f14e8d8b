using Preau.IntegrationTests.Infrastructure;
using Preau.Server.Cli;

namespace Preau.IntegrationTests.Cli;

/// <summary><c>preau rights|delegation|roles|audit</c>, in process and through the running server's admin socket.</summary>
public class RightsCliTests : SharedServerFixture
{
    private (int Exit, string Output) Run(params string[] words)
    {
        var output = new StringWriter();
        var exit = CliApp.Run(Server.Runtime, words, output);
        return (exit, output.ToString());
    }

    [Test]
    public void RightsShow_ListsServicesActionsAndGrantees()
    {
        var (exit, output) = Run("rights", "show");
        Assert.That(exit, Is.Zero, output);
        Assert.That(output, Does.Contain("messagerie : Messagerie (déclaré par core)")
            .And.Contain("communication.send-targeted")
            .And.Contain("profile:AdministrateurEnt, function:Direction")
            .And.Contain("cahier-de-textes : Cahier de textes (décision de l'établissement, en attente de son extension)"));

        var (_, one) = Run("rights", "show", "sanctions");
        Assert.That(one, Does.Contain("sanctions.manage").And.Not.Contain("messagerie.send"));
        Assert.That(Run("rights", "show", "inconnu").Exit, Is.EqualTo(1));
    }

    [Test]
    public void RightsGrantCheckRevoke_ChangeWhatCheckSays()
    {
        Assert.That(Run("rights", "check", "psy.en", "cahier-de-textes.read-all").Exit, Is.EqualTo(1), "unknown login");
        var psyen = Server.Runtime.Directory.Graph.Data.Accounts.First(a => a.Function == Core.Accounts.StaffFunction.PsyEn).Login;
        Server.Runtime.Directory.SetPassword(psyen, "psy-mot-de-passe", "test"); // generated accounts are not activated
        var (refused, why) = Run("rights", "check", psyen, "cahier-de-textes.read-all");
        Assert.That((refused, why.Trim()), Is.EqualTo((1, $"refusé : {psyen} n'a pas le droit cahier-de-textes.read-all (Cahier de textes : Lire le cahier de textes de tous les enseignants)")));

        var (granted, grantOutput) = Run("rights", "grant", "cahier-de-textes.read-all", "function:PsyEn");
        Assert.That((granted, grantOutput.Trim()), Is.EqualTo((0, "cahier-de-textes.read-all accordé à fonction PsyEN")));
        Assert.That(Run("rights", "check", psyen, "cahier-de-textes.read-all"), Is.EqualTo((0, $"autorisé : {psyen} a le droit cahier-de-textes.read-all (fonction PsyEN)\n")));
        Assert.That(Run("rights", "show", "cahier-de-textes").Output, Does.Contain("function:PsyEn*"));

        Assert.That(Run("rights", "revoke", "cahier-de-textes.read-all", "function:PsyEn").Exit, Is.Zero);
        Assert.That(Run("rights", "check", psyen, "cahier-de-textes.read-all").Exit, Is.EqualTo(1));
        Assert.That(Run("audit", "--limit", "2", "--action", "rights").Output, Does.Contain("rights.revoke").And.Contain("rights.grant").And.Contain("cli:"));
    }

    [TestCase("rights", "grant", "messagerie.send", "groupe:6A", ExpectedResult = 1, TestName = "RightsGrant_BadGrantee_Refused")]
    [TestCase("rights", "grant", "agenda.read", "profile:Eleve", ExpectedResult = 1, TestName = "RightsGrant_UnknownRight_Refused")]
    [TestCase("rights", "revoke", "administration.services", "profile:AdministrateurEnt", ExpectedResult = 1, TestName = "RightsRevoke_AdministratorsKeepServices")]
    [TestCase("rights", "grant", "messagerie.send", ExpectedResult = 2, TestName = "RightsGrant_MissingGrantee_UsageError")]
    [TestCase("delegation", "grant", "cpe", ExpectedResult = 1, TestName = "DelegationGrant_NotASupportAccount_Refused")]
    [TestCase("delegation", "grant", "dane", "--until", "30/09/2026", ExpectedResult = 2, TestName = "DelegationGrant_BadDate_UsageError")]
    [TestCase("delegation", "revoke", "personne", ExpectedResult = 1, TestName = "DelegationRevoke_None_Refused")]
    [TestCase("roles", "assign", "eleve.6a", "ReferentNumerique", ExpectedResult = 1, TestName = "RolesAssign_Pupil_Refused")]
    [TestCase("roles", "assign", "cpe", "Directeur", ExpectedResult = 1, TestName = "RolesAssign_UnknownRole_Refused")]
    [TestCase("audit", "--limit", "zero", ExpectedResult = 2, TestName = "Audit_BadLimit_UsageError")]
    public int Verb_BadInput_ClearErrorAndExitCode(params string[] words) => Run(words).Exit;

    [Test]
    public void Delegation_GrantListRevoke()
    {
        var (exit, output) = Run("delegation", "grant", "dane", "--until", "2999-12-31");
        Assert.That(exit, Is.Zero, output);
        Assert.That(output.Trim(), Is.EqualTo("dane administre l'établissement par délégation jusqu'au 2999-12-31 inclus"));
        Assert.That(Run("rights", "check", "dane", "administration.services").Exit, Is.Zero);
        Assert.That(Run("delegation", "list").Output, Does.Contain("dane").And.Contain("active").And.Contain("1 délégation(s)"));

        Assert.That(Run("delegation", "revoke", "dane").Exit, Is.Zero);
        Assert.That(Run("rights", "check", "dane", "administration.services").Exit, Is.EqualTo(1));
        Assert.That(Run("delegation", "list").Output, Does.Contain("0 délégation(s)"));
        Assert.That(Run("audit", "--action", "delegation", "--limit", "2").Output, Does.Contain("delegation.revoke").And.Contain("delegation.grant"));
    }

    [Test]
    public void Roles_AssignListUnassign()
    {
        Assert.That(Run("roles", "assign", "prof.maths", "PersonneRessourceNumerique").Exit, Is.Zero);
        Assert.That(Run("roles", "list", "--uai", "0519999Z").Output, Does.Contain("Personne ressource au numérique").And.Contain("prof.maths"));
        Assert.That(Run("roles", "unassign", "prof.maths", "personne-ressource-numerique").Exit, Is.Zero);
        Assert.That(Run("roles", "list").Output, Does.Not.Contain("prof.maths"));
    }

    [Test]
    public void Audit_BareVerbAndListAreTheSame()
    {
        Run("roles", "assign", "cpe", "ReferentNumerique");
        Run("roles", "unassign", "cpe", "ReferentNumerique");
        var (exit, bare) = Run("audit", "--limit", "1");
        Assert.That(exit, Is.Zero);
        Assert.That(bare, Does.Contain("roles.unassign"));
        Assert.That(Run("audit", "list", "--max", "1").Output, Is.EqualTo(bare));
    }

    [Test]
    public void AdminSocket_RightsVerbsActOnTheRunningServer()
    {
        var reply = RemoteCli.TryRun(Server.DataFolder, ["rights", "revoke", "communication.publish-announcement", "function:Direction"]);
        Assert.That(reply, Is.Not.Null);
        Assert.That(reply!.Exit, Is.Zero, reply.Output);
        try
        {
            Assert.That(Server.Runtime.Rights.Check(Server.Runtime.Directory.Find("principal")!, "communication.publish-announcement").Allowed, Is.False,
                "the running server's own matrix changed");
        }
        finally
        {
            Assert.That(RemoteCli.TryRun(Server.DataFolder, ["rights", "reset", "communication.publish-announcement", "function:Direction"])!.Exit, Is.Zero);
        }

        Assert.That(RemoteCli.TryRun(Server.DataFolder, ["rights", "check", "principal", "communication.publish-announcement"])!.Exit, Is.Zero);
    }
}
