using System.IO.Compression;
using System.Runtime.CompilerServices;
using Preau.Core.Storage;
using Preau.PluginHost.Tests.Infrastructure;

namespace Preau.PluginHost.Tests;

/// <summary>Loading, states, enable/disable, upgrade and removal at runtime, persistence and audit.</summary>
public class PluginManagerTests
{
    [Test]
    public void LoadAll_GoodBrokenAndFuturePlugins_EachGetsItsStateAndTheServerRuns()
    {
        using var test = TestRuntime.Start([TestPlugins.Echo, TestPlugins.Broken, TestPlugins.Future]);
        var plugins = test.Plugins.List().ToDictionary(p => p.Id);

        var echo = plugins[TestPlugins.Echo];
        Assert.That(echo.Status, Is.EqualTo(PluginStatus.Active), echo.Reason);
        Assert.That(echo.Version, Is.EqualTo("1.0.0"));
        Assert.That(echo.Contributions!.Services, Is.EqualTo(new[] { "echo" }));
        Assert.That(echo.Contributions.Verbs, Is.EqualTo(new[] { "echo say" }));
        Assert.That(echo.Contributions.Hooks, Is.EqualTo(new[] { "mots" }));
        Assert.That(echo.Contributions.RecipientLists, Is.EqualTo(1));
        Assert.That(echo.Contributions.DeliveryListeners, Is.EqualTo(1));
        Assert.That(echo.Contributions.Webmail!.Label, Is.EqualTo("Écho"));

        var broken = plugins[TestPlugins.Broken];
        Assert.That(broken.Status, Is.EqualTo(PluginStatus.Failed));
        Assert.That(broken.Reason, Does.Contain("registering").And.Contain("panne volontaire à l'enregistrement"));

        var future = plugins[TestPlugins.Future];
        Assert.That(future.Status, Is.EqualTo(PluginStatus.Incompatible));
        Assert.That(future.Reason, Does.Contain("2.0").And.Contain(Preau.Plugins.PluginApi.Version.ToString()));

        Assert.That(test.Runtime.Extensions.SubmissionHooks.Select(h => h.Name), Is.EqualTo(new[] { "Preau.TestPlugins.Echo/mots" }));
        Assert.That(test.Runtime.Rights.Services.Single(s => s.Id == "echo").Owner, Is.EqualTo(TestPlugins.Echo));
    }

    [Test]
    public async Task Disable_TakesThePluginOutOfEveryPath_AndEnableBringsItBack()
    {
        using var test = TestRuntime.Start([TestPlugins.Echo]);

        var disabled = await test.Plugins.DisableAsync(TestPlugins.Echo, "test");

        Assert.That(disabled.Status, Is.EqualTo(PluginStatus.Disabled));
        Assert.That(test.Runtime.Extensions.SubmissionHooks, Is.Empty);
        Assert.That(test.Runtime.Extensions.RecipientLists, Is.Empty);
        Assert.That(test.Runtime.Extensions.DeliveryObservers, Is.Empty);
        Assert.That(test.Runtime.Rights.Services.Any(s => s.Id == "echo"), Is.False, "its service left Administration > Services");
        Assert.That(test.Plugins.HasVerb(["echo", "say", "x"]), Is.False);

        var enabled = await test.Plugins.EnableAsync(TestPlugins.Echo, "test");

        Assert.That(enabled.Status, Is.EqualTo(PluginStatus.Active));
        Assert.That(test.Runtime.Extensions.SubmissionHooks, Has.Length.EqualTo(1));
        Assert.That(test.Runtime.Rights.Services.Any(s => s.Id == "echo"), Is.True);
        Assert.That(test.Plugins.HasVerb(["echo", "say", "x"]), Is.True);
    }

    [Test]
    public async Task Disable_UnloadsTheCollectibleLoadContext()
    {
        using var test = TestRuntime.Start([TestPlugins.Echo]);
        var context = LoadContextOf(test.Plugins, TestPlugins.Echo);
        Assert.That(context.IsAlive, Is.True);

        await test.Plugins.DisableAsync(TestPlugins.Echo, "test");

        // Bounded by attempts, not by time: each attempt is a full blocking collection.
        for (var attempt = 0; attempt < 20 && context.IsAlive; attempt++)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
        }

        Assert.That(context.IsAlive, Is.False, "the plugin's load context was not collected after disable");
    }

    [Test]
    public async Task State_SurvivesARestart()
    {
        using var test = TestRuntime.Start([TestPlugins.Echo]);
        await test.Plugins.DisableAsync(TestPlugins.Echo, "test");

        test.Restart();

        Assert.That(test.Plugins.Find(TestPlugins.Echo)!.Status, Is.EqualTo(PluginStatus.Disabled));
        await test.Plugins.EnableAsync(TestPlugins.Echo, "test");
        test.Restart();
        Assert.That(test.Plugins.Find(TestPlugins.Echo)!.Status, Is.EqualTo(PluginStatus.Active));
    }

    [Test]
    public async Task Install_FromFolderThenUpgradeFromZip_NewCodeRunsAndDataIsKept()
    {
        using var test = TestRuntime.Start([]);
        var installed = await test.Plugins.InstallAsync(TestPlugins.Source(TestPlugins.Echo), "test");
        Assert.That(installed.Status, Is.EqualTo(PluginStatus.Active), installed.Reason);
        Assert.That(installed.Version, Is.EqualTo("1.0.0"));
        test.Runtime.Store.PutDocuments("preau.testplugins.echo", "items", [new("a", "{\"text\":\"gardé\"}")]);
        Assert.That(await Say(test, "bonjour"), Does.Contain("écho (v1)"));

        var zip = TestPlugins.Zip(TestPlugins.EchoV2Folder, test.Folder);
        var upgraded = await test.Plugins.InstallAsync(zip, "test");

        Assert.That(upgraded.Status, Is.EqualTo(PluginStatus.Active), upgraded.Reason);
        Assert.That(upgraded.Version, Is.EqualTo("2.0.0"));
        Assert.That(await Say(test, "bonjour"), Does.Contain("écho (v2)"), "the new assembly runs, not the old one");
        Assert.That(test.Runtime.Store.GetDocument("preau.testplugins.echo", "items", "a"), Does.Contain("gardé"));
        Assert.That(Directory.GetDirectories(test.PluginsDirectory).Select(Path.GetFileName), Is.EqualTo(new[] { TestPlugins.Echo }), "no staging folder left behind");
    }

    [Test]
    public async Task Upgrade_OfADisabledPlugin_StaysDisabled()
    {
        using var test = TestRuntime.Start([TestPlugins.Echo]);
        await test.Plugins.DisableAsync(TestPlugins.Echo, "test");

        var upgraded = await test.Plugins.InstallAsync(TestPlugins.Source(TestPlugins.EchoV2Folder), "test");

        Assert.That(upgraded.Status, Is.EqualTo(PluginStatus.Disabled));
        Assert.That(upgraded.Version, Is.EqualTo("2.0.0"));
    }

    [Test]
    public async Task Remove_DeletesFolderAndState_PurgeDeletesItsData()
    {
        using var test = TestRuntime.Start([TestPlugins.Echo]);
        test.Runtime.Store.PutDocuments("preau.testplugins.echo", "items", [new("a", "{}")]);

        await test.Plugins.RemoveAsync(TestPlugins.Echo, "test", purge: true);

        Assert.That(test.Plugins.List(), Is.Empty);
        Assert.That(Directory.Exists(Path.Combine(test.PluginsDirectory, TestPlugins.Echo)), Is.False);
        Assert.That(test.Runtime.Store.GetDocument("preau.testplugins.echo", "items", "a"), Is.Null);
        Assert.That(test.Runtime.Extensions.SubmissionHooks, Is.Empty);
        test.Restart();
        Assert.That(test.Plugins.List(), Is.Empty);
        await Assert.ThrowsAsync<PluginException>(() => test.Plugins.EnableAsync(TestPlugins.Echo, "test"));
    }

    [Test]
    public async Task Install_ZipWithPathTraversal_IsRefusedAndNothingIsWritten()
    {
        using var test = TestRuntime.Start([]);
        var zip = Path.Combine(test.Folder, "evil.zip");
        using (var archive = ZipFile.Open(zip, ZipArchiveMode.Create))
        {
            foreach (var file in Directory.GetFiles(TestPlugins.Source(TestPlugins.Echo)))
            {
                archive.CreateEntryFromFile(file, Path.GetFileName(file));
            }

            using var writer = new StreamWriter(archive.CreateEntry("../../evil.txt").Open());
            writer.Write("pwned");
        }

        var refused = await Assert.ThrowsAsync<PluginException>(() => test.Plugins.InstallAsync(zip, "test"));

        Assert.That(refused!.Message, Does.Contain("../../evil.txt").And.Contain("outside"));
        Assert.That(test.Plugins.List(), Is.Empty);
        Assert.That(File.Exists(Path.Combine(test.Folder, "evil.txt")), Is.False);
        Assert.That(Directory.GetFiles(test.Folder, "evil.txt", SearchOption.AllDirectories), Is.Empty);
        Assert.That(Directory.GetFileSystemEntries(test.PluginsDirectory), Is.Empty, "the staging folder is removed");
    }

    [Test]
    public async Task Install_FolderWithoutManifest_IsRefused()
    {
        using var test = TestRuntime.Start([]);
        var folder = Directory.CreateDirectory(Path.Combine(test.Folder, "pas-un-plugin")).FullName;
        File.WriteAllText(Path.Combine(folder, "readme.txt"), "rien");

        var refused = await Assert.ThrowsAsync<PluginException>(() => test.Plugins.InstallAsync(folder, "test"));

        Assert.That(refused!.Message, Does.Contain("plugin.json"));
        Assert.That(test.Plugins.List(), Is.Empty);
    }

    [Test]
    public async Task EveryChange_IsAudited()
    {
        using var test = TestRuntime.Start([]);
        await test.Plugins.InstallAsync(TestPlugins.Source(TestPlugins.Echo), "alice");
        await test.Plugins.DisableAsync(TestPlugins.Echo, "alice");
        await test.Plugins.EnableAsync(TestPlugins.Echo, "alice");
        await test.Plugins.InstallAsync(TestPlugins.Source(TestPlugins.EchoV2Folder), "alice");
        await test.Plugins.RemoveAsync(TestPlugins.Echo, "alice");

        var entries = ((IAuditLog)test.Runtime.Store).Recent(20).Where(e => e.Action.StartsWith("plugin.", StringComparison.Ordinal)).Reverse().ToArray();

        Assert.That(entries.Select(e => e.Action), Is.EqualTo(new[] { "plugin.install", "plugin.disable", "plugin.enable", "plugin.upgrade", "plugin.remove" }));
        Assert.That(entries.All(e => e.Actor == "alice"), Is.True);
        Assert.That(entries[3].Detail, Does.Contain("1.0.0 → 2.0.0"));
    }

    [Test]
    public async Task Enable_OfAFailedPlugin_TriesAgainAndReportsTheReason()
    {
        using var test = TestRuntime.Start([TestPlugins.Broken]);

        var info = await test.Plugins.EnableAsync(TestPlugins.Broken, "test");

        Assert.That(info.Status, Is.EqualTo(PluginStatus.Failed));
        Assert.That(info.Reason, Does.Contain("panne volontaire"));
        Assert.That(((IAuditLog)test.Runtime.Store).Recent(1)[0].Detail, Does.Contain("failed").And.Contain("panne volontaire"));
    }

    private static async Task<string> Say(TestRuntime test, string words)
    {
        var output = new StringWriter();
        var exit = await test.Plugins.RunVerbAsync(["echo", "say", words], output, "cli:test");
        Assert.That(exit, Is.Zero, output.ToString());
        return output.ToString();
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static WeakReference LoadContextOf(PluginManager plugins, string id) => plugins.FindActive(id)!.LoadContext;
}
