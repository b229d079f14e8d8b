using System.Text;
using Preau.Core.Mail;
using Preau.PluginHost.Tests.Infrastructure;

namespace Preau.PluginHost.Tests;

/// <summary>The Echo plugin's hook, recipient lists and delivery listener on Core's submission path.</summary>
public class MailPathTests
{
    private const string Domain = "demo.preau.test";

    [Test]
    public async Task Hook_Reject_RefusesWithThePluginsReason()
    {
        using var test = TestRuntime.Start([TestPlugins.Echo]);

        var decision = await Submit(test, "prof.maths", ["eleve.6a"], "Sujet INTERDIT");

        Assert.That(decision.Accepted, Is.False);
        Assert.That(decision.Code, Is.EqualTo(550));
        Assert.That(decision.Text, Does.Contain("Preau.TestPlugins.Echo/mots").And.Contain("le sujet contient un mot interdit"));
    }

    [Test]
    public async Task Hook_Hold_KeepsTheMessageUntilReleased()
    {
        using var test = TestRuntime.Start([TestPlugins.Echo]);
        var before = Inbox(test, "eleve.6a");

        var decision = await Submit(test, "prof.maths", ["eleve.6a"], "À MODERER");

        Assert.That(decision.Accepted, Is.True);
        Assert.That(decision.Text, Does.StartWith("held for review").And.Contain("à relire par la vie scolaire"));
        Assert.That(Inbox(test, "eleve.6a"), Is.EqualTo(before));
        var held = test.Runtime.Held.List().Single();
        Assert.That(held.Subject, Is.EqualTo("À MODERER"));

        await test.Runtime.Held.ReleaseAsync(held.Id, "cli:test");

        Assert.That(Inbox(test, "eleve.6a"), Is.EqualTo(before + 1));
        Assert.That(test.Runtime.Held.List(), Is.Empty);
        await Assert.ThrowsAsync<Preau.Core.Directory.DirectoryException>(() => test.Runtime.Held.ReleaseAsync(held.Id, "cli:test"));
    }

    [Test]
    public async Task Hook_Timeout_FailOpen_DeliversAndFailClosed_RefusesTemporarily()
    {
        using (var open = TestRuntime.Start([TestPlugins.Echo], Settings(failClosed: false)))
        {
            var decision = await Submit(open, "prof.maths", ["eleve.6a"], "Réponse LENT");
            Assert.That(decision.Accepted, Is.True, decision.ToString());
            Assert.That(open.Plugins.Find(TestPlugins.Echo)!.Status, Is.EqualTo(PluginStatus.Active), "a slow hook is not a failed plugin");
        }

        using var closed = TestRuntime.Start([TestPlugins.Echo], Settings(failClosed: true));
        var refused = await Submit(closed, "prof.maths", ["eleve.6a"], "Réponse LENT");
        Assert.That(refused.Accepted, Is.False);
        Assert.That(refused.Code, Is.EqualTo(451), refused.ToString());
        Assert.That(refused.Text, Does.Contain("could not be checked"));
    }

    [Test]
    public async Task Hook_Throwing_MarksThePluginFailed_AndTheNextMessagePasses()
    {
        using var test = TestRuntime.Start([TestPlugins.Echo]);

        var first = await Submit(test, "prof.maths", ["eleve.6a"], "PANNE du filtre");
        Assert.That(first.Accepted, Is.True, "fail-open: the message goes on");

        var info = test.Plugins.Find(TestPlugins.Echo)!;
        Assert.That(info.Status, Is.EqualTo(PluginStatus.Failed));
        Assert.That(info.Reason, Does.Contain("panne volontaire du filtre"));
        Assert.That(test.Runtime.Extensions.SubmissionHooks, Is.Empty);
        var second = await Submit(test, "prof.maths", ["eleve.6a"], "Sujet INTERDIT");
        Assert.That(second.Accepted, Is.True, "the failed plugin's hook no longer runs");
        await test.Plugins.StoppedAsync();
        Assert.That(((Preau.Core.Storage.IAuditLog)test.Runtime.Store).Recent(10).Any(e => e.Action == "plugin.failed"), Is.True);
    }

    [Test]
    public void RecipientList_ExpandsThroughThePolicy()
    {
        using var test = TestRuntime.Start([TestPlugins.Echo]);
        var graph = test.Runtime.Directory.Graph;
        var teacher = test.Runtime.Directory.Find("prof.maths")!;
        var pupil = test.Runtime.Directory.Find("eleve.5b")!;

        var allowed = test.Runtime.SendingPolicy.Decide(teacher, $"echo.6a@{Domain}");
        Assert.That(allowed.Accepted, Is.True, allowed.ToString());
        Assert.That(allowed.Recipients.Select(r => r.Address), Is.EquivalentTo(graph.PupilsOf("6A").Select(id => $"{graph.FindById(id)!.Login}@{Domain}")));

        var refusedByRules = test.Runtime.SendingPolicy.Decide(pupil, $"echo.6a@{Domain}");
        Assert.That(refusedByRules.Accepted, Is.False);
        Assert.That(refusedByRules.Text, Does.StartWith("liste echo.6a : eleve.5b ne peut pas écrire à"));

        var closedList = test.Runtime.SendingPolicy.Decide(teacher, $"echo.interdit@{Domain}");
        Assert.That(closedList.Text, Does.Contain("cette liste est fermée"));

        var unknown = test.Runtime.SendingPolicy.Decide(teacher, $"echo.9z@{Domain}");
        Assert.That(unknown.Code, Is.EqualTo(550));
        Assert.That(unknown.Text, Does.Contain("aucune boîte aux lettres"));

        var inbound = test.Runtime.SendingPolicy.DecideInbound($"echo.6a@{Domain}");
        Assert.That(inbound.Text, Does.Contain("ne reçoit pas de courrier de l'extérieur"));
    }

    [Test]
    public async Task RecipientList_CountsTowardTheRecipientLimit()
    {
        using var test = TestRuntime.Start([TestPlugins.Echo]);
        var transaction = test.Runtime.Submission.BeginSystem(new SubmissionContext("PLUGIN", "local"));
        Assert.That(transaction.SetMailFrom(test.Runtime.Mail.SystemAddress).Accepted, Is.True);

        var decision = transaction.AddRecipient($"echo.tous@{Domain}");

        Assert.That(decision.Accepted, Is.False);
        Assert.That(decision.Code, Is.EqualTo(452));
        Assert.That(decision.Text, Does.Contain("at most 150"));
        await Task.CompletedTask;
    }

    [Test]
    public async Task DeliveryListener_RecordsEachDelivery()
    {
        using var test = TestRuntime.Start([TestPlugins.Echo]);

        var decision = await Submit(test, "prof.maths", ["eleve.6a", "eleve2.6a"], "Devoirs de maths");
        Assert.That(decision.Accepted, Is.True, decision.ToString());

        string? recorded = null;
        for (var attempt = 0; attempt < 200 && recorded is null; attempt++)
        {
            recorded = test.Runtime.Store.GetDocuments("preau.testplugins.echo", "delivered").Select(d => d.Value).FirstOrDefault(v => v.Contains("Devoirs de maths", StringComparison.Ordinal));
            if (recorded is null)
            {
                await Task.Delay(25);
            }
        }

        Assert.That(recorded, Is.Not.Null, "the listener recorded the delivery");
        Assert.That(recorded, Does.Contain("eleve.6a").And.Contain("eleve2.6a").And.Contain("prof.maths"));
    }

    private static Dictionary<string, string?> Settings(bool failClosed) => new()
    {
        ["PluginSettings:Preau.TestPlugins.Echo:HookTimeoutMs"] = "200",
        ["PluginSettings:Preau.TestPlugins.Echo:FailClosed"] = failClosed ? "true" : "false",
        ["Plugins:DrainTimeout"] = "00:00:00.500", // The abandoned slow hook still holds its lease at the end.
    };

    private static int Inbox(TestRuntime test, string login)
    {
        var account = test.Runtime.Directory.Find(login)!;
        var inbox = test.Runtime.Store.GetMailboxes(account.Id).FirstOrDefault(m => m.Name == DefaultMailboxes.Inbox);
        return inbox is null ? 0 : test.Runtime.Store.GetMessages(inbox.Id).Count;
    }

    private static async Task<Preau.Core.Policy.PolicyDecision> Submit(TestRuntime test, string from, string[] to, string subject)
    {
        var sender = test.Runtime.Directory.Find(from)!;
        var transaction = test.Runtime.Submission.Begin(sender, new SubmissionContext("ESMTPSA", "127.0.0.1"));
        Assert.That(transaction.SetMailFrom($"{from}@{Domain}").Accepted, Is.True);
        foreach (var recipient in to)
        {
            var added = transaction.AddRecipient($"{recipient}@{Domain}");
            Assert.That(added.Accepted, Is.True, added.ToString());
        }

        var message = $"From: <{from}@{Domain}>\r\nTo: <{to[0]}@{Domain}>\r\nSubject: =?utf-8?B?{Convert.ToBase64String(Encoding.UTF8.GetBytes(subject))}?=\r\n\r\nBonjour.\r\n";
        return await transaction.CommitAsync(Encoding.UTF8.GetBytes(message));
    }
}
