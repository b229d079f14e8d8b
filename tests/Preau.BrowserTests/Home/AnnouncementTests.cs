using Microsoft.Playwright;
using Preau.BrowserTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Preau.BrowserTests.Home;

/// <summary>The home page's announcements: the head teacher's publication identity publishes one for
/// pupils from the home page; a pupil sees it on theirs, a parent (not in the audience) does not.</summary>
public class AnnouncementTests : WebmailFixture
{
    [Test]
    public async Task HeadTeacher_PublishesAnAnnouncement_PupilsSeeItOnTheirHomePage()
    {
        var title = Unique("Photo de classe");
        await SignInAsync("principal");
        var manage = Page.GetByRole(AriaRole.Region, new() { Name = "Gérer les annonces" });
        await manage.GetByLabel("Titre").FillAsync(title);
        await manage.GetByLabel("Texte").FillAsync("La photo de classe aura lieu jeudi.\n\nPensez à l'autorisation <signée>.");
        foreach (var audience in new[] { "Parents", "Enseignants", "Personnels" })
        {
            await manage.GetByRole(AriaRole.Checkbox, new() { Name = audience }).UncheckAsync();
        }

        await manage.GetByRole(AriaRole.Button, new() { Name = "Publier" }).ClickAsync();
        await Expect(Page.GetByText("Annonce publiée.")).ToBeVisibleAsync();
        await Expect(manage.GetByRole(AriaRole.Row).Filter(new() { HasText = title })).ToContainTextAsync("Élèves");
        await ScreenshotAsync("home-manage-announcements");

        await Page.Context.ClearCookiesAsync();
        await SignInAsync("eleve.5b");
        var announcements = Page.GetByRole(AriaRole.Region, new() { Name = "Annonces" });
        var item = announcements.GetByRole(AriaRole.Article).Filter(new() { HasText = title });
        await Expect(item).ToContainTextAsync("La photo de classe aura lieu jeudi.");
        await Expect(item).ToContainTextAsync("Pensez à l'autorisation <signée>.");
        await ScreenshotAsync("home-announcement");

        await Page.Context.ClearCookiesAsync();
        await SignInAsync("parent.5b");
        await Expect(Page.GetByRole(AriaRole.Region, new() { Name = "Annonces" })).ToContainTextAsync("Aucune annonce pour le moment.");
    }
}
