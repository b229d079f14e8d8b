using Preau.Core.Accounts;
using Preau.Core.Auth;
using Preau.Core.Directory;
using Preau.Core.Tests.Fakes;

namespace Preau.Core.Tests.Directory;

public class AccountAdministrationTests
{
    [Test]
    public void Create_DerivesPrenomNom_NumbersOnCollision_ActiveWithAVerifiablePassword()
    {
        var f = new PortalFixture();
        var first = f.Accounts.Create(new NewAccount(null, "Élodie", "Le Bœuf", Profile.Enseignant), "admin");
        var second = f.Accounts.Create(new NewAccount(null, "Elodie", "le boeuf", Profile.Enseignant), "admin");
        Assert.That(first.Account.Login, Is.EqualTo("elodie.le-boeuf"));
        Assert.That(second.Account.Login, Is.EqualTo("elodie.le-boeuf2"));
        Assert.That(first.Account.State, Is.EqualTo(AccountState.Active));
        Assert.That(first.Account.DisplayName, Is.EqualTo("Élodie Le Bœuf"));
        Assert.That(first.InitialPassword, Has.Length.EqualTo(PasswordGenerator.Length));
        Assert.That(first.InitialPassword.All(PasswordGenerator.Alphabet.Contains), Is.True);
        Assert.That(PasswordHasher.Verify(first.InitialPassword, f.Get("elodie.le-boeuf").PasswordHash!), Is.True);
        Assert.That(f.DirectoryStore.AccountsWithMailboxes, Does.Contain(first.Account.Id));
        Assert.That(f.Stores.AuditEntries.Count(e => e.Action == "account.add" && e.Actor == "admin"), Is.EqualTo(2));
        Assert.That(f.Stores.AuditEntries.Any(e => e.Detail.Contains(first.InitialPassword, StringComparison.Ordinal)), Is.False);
    }

    [Test]
    public void Create_Refusals_AreFrench()
    {
        var f = new PortalFixture();
        Assert.That(Assert.Throws<DirectoryException>(() => f.Accounts.Create(new NewAccount("eleve.6a", "A", "B", Profile.Eleve), "admin"))!.Message, Does.Contain("déjà pris"));
        Assert.That(Assert.Throws<DirectoryException>(() => f.Accounts.Create(new NewAccount("Pas Valide", "A", "B", Profile.Eleve), "admin"))!.Message, Does.Contain("identifiant valide"));
        Assert.That(Assert.Throws<DirectoryException>(() => f.Accounts.Create(new NewAccount("profs.6a", "A", "B", Profile.Eleve), "admin"))!.Message, Does.Contain("réservé"));
        Assert.That(Assert.Throws<DirectoryException>(() => f.Accounts.Create(new NewAccount(null, "A", "  ", Profile.Eleve), "admin"))!.Message, Does.Contain("nom"));
        Assert.That(Assert.Throws<DirectoryException>(() => f.Accounts.Create(new NewAccount(null, "!!", "??", Profile.Eleve), "admin"))!.Message, Does.Contain("lettres"));
        Assert.That(Assert.Throws<DirectoryException>(() => f.Accounts.Create(new NewAccount(null, "A", "B", Profile.Responsable, StaffFunction.Cpe), "admin"))!.Message, Does.Contain("fonction"));
    }

    [Test]
    public void Search_TextIgnoresAccentsAndCase_FiltersCombine_Pages()
    {
        var f = new PortalFixture();
        f.Accounts.Create(new NewAccount(null, "Hélène", "Écrivain", Profile.Enseignant), "admin");
        Assert.That(f.Accounts.Search(new AccountQuery("ecriv")).Items.Single().Account.Login, Is.EqualTo("helene.ecrivain"));
        Assert.That(f.Accounts.Search(new AccountQuery("HÉLÈNE ÉCRIVAIN")).Total, Is.EqualTo(1));

        var sixA = f.Accounts.Search(new AccountQuery(ClassCode: "6a"));
        Assert.That(sixA.Items.Select(r => r.Account.Login), Is.EquivalentTo(new[] { "eleve.6a", "eleve2.6a", "suspendu.6a", "parent.6a", "prof.anglais", "prof.maths" }));
        var suspended = f.Accounts.Search(new AccountQuery(State: AccountState.Suspended));
        Assert.That(suspended.Items.Single().Account.Login, Is.EqualTo("suspendu.6a"));
        Assert.That(suspended.Items.Single().Classes, Is.EqualTo(new[] { "6A" }));

        var all = f.Accounts.Search(new AccountQuery(Limit: 500));
        var page = f.Accounts.Search(new AccountQuery(Offset: 2, Limit: 3));
        Assert.That(page.Total, Is.EqualTo(all.Total));
        Assert.That(page.Items.Select(r => r.Account.Login), Is.EqualTo(all.Items.Skip(2).Take(3).Select(r => r.Account.Login)));
        Assert.Throws<DirectoryException>(() => f.Accounts.Search(new AccountQuery(Limit: 0)));
        Assert.Throws<DirectoryException>(() => f.Accounts.Search(new AccountQuery(ClassCode: "9Z")));
    }

    [Test]
    public void Classes_OfPupilParentAndTeacher()
    {
        var f = new PortalFixture();
        var graph = f.Directory.Graph;
        Assert.That(AccountAdministration.ClassesOf(graph, f.Get("eleve2.6a")), Is.EqualTo(new[] { "6A", "LATIN" }));
        Assert.That(AccountAdministration.ClassesOf(graph, f.Get("parent.6a")), Is.EqualTo(new[] { "6A" }));
        Assert.That(AccountAdministration.ClassesOf(graph, f.Get("prof.anglais")), Is.EqualTo(new[] { "5B", "6A" }));
        Assert.That(AccountAdministration.ClassesOf(graph, f.Get("cpe")), Is.Empty);
    }

    [Test]
    public async Task Suspend_RefusesLogins_Reactivate_Restores_ResetReplacesThePassword()
    {
        var f = new PortalFixture();
        var created = f.Accounts.Create(new NewAccount(null, "Sam", "Suspens", Profile.Eleve), "admin");
        var login = created.Account.Login;
        Assert.That((await f.Authenticator.AuthenticateAsync(login, created.InitialPassword, "10.0.0.1")).Succeeded, Is.True);

        Assert.That(f.Accounts.Suspend(login, "admin").State, Is.EqualTo(AccountState.Suspended));
        Assert.That((await f.Authenticator.AuthenticateAsync(login, created.InitialPassword, "10.0.0.1")).Failure, Is.EqualTo(AuthFailure.NotActive));
        Assert.That(f.Accounts.Reactivate(login, "admin").State, Is.EqualTo(AccountState.Active));
        Assert.That((await f.Authenticator.AuthenticateAsync(login, created.InitialPassword, "10.0.0.1")).Succeeded, Is.True);

        var fresh = f.Accounts.ResetPassword(login, "admin");
        Assert.That(fresh, Is.Not.EqualTo(created.InitialPassword));
        Assert.That((await f.Authenticator.AuthenticateAsync(login, created.InitialPassword, "10.0.0.1")).Succeeded, Is.False, "the cached credential is dropped");
        Assert.That((await f.Authenticator.AuthenticateAsync(login, fresh, "10.0.0.1")).Succeeded, Is.True);
        Assert.That(Assert.Throws<DirectoryException>(() => f.Accounts.Suspend("personne", "admin"))!.NotFound, Is.True);
    }

    [Test]
    public void Reactivate_NeverActivated_Refused()
    {
        var f = new PortalFixture();
        f.Directory.SetState("eleve.5b", AccountState.NotActivated, "test");
        Assert.That(Assert.Throws<DirectoryException>(() => f.Accounts.Reactivate("eleve.5b", "admin"))!.Message, Does.Contain("jamais été activé"));
    }
}
