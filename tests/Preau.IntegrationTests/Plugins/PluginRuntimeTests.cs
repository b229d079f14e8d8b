using System.IO.Compression;
using MailKit;
using MailKit.Net.Smtp;
using Preau.IntegrationTests.Infrastructure;
using Preau.PluginHost;
using Preau.Server.Cli;

namespace Preau.IntegrationTests.Plugins;

/// <summary>Plugins changed at runtime through the admin socket (as <c>preau plugin …</c> does) while
/// mail sessions stay open; the Echo plugin's hook and list through real SMTP.</summary>
public class PluginRuntimeTests
{
    [Test]
    public async Task DisableEnableUpgradeRemoveInstall_WhileImapIdleAndSmtpSessionsStayConnected()
    {
        await using var server = await PluginServer.StartAsync([PluginServer.Echo]);
        using var imap = await server.ImapAsync("eleve.6a");
        var inbox = imap.Inbox;
        await inbox.OpenAsync(FolderAccess.ReadOnly);
        var arrived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        inbox.CountChanged += (_, _) => arrived.TrySetResult();
        using var idleDone = new CancellationTokenSource();
        var idle = imap.IdleAsync(idleDone.Token);
        using var smtp = await server.SubmitAsync("prof.maths");

        var zip = Path.Combine(server.DataFolder, "echo-v1.zip");
        ZipFile.CreateFromDirectory(PluginServer.Source(PluginServer.Echo), zip);
        string[][] steps =
        [
            ["plugin", "disable", PluginServer.Echo],
            ["plugin", "enable", PluginServer.Echo],
            ["plugin", "install", PluginServer.Source(PluginServer.EchoV2Folder)],
            ["plugin", "remove", PluginServer.Echo],
            ["plugin", "install", zip],
        ];
        foreach (var step in steps)
        {
            var reply = RemoteCli.TryRun(server.DataFolder, step);
            Assert.That(reply, Is.Not.Null);
            Assert.That(reply!.Exit, Is.Zero, $"{string.Join(' ', step)}: {reply.Output}");
        }

        Assert.That(server.Runtime.Plugins.Find(PluginServer.Echo)!.Version, Is.EqualTo("1.0.0"));
        Assert.That(smtp.IsConnected, Is.True, "the SMTP session survived every change");
        var message = TestServer.Message("prof.maths", "eleve.6a");
        await smtp.SendAsync(message);
        await arrived.Task.WaitAsync(TimeSpan.FromSeconds(30));
        await idleDone.CancelAsync();
        await idle;
        Assert.That(imap.IsConnected, Is.True, "the IMAP session survived every change");
        await imap.NoOpAsync();
        Assert.That(server.HasMessage("eleve.6a", message.Subject), Is.True);

        var audit = RemoteCli.TryRun(server.DataFolder, ["audit", "list", "--max", "10"])!.Output;
        Assert.That(audit, Does.Contain("plugin.disable").And.Contain("plugin.enable").And.Contain("plugin.upgrade").And.Contain("plugin.remove").And.Contain("plugin.install"));
    }

    [Test]
    public async Task HookReject_ThroughRealSmtp_TheClientGetsTheReason()
    {
        await using var server = await PluginServer.StartAsync([PluginServer.Echo]);
        using var smtp = await server.SubmitAsync("prof.maths");
        var message = TestServer.Message("prof.maths", "eleve.6a");
        message.Subject = "Un sujet INTERDIT";

        var refused = await Assert.ThrowsAsync<SmtpCommandException>(() => smtp.SendAsync(message));

        Assert.That((int)refused!.StatusCode, Is.EqualTo(550));
        Assert.That(refused.Message, Does.Contain("le sujet contient un mot interdit"));
        Assert.That(server.HasMessage("eleve.6a", message.Subject), Is.False);
        Assert.That(smtp.IsConnected, Is.True);
    }

    [Test]
    public async Task HookHold_ThenReleaseThroughTheCli_DeliversTheMessage()
    {
        await using var server = await PluginServer.StartAsync([PluginServer.Echo]);
        using var smtp = await server.SubmitAsync("prof.maths");
        var message = TestServer.Message("prof.maths", "eleve.6a");
        message.Subject = "Sortie à MODERER";

        await smtp.SendAsync(message);

        Assert.That(server.HasMessage("eleve.6a", message.Subject), Is.False);
        var list = RemoteCli.TryRun(server.DataFolder, ["held", "list"])!;
        Assert.That(list.Output, Does.Contain("Sortie à MODERER").And.Contain("à relire par la vie scolaire"));
        var id = server.Runtime.Held.List().Single().Id;
        var release = RemoteCli.TryRun(server.DataFolder, ["held", "release", id])!;
        Assert.That(release.Exit, Is.Zero, release.Output);
        Assert.That(server.HasMessage("eleve.6a", message.Subject), Is.True);
        Assert.That(RemoteCli.TryRun(server.DataFolder, ["held", "discard", id])!.Exit, Is.EqualTo(1), "already released");
    }

    [Test]
    public async Task HookTimeout_FailClosed_IsATemporaryRefusalOverSmtp()
    {
        await using var server = await PluginServer.StartAsync([PluginServer.Echo], s =>
        {
            s["PluginSettings:Preau.TestPlugins.Echo:HookTimeoutMs"] = "200";
            s["PluginSettings:Preau.TestPlugins.Echo:FailClosed"] = "true";
            s["Plugins:DrainTimeout"] = "00:00:00.500";
        });
        using var smtp = await server.SubmitAsync("prof.maths");
        var message = TestServer.Message("prof.maths", "eleve.6a");
        message.Subject = "Réponse LENT";

        var refused = await Assert.ThrowsAsync<SmtpCommandException>(() => smtp.SendAsync(message));

        Assert.That((int)refused!.StatusCode, Is.EqualTo(451));
        Assert.That(server.HasMessage("eleve.6a", message.Subject), Is.False);
    }

    [Test]
    public async Task RecipientList_ExpandsThroughThePolicy_OverSmtp()
    {
        await using var server = await PluginServer.StartAsync([PluginServer.Echo]);
        using (var teacher = await server.SubmitAsync("prof.maths"))
        {
            var message = TestServer.Message("prof.maths", "echo.6a");
            await teacher.SendAsync(message);
            Assert.That(server.HasMessage("eleve.6a", message.Subject), Is.True);
            Assert.That(server.HasMessage("eleve2.6a", message.Subject), Is.True);
            Assert.That(server.HasMessage("eleve.5b", message.Subject), Is.False);
        }

        using var pupil = await server.SubmitAsync("eleve.5b");
        var refused = await Assert.ThrowsAsync<SmtpCommandException>(() => pupil.SendAsync(TestServer.Message("eleve.5b", "echo.6a")));
        Assert.That(refused!.Message, Does.Contain("liste echo.6a").And.Contain("eleve.5b ne peut pas ecrire a"));
    }

    [Test]
    public async Task PluginVerb_RunsInTheRunningServer_AndStateSurvivesRestart()
    {
        await using var server = await PluginServer.StartAsync([PluginServer.Echo]);
        var say = RemoteCli.TryRun(server.DataFolder, ["echo", "say", "bonjour"])!;
        Assert.That(say.Exit, Is.Zero, say.Output);
        Assert.That(say.Output, Does.Contain("écho (v1)").And.Contain("bonjour"));
        var failing = RemoteCli.TryRun(server.DataFolder, ["echo", "say", "panne"])!;
        Assert.That(failing.Exit, Is.EqualTo(1));
        Assert.That(failing.Output, Does.Contain("panne volontaire de la commande"));
        Assert.That(RemoteCli.TryRun(server.DataFolder, ["plugin", "disable", PluginServer.Echo])!.Exit, Is.Zero);
        Assert.That(RemoteCli.TryRun(server.DataFolder, ["echo", "say", "bonjour"])!.Exit, Is.EqualTo(2), "a disabled plugin's verb is unknown");

        await server.RestartAsync();

        Assert.That(server.Runtime.Plugins.Find(PluginServer.Echo)!.Status, Is.EqualTo(PluginStatus.Disabled));
        var list = RemoteCli.TryRun(server.DataFolder, ["plugin", "list"])!;
        Assert.That(list.Output, Does.Contain(PluginServer.Echo).And.Contain("disabled"));
    }
}
