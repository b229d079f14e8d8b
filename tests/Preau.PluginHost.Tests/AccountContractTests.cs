using Preau.Core.Accounts;
using Preau.Core.Auth;
using Preau.Core.Storage;
using Preau.PluginHost.Services;
using Preau.PluginHost.Tests.Infrastructure;
using Preau.Plugins.Accounts;
using Preau.Plugins.Graph;

namespace Preau.PluginHost.Tests;

/// <summary>Contract 1.3 over Core: the first password of an account (activation) and the audit trail
/// of what people do through a plugin.</summary>
public class AccountContractTests
{
    private static PluginHostServices Host(TestRuntime test)
    {
        var r = test.Runtime;
        return new PluginHostServices(r.Mail, r.Directory, r.Submission, r.Blobs, r.Store, r.Audit, r.Extensions, r.Time, r.Loggers, r.Configuration, r.Rights);
    }

    private static Account NotActivated(TestRuntime test, string login)
    {
        var directory = test.Runtime.Directory;
        var pupil = directory.Find("eleve.6a")!;
        return directory.AddAccount(pupil with { Id = "acc-" + login, Login = login, DisplayName = login, State = AccountState.NotActivated, PasswordHash = null }, null, "test");
    }

    [Test]
    public void SetInitialPassword_HashesChecksAndActivates_ThenRefusesASecondTime()
    {
        using var test = TestRuntime.Start([]);
        var account = NotActivated(test, "nouvel.eleve");
        var credentials = new AccountCredentials(test.Runtime.Directory, "test-plugin");
        Assert.That(credentials.HasPassword(account.Id), Is.False);

        var weak = Assert.Throws<AccountCredentialsException>(() => credentials.SetInitialPassword(account.Id, "court"))!;
        Assert.That((weak.Problem, weak.Message), Is.EqualTo((CredentialsProblem.WeakPassword, PasswordStrength.Weakness("court", account.Login))));
        Assert.That(credentials.PasswordProblem("nouvel.eleve", "nouvel.eleve"), Does.Contain("identifiant"));

        var record = credentials.SetInitialPassword(account.Id, "une phrase de passe");

        Assert.That(record.Status, Is.EqualTo(AccountStatus.Active));
        var stored = test.Runtime.Directory.Find("nouvel.eleve")!;
        Assert.That(stored.PasswordHash, Does.StartWith("$argon2id$"));
        Assert.That(PasswordHasher.Verify("une phrase de passe", stored.PasswordHash!), Is.True);
        Assert.That(credentials.HasPassword(account.Id), Is.True);
        var again = Assert.Throws<AccountCredentialsException>(() => credentials.SetInitialPassword(account.Id, "une autre phrase"))!;
        Assert.That(again.Problem, Is.EqualTo(CredentialsProblem.AlreadyHasPassword));
        Assert.That(PasswordHasher.Verify("une phrase de passe", test.Runtime.Directory.Find("nouvel.eleve")!.PasswordHash!), Is.True, "the first password stays");
        var entry = test.Runtime.Audit.Query(new AuditQuery(Action: "account.activate")).Single();
        Assert.That((entry.Actor, entry.Detail), Is.EqualTo(("nouvel.eleve", "nouvel.eleve : premier mot de passe choisi (activation par l'extension test-plugin)")));
    }

    [Test]
    public void SetInitialPassword_SuspendedOrUnknown_IsRefused()
    {
        using var test = TestRuntime.Start([]);
        var account = NotActivated(test, "eleve.suspendu");
        test.Runtime.Directory.SetState(account.Login, AccountState.Suspended, "test");
        var credentials = new AccountCredentials(test.Runtime.Directory, "test-plugin");

        var suspended = Assert.Throws<AccountCredentialsException>(() => credentials.SetInitialPassword(account.Id, "une phrase de passe"))!;
        var unknown = Assert.Throws<AccountCredentialsException>(() => credentials.SetInitialPassword("acc-personne", "une phrase de passe"))!;

        Assert.That(suspended.Problem, Is.EqualTo(CredentialsProblem.NotActivatable));
        Assert.That(unknown.Problem, Is.EqualTo(CredentialsProblem.UnknownAccount));
        Assert.That(test.Runtime.Directory.Find(account.Login)!.PasswordHash, Is.Null);
    }

    [Test]
    public void AuditTrail_NamesTheActorByLogin_MarksTheDaneAndItsDelegation_RefusesOtherServices()
    {
        using var test = TestRuntime.Start([]);
        var directory = test.Runtime.Directory;
        var trail = new AuditTrail(Host(test), "test-plugin", ["annuaire"]);
        var admin = directory.Find("admin")!;
        var dane = directory.Find("dane")!;

        trail.Record(admin.Id, "annuaire.suspend", "eleve.6a : Active → Suspended\n");
        trail.Record(dane.Id, "annuaire.suspend", "eleve.5b : Active → Suspended");
        test.Runtime.Rights.GrantDelegation("dane", null, "admin");
        trail.Record(dane.Id, "annuaire.reactivate", "eleve.5b : Suspended → Active");

        var entries = test.Runtime.Audit.Query(new AuditQuery(Action: "annuaire")).Reverse().ToArray();
        Assert.That(entries.Select(e => e.Actor), Is.EqualTo(new[] { "admin", "dane", "dane" }));
        Assert.That(entries[0].Detail, Is.EqualTo("eleve.6a : Active → Suspended [extension test-plugin]"));
        Assert.That(entries[1].Detail, Does.Contain("compte académique (DANE) sans délégation active"));
        Assert.That(entries[2].Detail, Does.Contain("compte académique (DANE) sous délégation d'administration").And.EndWith("extension test-plugin]"));
        Assert.Throws<ArgumentException>(() => trail.Record(admin.Id, "account.state", "forgé"));
        Assert.Throws<ArgumentException>(() => trail.Record(admin.Id, "annuaire", "sans verbe"));
        Assert.Throws<ArgumentException>(() => trail.Record("acc-personne", "annuaire.suspend", "x"));
    }

    [Test]
    public void GraphWriter_KeepsAnAccountsOwnQuota()
    {
        using var test = TestRuntime.Start([]);
        var directory = test.Runtime.Directory;
        directory.SetQuota("eleve.6a", 123_456_789, "test");
        var pupil = directory.Find("eleve.6a")!;

        new GraphWriter(directory, "test-plugin").Apply(new GraphBatch
        {
            Accounts = [pupil.ToRecord() with { DisplayName = "Renommé" }],
            Memberships = [.. directory.Graph.StructuresOf(pupil.Id).Select(s => new MembershipRecord(pupil.Id, s))],
        });

        Assert.That(directory.Find("eleve.6a")!.QuotaBytes, Is.EqualTo(123_456_789));
    }
}
