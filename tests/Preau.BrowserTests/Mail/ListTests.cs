using Microsoft.Playwright;
using Preau.BrowserTests.Infrastructure;
using static Microsoft.Playwright.Assertions;
using SpecialUse = Preau.Core.Mail.SpecialUse;

namespace Preau.BrowserTests.Mail;

/// <summary>The message list's tools: search, the unread/flagged filters, sorting, a new folder and a move
/// into it, the folder tree's unread counts.</summary>
public class ListTests : WebmailFixture
{
    [Test]
    public async Task Search_Filters_Sort_AndMoveToANewFolder()
    {
        var volcano = await DeliverAsync("prof.anglais", "eleve.5b", Unique("Alpha volcans"), "Les volcans d'Auvergne.");
        var rivers = await DeliverAsync("cpe", "eleve.5b", Unique("Beta rivières"), "La Loire et la Seine.");
        var oceans = await DeliverAsync("prof.anglais", "eleve.5b", Unique("Gamma océans"), "L'Atlantique.");
        await SignInAsync("eleve.5b", "/mail");
        var list = Page.GetByRole(AriaRole.Listbox, new() { Name = "Messages de Boîte de réception" });
        await Expect(list.GetByRole(AriaRole.Option)).ToHaveCountAsync(3);
        await Expect(Page.GetByRole(AriaRole.Navigation, new() { Name = "Dossiers" }).GetByRole(AriaRole.Link, new() { Name = "Boîte de réception" })).ToContainTextAsync("3");

        // "/" goes to the search field; the search runs on the server (the message's text, as IMAP SEARCH TEXT).
        await list.FocusAsync();
        await Page.Keyboard.PressAsync("/");
        var search = Page.GetByRole(AriaRole.Searchbox, new() { Name = "Rechercher dans les messages" });
        await Expect(search).ToBeFocusedAsync();
        await search.FillAsync("Loire");
        await search.PressAsync("Enter");
        await Expect(list.GetByRole(AriaRole.Option)).ToHaveCountAsync(1);
        await Expect(list.GetByRole(AriaRole.Option)).ToContainTextAsync(rivers);
        await Expect(Page.GetByText("1 message trouvé")).ToBeVisibleAsync();
        await search.FillAsync("");
        await search.PressAsync("Enter");
        await Expect(list.GetByRole(AriaRole.Option)).ToHaveCountAsync(3);

        // Sorted by subject, A to Z.
        await Page.GetByLabel("Trier par").SelectOptionAsync("subject");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Objets de Z à A (changer)" }).ClickAsync();
        await Expect(list.GetByRole(AriaRole.Option).First).ToContainTextAsync(volcano);
        await Expect(list.GetByRole(AriaRole.Option).Last).ToContainTextAsync(oceans);

        // Read one: the unread filter leaves the two others; flag one: the flagged filter shows it alone.
        await list.GetByRole(AriaRole.Option).Filter(new() { HasText = volcano }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Region, new() { Name = "Lecture du message" }).GetByRole(AriaRole.Heading, new() { Name = volcano })).ToBeVisibleAsync();
        await Page.GetByRole(AriaRole.Region, new() { Name = "Lecture du message" }).GetByRole(AriaRole.Button, new() { Name = "Suivre" }).ClickAsync();
        await Expect(Page.GetByText("Message suivi.")).ToBeVisibleAsync();
        await Page.GetByRole(AriaRole.Radio, new() { Name = "Non lus" }).ClickAsync();
        await Expect(list.GetByRole(AriaRole.Option)).ToHaveCountAsync(2);
        await Expect(list).Not.ToContainTextAsync(volcano);
        await Page.GetByRole(AriaRole.Radio, new() { Name = "Suivis" }).ClickAsync();
        await Expect(list.GetByRole(AriaRole.Option)).ToHaveCountAsync(1);
        await Expect(list.GetByRole(AriaRole.Option)).ToContainTextAsync(volcano);
        await Page.GetByRole(AriaRole.Radio, new() { Name = "Tous" }).ClickAsync();
        await Expect(list.GetByRole(AriaRole.Option)).ToHaveCountAsync(3);

        // A new folder, and the message moved into it.
        var folders = Page.GetByRole(AriaRole.Navigation, new() { Name = "Dossiers" });
        await folders.GetByRole(AriaRole.Button, new() { Name = "Nouveau dossier" }).ClickAsync();
        var dialog = Page.GetByRole(AriaRole.Dialog, new() { Name = "Nouveau dossier" });
        await dialog.GetByLabel("Nom du dossier").FillAsync("Géographie");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Créer" }).ClickAsync();
        await Expect(folders.GetByRole(AriaRole.Link, new() { Name = "Géographie" })).ToBeVisibleAsync();

        await list.GetByRole(AriaRole.Option).Filter(new() { HasText = rivers }).ClickAsync();
        await Page.GetByRole(AriaRole.Region, new() { Name = "Lecture du message" }).GetByRole(AriaRole.Button, new() { Name = "Déplacer" }).ClickAsync();
        var move = Page.GetByRole(AriaRole.Dialog, new() { Name = "Déplacer vers…" });
        await move.GetByRole(AriaRole.Radio, new() { Name = "Géographie" }).CheckAsync();
        await move.GetByRole(AriaRole.Button, new() { Name = "Déplacer" }).ClickAsync();
        await Expect(Page.GetByText("Message déplacé dans Géographie.")).ToBeVisibleAsync();
        await Expect(list.GetByRole(AriaRole.Option)).ToHaveCountAsync(2);
        Assert.That(Server.HasMessage("eleve.5b", rivers), Is.False);

        await folders.GetByRole(AriaRole.Link, new() { Name = "Géographie" }).ClickAsync();
        var geography = Page.GetByRole(AriaRole.Listbox, new() { Name = "Messages de Géographie" });
        await Expect(geography.GetByRole(AriaRole.Option)).ToHaveCountAsync(1);
        await Expect(geography.GetByRole(AriaRole.Option)).ToContainTextAsync(rivers);
        Assert.That(InFolder("eleve.5b", SpecialUse.Trash), Is.Empty, "moved, not deleted");
    }
}
