using Microsoft.Playwright;
using Preau.BrowserTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Preau.BrowserTests.Layout;

/// <summary>Settings: the language switch to English (kept by the server for the next visit) and the
/// signature the composer adds.</summary>
public class LanguageTests : WebmailFixture
{
    [Test]
    public async Task Settings_SwitchToEnglish_TranslatesTheWebmail_AndIsRemembered()
    {
        await SignInAsync("parent.6a", "/settings");
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Paramètres", Level = 1 })).ToBeVisibleAsync();
        await ScreenshotAsync("settings");

        await Page.GetByRole(AriaRole.Radio, new() { Name = "English" }).CheckAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer" }).ClickAsync();

        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Settings", Level = 1 })).ToBeVisibleAsync();
        var nav = Page.GetByRole(AriaRole.Navigation, new() { Name = "Main navigation" });
        await Expect(nav.GetByRole(AriaRole.Link, new() { Name = "Mail" })).ToBeVisibleAsync();
        await Expect(Page.Locator("html")).ToHaveAttributeAsync("lang", "en");
        await ScreenshotAsync("settings-english");

        // Another browser, the next day: the server kept the choice.
        await Page.Context.ClearCookiesAsync();
        await Page.EvaluateAsync("() => localStorage.clear()");
        await Page.GotoAsync("/login");
        await Page.GetByLabel("Identifiant").FillAsync("parent.6a");
        await Page.GetByLabel("Mot de passe").FillAsync(Preau.IntegrationTests.Infrastructure.TestServer.Password);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Se connecter" }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Navigation, new() { Name = "Main navigation" }).GetByRole(AriaRole.Link, new() { Name = "Home" })).ToBeVisibleAsync();
        await Page.GotoAsync("/mail");
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Inbox" })).ToBeVisibleAsync();
        await Expect(Page.GetByRole(AriaRole.Button, new() { Name = "Refresh" })).ToBeVisibleAsync();
    }

    [Test]
    public async Task Signature_IsAddedToNewMessages()
    {
        await SignInAsync("parent.5b", "/settings");
        await Page.GetByLabel("Signature").FillAsync("Mme Martin, maman de Léa (5B)");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer" }).ClickAsync();
        await Expect(Page.GetByText("Paramètres enregistrés.")).ToBeVisibleAsync();
        await Page.GetByRole(AriaRole.Link, new() { Name = "Écrire" }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Form, new() { Name = "Nouveau message" }).GetByLabel("Message")).ToHaveValueAsync("\n\n-- \nMme Martin, maman de Léa (5B)");
    }
}
