using Microsoft.Playwright;
using Preau.Core.Accounts;
using static Microsoft.Playwright.Assertions;

namespace Preau.BrowserTests.Annuaire;

/// <summary>The actions of the person card, shown from the card's <c>actions</c>: suspend then reactivate
/// (with confirmation), modify the card and its external-service identifiers, list a person's rubriques;
/// none of them on the administrator's own card for suspension.</summary>
/// <remarks>These endpoints (<c>actions</c> on the card, <c>PATCH people/{id}</c>, <c>PUT …/external</c>,
/// <c>POST …/suspend|reactivate</c>, <c>GET …/rubriques</c>, <c>GET external-services</c>) come from the
/// « actions » work of issue 6: until it is merged, the buttons are absent and these tests fail.</remarks>
public class DirectoryCardActionsTests : DirectoryPluginFixture
{
    private async Task OpenCardAsync(string login)
    {
        await OpenDirectoryAsync();
        await Page.GetByLabel("Nom, prénom ou identifiant").FillAsync(login);
        await Expect(Page.Locator($"tr[data-login='{login}']")).ToHaveCountAsync(1);
        await Page.Locator($"tr[data-login='{login}']").GetByRole(AriaRole.Link).ClickAsync();
        await Expect(Card).ToBeVisibleAsync();
    }

    private ILocator Actions => Card.GetByRole(AriaRole.Group, new() { Name = "Actions sur la fiche" });

    [Test]
    public async Task Admin_SuspendsThenReactivates_FromTheCard()
    {
        var pupil = Server.Runtime.Directory.Find("eleve2.6a")!;
        var name = $"{pupil.FirstName} {pupil.LastName}";
        await SignInAsync("admin");
        await OpenCardAsync("eleve2.6a");
        await Expect(Card.Locator(".annuaire-card-meta")).ToContainTextAsync("Actif");

        await Actions.GetByRole(AriaRole.Button, new() { Name = "Suspendre" }).ClickAsync();
        var dialog = Page.GetByRole(AriaRole.Dialog, new() { Name = $"Suspendre le compte de {name} ?" });
        await Expect(dialog).ToContainTextAsync("son courrier est conservé");
        await ScreenshotAsync("annuaire-card-suspend-confirm");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Suspendre" }).ClickAsync();
        await Expect(Card.Locator(".annuaire-card-meta")).ToContainTextAsync("Suspendu");
        await Expect(Page.Locator("#toasts")).ToContainTextAsync($"Compte de {name} suspendu.");
        Assert.That(Server.Runtime.Directory.Find("eleve2.6a")!.State, Is.EqualTo(AccountState.Suspended));
        await Expect(Actions.GetByRole(AriaRole.Link, new() { Name = "Écrire" })).ToHaveCountAsync(0);
        await Expect(Actions.GetByRole(AriaRole.Button, new() { Name = "Suspendre" })).ToHaveCountAsync(0);

        await Actions.GetByRole(AriaRole.Button, new() { Name = "Réactiver" }).ClickAsync();
        dialog = Page.GetByRole(AriaRole.Dialog, new() { Name = $"Réactiver le compte de {name} ?" });
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Réactiver" }).ClickAsync();
        await Expect(Card.Locator(".annuaire-card-meta")).ToContainTextAsync("Actif");
        Assert.That(Server.Runtime.Directory.Find("eleve2.6a")!.State, Is.EqualTo(AccountState.Active));
        await Expect(Actions.GetByRole(AriaRole.Button, new() { Name = "Suspendre" })).ToBeVisibleAsync();
    }

    [Test]
    public async Task Admin_CannotSuspendThemselves()
    {
        await SignInAsync("admin");
        await OpenCardAsync("admin");
        await Expect(Actions.GetByRole(AriaRole.Button, new() { Name = "Modifier" })).ToBeVisibleAsync();
        await Expect(Actions.GetByRole(AriaRole.Button, new() { Name = "Suspendre" })).ToHaveCountAsync(0);
    }

    [Test]
    public async Task Admin_ModifiesTheCard_AndItsExternalIdentifiers()
    {
        await SignInAsync("admin");
        await OpenCardAsync("prof.maths");

        await Actions.GetByRole(AriaRole.Button, new() { Name = "Modifier" }).ClickAsync();
        var dialog = Page.GetByRole(AriaRole.Dialog);
        await dialog.GetByLabel("Nom affiché").FillAsync("M. Maths (démo)");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Enregistrer" }).ClickAsync();
        await Expect(dialog).ToHaveCountAsync(0);
        await Expect(Page.Locator("#toasts")).ToContainTextAsync("Fiche modifiée.");
        Assert.That(Server.Runtime.Directory.Find("prof.maths")!.DisplayName, Is.EqualTo("M. Maths (démo)"));
        await Expect(Card).ToContainTextAsync("Nom affiché : M. Maths (démo)");

        await Actions.GetByRole(AriaRole.Button, new() { Name = "Services externes" }).ClickAsync();
        dialog = Page.GetByRole(AriaRole.Dialog);
        var first = dialog.GetByRole(AriaRole.Textbox).First;
        var label = await first.EvaluateAsync<string>("input => input.labels[0].textContent");
        await first.FillAsync("PRONOTE-4242");
        await ScreenshotAsync("annuaire-card-external");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Enregistrer" }).ClickAsync();
        await Expect(dialog).ToHaveCountAsync(0);
        var section = Card.GetByRole(AriaRole.Region, new() { Name = "Services externes" });
        await Expect(section).ToContainTextAsync("PRONOTE-4242");
        await Expect(section).ToContainTextAsync(label);
    }

    [Test]
    public async Task Staff_SeesThePupilsRubriques()
    {
        var graph = Server.Runtime.Directory.Graph;
        var rubrique = graph.Data.Rubriques.First(r => r.DiffusionList && graph.MembersOf(r.Id).Any(id => graph.FindById(id)!.Profile == Profile.Eleve));
        var member = graph.MembersOf(rubrique.Id).Select(id => graph.FindById(id)!).First(a => a.Profile == Profile.Eleve);

        await SignInAsync("cpe");
        await OpenCardAsync(member.Login);
        var button = Actions.GetByRole(AriaRole.Button, new() { Name = "Rubriques" });
        await button.ClickAsync();
        await Expect(button).ToHaveAttributeAsync("aria-expanded", "true");
        var list = Card.GetByRole(AriaRole.Region, new() { Name = "Rubriques" });
        await Expect(list.GetByRole(AriaRole.Listitem).Filter(new() { HasText = rubrique.Name })).ToContainTextAsync("liste de diffusion");
    }
}
