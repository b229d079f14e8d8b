using Microsoft.Playwright;
using Preau.BrowserTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Preau.BrowserTests.Layout;

/// <summary>Settings: the language switch to English (kept by the server for the next visit), the
/// signature the composer adds, the password change.</summary>
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

    [Test]
    public async Task PasswordChange_SaysWhatIsWrong_ThenKeepsThisBrowserSignedIn()
    {
        await SignInAsync("cpe", "/settings");
        var form = Page.GetByRole(AriaRole.Form, new() { Name = "Mot de passe" });
        await form.GetByLabel("Mot de passe actuel").FillAsync("pas-le-bon");
        await form.GetByLabel("Nouveau mot de passe", new() { Exact = true }).FillAsync("Preau-2026-cpe!");
        await form.GetByLabel("Confirmez le nouveau mot de passe").FillAsync("Preau-2026-cpe?");
        await form.GetByRole(AriaRole.Button, new() { Name = "Changer le mot de passe" }).ClickAsync();
        await Expect(form.GetByRole(AriaRole.Alert)).ToHaveTextAsync("Les deux saisies du nouveau mot de passe sont différentes.");

        await form.GetByLabel("Confirmez le nouveau mot de passe").FillAsync("Preau-2026-cpe!");
        await form.GetByRole(AriaRole.Button, new() { Name = "Changer le mot de passe" }).ClickAsync();
        await Expect(form.GetByRole(AriaRole.Alert)).Not.ToBeEmptyAsync();
        await Expect(form.GetByRole(AriaRole.Alert)).Not.ToHaveTextAsync("Les deux saisies du nouveau mot de passe sont différentes.");

        await form.GetByLabel("Mot de passe actuel").FillAsync(Preau.IntegrationTests.Infrastructure.TestServer.Password);
        await form.GetByRole(AriaRole.Button, new() { Name = "Changer le mot de passe" }).ClickAsync();
        await Expect(Page.GetByText("Mot de passe changé.")).ToBeVisibleAsync();
        await Expect(form.GetByLabel("Mot de passe actuel")).ToBeEmptyAsync();

        await Page.GetByRole(AriaRole.Navigation, new() { Name = "Navigation principale" }).GetByRole(AriaRole.Link, new() { Name = "Messagerie" }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Boîte de réception" })).ToBeVisibleAsync();
        using var smtp = new MailKit.Net.Smtp.SmtpClient { ServerCertificateValidationCallback = (_, _, _, _) => true };
        await smtp.ConnectAsync("127.0.0.1", Server.SubmissionPort, MailKit.Security.SecureSocketOptions.StartTls);
        await smtp.AuthenticateAsync("cpe", "Preau-2026-cpe!");
        Assert.That(smtp.IsAuthenticated, Is.True);
    }
}
