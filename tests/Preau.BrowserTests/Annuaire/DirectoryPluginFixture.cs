using Microsoft.Playwright;
using Preau.BrowserTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Preau.BrowserTests.Annuaire;

/// <summary>A webmail fixture whose server runs the directory plugin (the packaged
/// <c>Preau.Plugins.Directory</c> the build copies into <c>TestPlugins/</c>), with the helpers of the
/// « Annuaire » section: open it from the navigation, read the logins of the results.</summary>
public abstract class DirectoryPluginFixture : WebmailFixture
{
    /// <summary>The plugin's id (its folder, its API and its files' prefix).</summary>
    protected const string Plugin = "Preau.Plugins.Directory";

    private static string Package => Path.Combine(AppContext.BaseDirectory, "TestPlugins", Plugin);

    /// <summary>The section's address.</summary>
    protected static string SectionPath => $"/modules/{Plugin}";

    private protected override void Configure(Dictionary<string, string?> settings)
    {
        if (!Directory.Exists(Package))
        {
            Assert.Fail($"The packaged directory plugin is missing at {Package} (the project file copies it after the build).");
        }

        var directory = Path.GetFullPath(settings["Storage:DataDirectory"]! + "-plugins");
        settings["Plugins:Directory"] = directory;
        foreach (var file in Directory.GetFiles(Package, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(directory, Plugin, Path.GetRelativePath(Package, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target, overwrite: true);
        }
    }

    /// <summary>Opens « Annuaire » from the main navigation and waits for its first results.</summary>
    protected async Task OpenDirectoryAsync()
    {
        await Page.GetByRole(AriaRole.Navigation, new() { Name = "Navigation principale" }).GetByRole(AriaRole.Link, new() { Name = "Annuaire" }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Annuaire", Level = 1 })).ToBeVisibleAsync();
        await Expect(Page.GetByRole(AriaRole.Search, new() { Name = "Rechercher dans l’annuaire" })).ToBeVisibleAsync();
        await WaitForResultsAsync();
    }

    /// <summary>Waits until no search is under way.</summary>
    protected async Task WaitForResultsAsync() =>
        await Expect(Page.Locator(".annuaire-results[aria-busy='true']")).ToHaveCountAsync(0);

    /// <summary>The result rows.</summary>
    protected ILocator Rows => Page.Locator(".annuaire-table tbody tr");

    /// <summary>The logins of the result rows on the page.</summary>
    protected async Task<IReadOnlyList<string>> ResultLoginsAsync() =>
        await Rows.EvaluateAllAsync<string[]>("rows => rows.map(r => r.dataset.login)");

    /// <summary>The card's article (its name is the person's).</summary>
    protected ILocator Card => Page.Locator("article.annuaire-card");

    /// <summary>The account id of a login in the server's graph.</summary>
    protected string IdOf(string login) => Server.Runtime.Directory.Graph.FindByLogin(login)!.Id;
}
