using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Preau.BrowserTests.Annuaire;

/// <summary>The « Annuaire » section on a phone (390×844): reached from the navigation drawer, the
/// filters folded away until asked for, the results and the card no wider than the screen.</summary>
public class DirectoryPhoneTests : DirectoryPluginFixture
{
    protected override ViewportSize Viewport => new() { Width = 390, Height = 844 };

    [Test]
    public async Task Phone_SearchesAndOpensACard_WithinTheScreen()
    {
        await SignInAsync("prof.anglais");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Ouvrir le menu" }).ClickAsync();
        await OpenDirectoryAsync();
        var classe = Page.GetByLabel("Classe ou groupe");
        await Expect(classe).ToBeHiddenAsync();
        await Page.Locator("summary").Filter(new() { HasText = "Filtres" }).ClickAsync();
        await classe.FillAsync("5B");
        await Page.GetByLabel("Profil").SelectOptionAsync(new SelectOptionValue { Label = "Élève" });
        await Expect(Rows.First).ToBeVisibleAsync();
        await WaitForResultsAsync();
        await AssertWithinTheScreenAsync();
        await ScreenshotAsync("phone-annuaire-search");

        await Page.Locator("tr[data-login='eleve.5b']").GetByRole(AriaRole.Link).ClickAsync();
        await Expect(Card.GetByRole(AriaRole.Region, new() { Name = "Classes" })).ToContainTextAsync("5B");
        await Expect(Card.GetByRole(AriaRole.Link, new() { Name = "Écrire" })).ToBeInViewportAsync();
        await AssertWithinTheScreenAsync();
        await ScreenshotAsync("phone-annuaire-card");
    }

    private async Task AssertWithinTheScreenAsync()
    {
        var overflow = await Page.EvaluateAsync<int>("() => Math.max(document.documentElement.scrollWidth - document.documentElement.clientWidth, ...[...document.querySelectorAll('.app-main, .annuaire')].map(e => e.scrollWidth - e.clientWidth))");
        Assert.That(overflow, Is.LessThanOrEqualTo(0), "nothing is wider than the phone");
    }
}
