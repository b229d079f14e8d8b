using Microsoft.Playwright;
using Preau.BrowserTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Preau.BrowserTests.Layout;

/// <summary>On a phone (390×844) the mail shows one pane at a time, the navigation is a drawer, and
/// nothing is wider than the screen.</summary>
public class PhoneLayoutTests : WebmailFixture
{
    protected override ViewportSize Viewport => new() { Width = 390, Height = 844 };

    [Test]
    public async Task Phone_ShowsOnePaneAtATime_AndTheMenuAsADrawer()
    {
        var subject = await DeliverAsync("prof.anglais", "eleve.5b", Unique("Vocabulary test"), "Learn the words of unit 3.");
        await SignInAsync("eleve.5b", "/mail");
        var list = Page.GetByRole(AriaRole.Listbox, new() { Name = "Messages de Boîte de réception" });
        var reader = Page.GetByRole(AriaRole.Region, new() { Name = "Lecture du message" });
        await Expect(list).ToBeVisibleAsync();
        await Expect(reader).ToBeHiddenAsync();
        await Expect(Page.GetByRole(AriaRole.Navigation, new() { Name = "Navigation principale" })).ToBeHiddenAsync();
        await AssertNoHorizontalScrollAsync();
        await ScreenshotAsync("phone-mail-list");

        await list.GetByRole(AriaRole.Option).Filter(new() { HasText = subject }).ClickAsync();
        await Expect(reader.GetByRole(AriaRole.Heading, new() { Name = subject })).ToBeVisibleAsync();
        await Expect(list).ToBeHiddenAsync();
        await AssertNoHorizontalScrollAsync();
        await ScreenshotAsync("phone-reading-pane");

        await reader.GetByRole(AriaRole.Link, new() { Name = "Revenir à la liste" }).ClickAsync();
        await Expect(list).ToBeVisibleAsync();
        await Expect(reader).ToBeHiddenAsync();

        var menu = Page.GetByRole(AriaRole.Button, new() { Name = "Ouvrir le menu" });
        await menu.ClickAsync();
        var nav = Page.GetByRole(AriaRole.Navigation, new() { Name = "Navigation principale" });
        await Expect(nav).ToBeVisibleAsync();
        await Expect(Page.GetByRole(AriaRole.Button, new() { Name = "Fermer le menu" })).ToHaveAttributeAsync("aria-expanded", "true");
        await ScreenshotAsync("phone-menu");
        await nav.GetByRole(AriaRole.Link, new() { Name = "Accueil" }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Bonjour Élève" })).ToBeVisibleAsync();
        await Expect(nav).ToBeHiddenAsync();
        await AssertNoHorizontalScrollAsync();
        await ScreenshotAsync("phone-home");

        await Page.GotoAsync("/compose");
        var composer = Page.GetByRole(AriaRole.Form, new() { Name = "Nouveau message" });
        await Expect(composer.GetByRole(AriaRole.Button, new() { Name = "Envoyer" })).ToBeInViewportAsync();
        await AssertNoHorizontalScrollAsync();
        await ScreenshotAsync("phone-compose");
    }

    private async Task AssertNoHorizontalScrollAsync()
    {
        var overflow = await Page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
        Assert.That(overflow, Is.LessThanOrEqualTo(0), "the page is not wider than the phone");
    }
}
