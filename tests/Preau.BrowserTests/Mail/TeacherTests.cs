using Microsoft.Playwright;
using Preau.BrowserTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Preau.BrowserTests.Mail;

/// <summary>A teacher writes to a whole class through its list address, seeing how many people it reaches.</summary>
public class TeacherTests : WebmailFixture
{
    [Test]
    public async Task Teacher_SendsToAClassList_SeeingTheRecipientCount()
    {
        var subject = Unique("Contrôle de mathématiques");
        await SignInAsync("prof.maths", "/compose");
        var composer = Page.GetByRole(AriaRole.Form, new() { Name = "Nouveau message" });
        var to = composer.GetByRole(AriaRole.Combobox, new() { Name = "À" });
        await to.PressSequentiallyAsync("eleves.6");
        var suggestion = Page.GetByRole(AriaRole.Listbox, new() { Name = "Suggestions" }).GetByRole(AriaRole.Option).Filter(new() { HasText = "Élèves de 6A" });
        await Expect(suggestion).ToContainTextAsync("eleves.6a@demo.preau.test");
        await to.PressAsync("Enter");

        var members = Server.Runtime.Directory.Graph.PupilsOf("6A").Count;
        Assert.That(members, Is.GreaterThan(1));
        var chip = composer.Locator(".chip").Filter(new() { HasText = "Élèves de 6A" });
        await Expect(chip).ToContainTextAsync($"{members} personnes");
        await Expect(composer.GetByText($"{members} destinataires sur 150 au plus")).ToBeVisibleAsync();
        await composer.GetByLabel("Objet").FillAsync(subject);
        await composer.GetByLabel("Message").FillAsync("Le contrôle sur les fractions aura lieu lundi.");
        await ScreenshotAsync("compose-class-list");
        await composer.GetByRole(AriaRole.Button, new() { Name = "Envoyer" }).ClickAsync();
        await Expect(Page.GetByText("Message envoyé.")).ToBeVisibleAsync();

        Assert.That(Server.HasMessage("eleve.6a", subject), Is.True);
        Assert.That(Server.HasMessage("eleve2.6a", subject), Is.True);
        Assert.That(Server.HasMessage("eleve.5b", subject), Is.False);
    }

    [Test]
    public async Task Staff_SeeThe150LimitPassed_AsListsAreAdded_AndTheServerAgrees()
    {
        await SignInAsync("cpe", "/compose");
        await Expect(Page.GetByText("Aucun message dans ce dossier.")).ToBeVisibleAsync();
        var composer = Page.GetByRole(AriaRole.Form, new() { Name = "Nouveau message" });
        var to = composer.GetByRole(AriaRole.Combobox, new() { Name = "À" });
        var graph = Server.Runtime.Directory.Graph;
        var total = 0;
        foreach (var code in new[] { "6A", "6B", "6C", "6D", "6E", "6F", "5A" })
        {
            await to.FillAsync($"eleves.{code.ToLowerInvariant()}@demo.preau.test");
            await to.PressAsync("Enter");
            total += graph.PupilsOf(code).Count;
            if (total <= 150)
            {
                await Expect(composer.GetByText($"{total} destinataires sur 150 au plus")).ToBeVisibleAsync();
            }
        }

        Assert.That(total, Is.GreaterThan(150), "the demo's seven classes pass the limit");
        var counter = composer.Locator(".compose-counter");
        await Expect(counter).ToHaveTextAsync($"{total} destinataires : c’est plus que les 150 permis par message. Retirez des destinataires ou une liste.");
        await Expect(counter).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("is-over"));
        await ScreenshotAsync("compose-over-limit");

        await composer.GetByLabel("Objet").FillAsync("Réunion");
        await composer.GetByLabel("Message").FillAsync("Bonjour à tous.");
        await composer.GetByRole(AriaRole.Button, new() { Name = "Envoyer" }).ClickAsync();
        await Expect(composer.Locator(".compose-errors .banner-danger")).ToContainTextAsync("150");
        Assert.That(Server.HasMessage("eleve.6a", "Réunion"), Is.False);
    }
}
