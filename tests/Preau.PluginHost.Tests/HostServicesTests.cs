using Preau.Core.Accounts;
using Preau.PluginHost.Services;
using Preau.PluginHost.Tests.Infrastructure;
using Preau.Plugins.Graph;
using Preau.Plugins.Mail;

namespace Preau.PluginHost.Tests;

/// <summary>What the host gives plugins: graph reader and writer, mail sender, storage, jobs.</summary>
public class HostServicesTests
{
    [Test]
    public void GraphWriter_ValidBatch_IsWrittenWhole_AndPasswordsAreKept()
    {
        using var test = TestRuntime.Start([]);
        var directory = test.Runtime.Directory;
        var pupil = directory.Find("eleve.6a")!;
        var writer = new GraphWriter(directory, "test-plugin");

        var result = writer.Apply(new GraphBatch
        {
            Source = "essai",
            Rubriques = [new RubriqueRecord("club-echecs", "Club d'échecs", true)],
            Accounts =
            [
                pupil.ToRecord() with { DisplayName = "Élève renommé", Status = AccountStatus.NotActivated },
                new AccountRecord { Id = "acc-new-1", Login = "nouveau.eleve", DisplayName = "Nouvel élève", Profile = AccountProfile.Eleve, Uai = pupil.Uai },
            ],
            Memberships = [new MembershipRecord("acc-new-1", "6a"), new MembershipRecord(pupil.Id, "6A")],
            RubriqueMembers = [new RubriqueMemberRecord("club-echecs", "acc-new-1"), new RubriqueMemberRecord("club-echecs", pupil.Id)],
        });

        Assert.That(result, Is.EqualTo(new GraphBatchResult(1, 1, 0, 4)));
        var updated = directory.Find("eleve.6a")!;
        Assert.That(updated.DisplayName, Is.EqualTo("Élève renommé"));
        Assert.That(updated.PasswordHash, Is.EqualTo(pupil.PasswordHash), "a feed never touches passwords");
        Assert.That(updated.State, Is.EqualTo(AccountState.Active), "present in the feed keeps an active account active");
        Assert.That(directory.Find("nouveau.eleve")!.State, Is.EqualTo(AccountState.NotActivated));
        Assert.That(directory.Graph.StructuresOf("acc-new-1"), Does.Contain("6A"));
        Assert.That(directory.Graph.MembersOf("club-echecs"), Is.EquivalentTo(new[] { "acc-new-1", pupil.Id }));
    }

    [Test]
    public void GraphWriter_BatchWithProblems_WritesNothingAndNamesEveryProblem()
    {
        using var test = TestRuntime.Start([]);
        var directory = test.Runtime.Directory;
        var before = directory.Graph.Data.Accounts.Count;
        var writer = new GraphWriter(directory, "test-plugin");
        var batch = new GraphBatch
        {
            Accounts =
            [
                new AccountRecord { Id = "acc-x", Login = "valide.ici", DisplayName = "Valide", Profile = AccountProfile.Eleve, Uai = "0519999Z" },
                new AccountRecord { Id = "acc-y", Login = "prof.maths", DisplayName = "Doublon", Profile = AccountProfile.Enseignant, Uai = "0519999Z" },
                new AccountRecord { Id = "acc-z", Login = "Pas Valide", DisplayName = "Mauvais", Profile = AccountProfile.Eleve, Uai = "0519999Z" },
            ],
            Memberships = [new MembershipRecord("acc-x", "9Z")],
            Teachings = [new TeachingRecord("acc-x", "", "6A")],
        };

        var refused = Assert.Throws<GraphBatchException>(() => writer.Apply(batch));

        Assert.That(refused!.Errors, Has.Some.Contains("login 'prof.maths' is taken"));
        Assert.That(refused.Errors, Has.Some.Contains("not a valid login"));
        Assert.That(refused.Errors, Has.Some.Contains("no class or group '9Z'"));
        Assert.That(refused.Errors, Has.Some.Contains("is Eleve, not Enseignant"));
        Assert.That(directory.Graph.Data.Accounts.Count, Is.EqualTo(before));
        Assert.That(directory.Find("valide.ici"), Is.Null, "all or nothing: the valid account was not written either");
    }

    [Test]
    public void GraphReader_SearchesIgnoringAccentsAndReadsRelations()
    {
        using var test = TestRuntime.Start([]);
        var reader = new GraphReader(test.Runtime.Directory);

        var teachers = reader.Search(new AccountQuery { Profile = AccountProfile.Enseignant, StructureCode = "6A" });
        Assert.That(teachers.Select(t => t.Login), Does.Contain("prof.maths").And.Contain("prof.anglais"));
        var pupil = reader.FindAccount("eleve.6a@demo.preau.test")!;
        Assert.That(reader.StructuresOf(pupil.Id).Select(s => s.Code), Does.Contain("6A"));
        Assert.That(reader.ParentsOf(pupil.Id).Select(p => p.Login), Does.Contain("parent.6a"));
        var maths = reader.FindAccount("prof.maths")!;
        Assert.That(reader.TeachingsOf(maths.Id).Select(t => t.StructureCode), Does.Contain("6A"));
        var folded = reader.Search(new AccountQuery { Text = pupil.DisplayName.ToUpperInvariant().Replace('É', 'E') });
        Assert.That(folded.Select(a => a.Id), Does.Contain(pupil.Id));
    }

    [Test]
    public async Task MailSender_AsSystemAndOnBehalf_GoThroughThePolicy()
    {
        using var test = TestRuntime.Start([]);
        var r = test.Runtime;
        var sender = new MailSender(r.Submission, r.Directory, r.Mail, r.Time, "test-plugin");

        var system = await sender.SendAsSystemAsync(new OutgoingMail { To = ["eleve.6a", "parents.6a@demo.preau.test"], Subject = "Sortie scolaire", TextBody = "Bonjour", SenderName = "Vie scolaire" });
        Assert.That(system.Status, Is.EqualTo(SendStatus.Sent), system.Reply);
        Assert.That(system.Refused, Is.Empty);

        var refused = await sender.SendOnBehalfOfAsync("eleve.6a", new OutgoingMail { To = ["parent.5b", "eleve2.6a"], Subject = "Coucou", TextBody = "Salut" });
        Assert.That(refused.Status, Is.EqualTo(SendStatus.Sent), "sent to the allowed recipient");
        Assert.That(refused.Refused.Single().Address, Is.EqualTo("parent.5b@demo.preau.test"));
        Assert.That(refused.Refused.Single().Reason, Does.Contain("eleve.6a ne peut pas écrire à parent.5b"));

        var nobody = await sender.SendOnBehalfOfAsync("eleve.6a", new OutgoingMail { To = ["parent.5b"], Subject = "x", TextBody = "x" });
        Assert.That(nobody.Status, Is.EqualTo(SendStatus.Refused));
    }

    [Test]
    public void PluginStore_KeepsDocumentsPerPluginAndCollection()
    {
        using var test = TestRuntime.Start([]);
        var json = new System.Text.Json.JsonSerializerOptions(System.Text.Json.JsonSerializerDefaults.Web);
        var mine = new PluginStore(test.Runtime.Store, "a", json).Collection<Note>("notes");
        var theirs = new PluginStore(test.Runtime.Store, "b", json).Collection<Note>("notes");

        mine.Put("2", new Note("deux"));
        mine.PutMany([new("1", new Note("un")), new("3", new Note("trois"))]);
        theirs.Put("1", new Note("autre"));

        Assert.That(mine.All().Select(d => d.Value.Text), Is.EqualTo(new[] { "un", "deux", "trois" }));
        Assert.That(mine.Get("1")!.Text, Is.EqualTo("un"));
        Assert.That(theirs.Get("1")!.Text, Is.EqualTo("autre"));
        Assert.That(mine.Delete("1"), Is.True);
        Assert.That(mine.Count(), Is.EqualTo(2));
        Assert.That(() => new PluginStore(test.Runtime.Store, "a", json).Collection<Note>("../x"), Throws.ArgumentException);
        Assert.That(() => mine.Put("", new Note("x")), Throws.ArgumentException);
    }

    [Test]
    public async Task Jobs_RunOnSchedule_AndAFailingRunMarksNothing()
    {
        using var test = TestRuntime.Start([TestPlugins.Echo], new() { ["PluginSettings:Preau.TestPlugins.Echo:JobIntervalMs"] = "1000" });
        await using var scheduler = new Jobs.JobScheduler(test.Plugins, test.Runtime.Time, Microsoft.Extensions.Logging.Abstractions.NullLogger<Jobs.JobScheduler>.Instance);
        var slot = test.Plugins.FindActive(TestPlugins.Echo)!.Jobs.Single();

        for (var run = 1; run <= 3; run++)
        {
            var due = slot.NextRun;
            scheduler.RunDue(due);
            for (var attempt = 0; attempt < 400 && slot.Runs < run; attempt++)
            {
                await Task.Delay(10);
            }

            Assert.That(slot.Runs, Is.EqualTo(run));
            Assert.That(slot.NextRun, Is.GreaterThan(due));
        }

        Assert.That(slot.LastError, Is.Null, "the third run succeeded");
        Assert.That(test.Runtime.Store.GetDocument("preau.testplugins.echo", "ticks", "tick"), Does.Contain("3"));
        Assert.That(test.Plugins.Find(TestPlugins.Echo)!.Status, Is.EqualTo(PluginStatus.Active), "the failed second run marked nothing");
    }

    [Test]
    public async Task Jobs_NotDueYet_DoNotRun()
    {
        using var test = TestRuntime.Start([TestPlugins.Echo]);
        await using var scheduler = new Jobs.JobScheduler(test.Plugins, test.Runtime.Time, Microsoft.Extensions.Logging.Abstractions.NullLogger<Jobs.JobScheduler>.Instance);
        var slot = test.Plugins.FindActive(TestPlugins.Echo)!.Jobs.Single();

        var next = scheduler.RunDue(slot.NextRun.AddSeconds(-1));

        Assert.That(slot.Running, Is.False);
        Assert.That(slot.Runs, Is.Zero);
        Assert.That(next, Is.EqualTo(slot.NextRun));
    }

    public sealed record Note(string Text);
}
