using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using Preau.BrowserTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Preau.BrowserTests.Admin;

/// <summary>Administration &gt; Extensions against the plugin host: the Echo test plugin's webmail section
/// opens (its module imported from the plugin), the plugin is listed as active, the administrator disables
/// it from the page, and its section leaves the navigation.</summary>
/// <remarks>The plugin host and its test plugins come from the plugins work: the build copies the
/// packaged test plugins into <c>TestPlugins/</c> when <c>tests/Plugins/TestPlugins.targets</c> exists
/// (see the project file). Without them this fixture is skipped with that reason, not faked.</remarks>
public class PluginTests : WebmailFixture
{
    private const string Echo = "Preau.TestPlugins.Echo";

    private static string EchoPackage => Path.Combine(AppContext.BaseDirectory, "TestPlugins", Echo);

    private protected override void Configure(Dictionary<string, string?> settings)
    {
        if (!Directory.Exists(EchoPackage))
        {
            return;
        }

        var directory = Path.GetFullPath(settings["Storage:DataDirectory"]! + "-plugins");
        settings["Plugins:Directory"] = directory;
        foreach (var file in Directory.GetFiles(EchoPackage, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(directory, Echo, Path.GetRelativePath(EchoPackage, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target, overwrite: true);
        }
    }

    [Test]
    public async Task Admin_DisablesAPlugin()
    {
        if (!Directory.Exists(EchoPackage))
        {
            Assert.Ignore("The plugin host's test plugins are not in this build (tests/Plugins/TestPlugins.targets comes with the plugins work).");
        }

        await SignInAsync("admin");
        var nav = Page.GetByRole(AriaRole.Navigation, new() { Name = "Navigation principale" });
        var section = nav.GetByRole(AriaRole.Link, new() { Name = "Écho" });
        await section.ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Écho", Level = 1 })).ToBeVisibleAsync();
        await Expect(Page.Locator(".plugin-module")).ToContainTextAsync("Ce module ne propose pas de page.");

        await nav.GetByRole(AriaRole.Link, new() { Name = "Extensions" }).ClickAsync();
        var row = Page.GetByRole(AriaRole.Row).Filter(new() { HasText = Echo });
        await Expect(row).ToContainTextAsync("Active");
        await ScreenshotAsync("admin-plugins-active");

        await row.GetByRole(AriaRole.Button, new() { Name = "Désactiver" }).ClickAsync();
        var confirm = Page.GetByRole(AriaRole.Dialog);
        await Expect(confirm).ToContainTextAsync("Ses pages, ses envois et ses tâches s’arrêtent");
        await confirm.GetByRole(AriaRole.Button, new() { Name = "Désactiver" }).ClickAsync();
        await Expect(row).ToContainTextAsync("Désactivée");
        await Expect(row.GetByRole(AriaRole.Button, new() { Name = "Activer" })).ToBeVisibleAsync();
        await Expect(section).ToHaveCountAsync(0);

        using var api = await ApiAsync("admin");
        using var list = JsonDocument.Parse(await api.GetStringAsync("/api/admin/plugins"));
        var echo = list.RootElement.EnumerateArray().Single(p => p.GetProperty("id").GetString() == Echo);
        Assert.That(echo.GetProperty("status").GetString(), Is.EqualTo("disabled").IgnoreCase);
    }
}
