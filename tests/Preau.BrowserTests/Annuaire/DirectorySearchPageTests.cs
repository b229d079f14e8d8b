using System.Net.Http.Json;
using Microsoft.Playwright;
using Preau.BrowserTests.Infrastructure;
using Preau.Core.Accounts;
using static Microsoft.Playwright.Assertions;

namespace Preau.BrowserTests.Annuaire;

/// <summary>The « Annuaire » section of the webmail (the directory plugin's module) on the demo school:
/// search by subject, the person card and « Écrire », what a teacher and a pupil find, Back and reload
/// keeping the page, the module's English strings, and axe-core on the search, the card and the import
/// page.</summary>
public class DirectorySearchPageTests : DirectoryPluginFixture
{
    private const string Anglais = "030201";

    [Test]
    public async Task Admin_SearchesBySubject_SeesExactlyItsTeachers_OpensACard_AndWrites()
    {
        var graph = Server.Runtime.Directory.Graph;
        var expected = graph.Data.Teachings.Where(t => t.SubjectCode == Anglais).Select(t => graph.FindById(t.TeacherId)!.Login).ToHashSet();
        Assert.That(expected, Does.Contain("prof.anglais").And.Count.GreaterThan(1));

        await SignInAsync("admin");
        await OpenDirectoryAsync();
        await Page.GetByLabel("Matière enseignée").FillAsync("anglais lv1");
        var plural = expected.Count == 1 ? "personne" : "personnes";
        await Expect(Page.GetByRole(AriaRole.Status).Filter(new() { HasText = $"sur {expected.Count} {plural}" })).ToBeVisibleAsync();
        await Expect(Rows).ToHaveCountAsync(expected.Count);
        Assert.That(await ResultLoginsAsync(), Is.EquivalentTo(expected));
        var header = await Page.Locator(".annuaire-table thead th").AllInnerTextsAsync();
        Assert.That(header, Is.EqualTo(new[] { "Nom", "Prénom", "Profil", "État", "Établissement principal" }));
        await Expect(Rows.First).ToContainTextAsync("Enseignant");
        await Expect(Rows.First).ToContainTextAsync("Collège Jean Moulin (démo)");
        await ScreenshotAsync("annuaire-search-anglais");

        await Page.Locator("tr[data-login='prof.anglais']").GetByRole(AriaRole.Link).ClickAsync();
        await Expect(Card.GetByRole(AriaRole.Heading, new() { Name = "Prof. Anglais Démo", Level = 2 })).ToBeFocusedAsync();
        await Expect(Card.GetByRole(AriaRole.Region, new() { Name = "Matières enseignées" })).ToContainTextAsync("ANGLAIS LV1");
        await Expect(Card.GetByRole(AriaRole.Region, new() { Name = "Rattachements" })).ToContainTextAsync("Collège Jean Moulin (démo)");
        var teaching = Card.GetByRole(AriaRole.Region, new() { Name = "Enseignements" });
        await Expect(teaching.GetByRole(AriaRole.Row).Filter(new() { HasText = "5B" })).ToContainTextAsync("Oui");
        await Expect(teaching.GetByRole(AriaRole.Row).Filter(new() { HasText = "6A" })).ToHaveCountAsync(1);
        await Expect(Card.GetByRole(AriaRole.Region, new() { Name = "Niveaux enseignés" })).ToContainTextAsync("6e");
        await ScreenshotAsync("annuaire-card-teacher");

        await Page.GoBackAsync();
        await WaitForResultsAsync();
        await Expect(Page.GetByLabel("Matière enseignée")).ToHaveValueAsync("anglais lv1");
        await Expect(Rows).ToHaveCountAsync(expected.Count);

        await Page.GoForwardAsync();
        var write = Card.GetByRole(AriaRole.Link, new() { Name = "Écrire" });
        await Expect(write).ToHaveAttributeAsync("href", "/compose?to=prof.anglais%40demo.preau.test");
        await write.ClickAsync();
        var composer = Page.GetByRole(AriaRole.Form, new() { Name = "Nouveau message" });
        await Expect(composer).ToContainTextAsync("prof.anglais@demo.preau.test");
    }

    [Test]
    public async Task Admin_PupilCard_ShowsClassGroupsAndParents_LinkedBothWays()
    {
        await SignInAsync("admin");
        await OpenDirectoryAsync();
        await Page.GetByLabel("Nom, prénom ou identifiant").FillAsync("eleve.5b");
        await Expect(Rows).ToHaveCountAsync(1);
        await Rows.GetByRole(AriaRole.Link).ClickAsync();

        await Expect(Card.GetByRole(AriaRole.Region, new() { Name = "Classes" })).ToContainTextAsync("5B");
        await Expect(Card.GetByRole(AriaRole.Region, new() { Name = "Groupes" })).ToContainTextAsync("5-ESP-1");
        var parents = Card.GetByRole(AriaRole.Region, new() { Name = "Responsables" });
        await Expect(parents).ToContainTextAsync("responsable légal de niveau 1");
        var parent = Server.Runtime.Directory.Find("parent.5b")!;
        var pupil = Server.Runtime.Directory.Find("eleve.5b")!;
        await Expect(parents.GetByRole(AriaRole.Link)).ToHaveTextAsync($"{parent.FirstName} {parent.LastName}");
        await ScreenshotAsync("annuaire-card-pupil");

        await parents.GetByRole(AriaRole.Link).ClickAsync();
        await Expect(Card.GetByRole(AriaRole.Heading, new() { Name = $"{parent.FirstName} {parent.LastName}", Level = 2 })).ToBeFocusedAsync();
        await Expect(Card.GetByRole(AriaRole.Region, new() { Name = "Enfants" }).GetByRole(AriaRole.Link)).ToHaveTextAsync($"{pupil.FirstName} {pupil.LastName}");
        await Expect(Card.GetByRole(AriaRole.Region, new() { Name = "Responsables" })).ToHaveCountAsync(0);
    }

    [Test]
    public async Task Teacher_FindsThePupilsOfTheirClass()
    {
        var graph = Server.Runtime.Directory.Graph;
        var pupils = graph.PupilsOf("6A").Select(id => graph.FindById(id)!).Where(a => a.Profile == Profile.Eleve).Select(a => a.Login).ToHashSet();
        Assert.That(pupils, Does.Contain("eleve.6a").And.Contain("eleve2.6a"));

        await SignInAsync("prof.maths");
        await OpenDirectoryAsync();
        await Page.GetByLabel("Profil").SelectOptionAsync(new SelectOptionValue { Label = "Élève" });
        await Page.GetByLabel("Classe ou groupe").FillAsync("6A");
        await Expect(Rows).ToHaveCountAsync(pupils.Count);
        Assert.That(await ResultLoginsAsync(), Is.EquivalentTo(pupils));
        await Expect(Page.Locator(".annuaire-table")).Not.ToContainTextAsync("Responsable");
        await ScreenshotAsync("annuaire-teacher-class");
    }

    [Test]
    public async Task Pupil_FindsOnlyTheirOwnParent_AndAnotherPupilsParentIsNobody()
    {
        await SignInAsync("eleve.6a");
        await OpenDirectoryAsync();
        await Page.GetByLabel("Profil").SelectOptionAsync(new SelectOptionValue { Label = "Responsable" });
        await Expect(Rows).ToHaveCountAsync(1);
        Assert.That(await ResultLoginsAsync(), Is.EqualTo(new[] { "parent.6a" }));

        await Page.GetByLabel("Profil").SelectOptionAsync(new SelectOptionValue { Label = "Tous les profils" });
        await Page.GetByLabel("Nom, prénom ou identifiant").FillAsync("eleve2.6a");
        await Expect(Rows).ToHaveCountAsync(1);
        await Rows.GetByRole(AriaRole.Link).ClickAsync();
        await Expect(Card.GetByRole(AriaRole.Region, new() { Name = "Classes" })).ToContainTextAsync("6A");
        await Expect(Card.GetByRole(AriaRole.Region, new() { Name = "Responsables" })).ToHaveCountAsync(0);
        await Expect(Card.GetByRole(AriaRole.Region, new() { Name = "Groupes" })).ToHaveCountAsync(0);
        await Expect(Card.GetByRole(AriaRole.Group, new() { Name = "Actions sur la fiche" }).GetByRole(AriaRole.Button)).ToHaveCountAsync(0);
        await Expect(Page.GetByRole(AriaRole.Link, new() { Name = "Importer SIECLE et STSweb" })).ToHaveCountAsync(0);

        await Page.GotoAsync($"{SectionPath}?fiche={IdOf("parent.5b")}");
        await Expect(Page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Personne introuvable.");
        await Expect(Card).ToHaveCountAsync(0);
    }

    [Test]
    public async Task InEnglish_TheSectionUsesTheModulesEnglishStrings()
    {
        using (var api = await ApiAsync("parent.5b"))
        {
            using var saved = await api.PutAsJsonAsync("/api/settings", new { language = "en" });
            Assert.That(saved.IsSuccessStatusCode, Is.True, await saved.Content.ReadAsStringAsync());
        }

        await SignInAsync("parent.5b");
        await Page.GetByRole(AriaRole.Navigation, new() { Name = "Main navigation" }).GetByRole(AriaRole.Link, new() { Name = "Annuaire" }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Search, new() { Name = "Search the directory" })).ToBeVisibleAsync();
        await Expect(Page.GetByRole(AriaRole.Navigation, new() { Name = "Directory sections" }).GetByRole(AriaRole.Link, new() { Name = "Search" })).ToHaveAttributeAsync("aria-current", "page");
        await Page.GetByLabel("Subject taught").FillAsync("anglais lv1");
        await Expect(Page.Locator("tr[data-login='prof.anglais']")).ToContainTextAsync("Teacher");
        Assert.That(await Page.Locator(".annuaire-table thead th").AllInnerTextsAsync(), Is.EqualTo(new[] { "Last name", "First name", "Profile", "State", "Main school" }));
        await ScreenshotAsync("annuaire-search-english");
    }

    [Test]
    public async Task SearchCardAndImportPages_MeetWcagAA()
    {
        await SignInAsync("admin");
        await OpenDirectoryAsync();
        await Page.GetByLabel("Classe ou groupe").FillAsync("6A");
        await Expect(Rows.First).ToBeVisibleAsync();
        await WaitForResultsAsync();
        await Axe.AssertAccessibleAsync(Page, "annuaire search");

        await Page.GotoAsync($"{SectionPath}?fiche={IdOf("eleve.6a")}");
        await Expect(Card.GetByRole(AriaRole.Region, new() { Name = "Responsables" })).ToBeVisibleAsync();
        await Axe.AssertAccessibleAsync(Page, "annuaire pupil card");

        await Page.GotoAsync($"{SectionPath}?fiche={IdOf("prof.anglais")}");
        await Expect(Card.GetByRole(AriaRole.Region, new() { Name = "Enseignements" })).ToBeVisibleAsync();
        await Axe.AssertAccessibleAsync(Page, "annuaire teacher card");

        await Page.GetByRole(AriaRole.Link, new() { Name = "Importer SIECLE et STSweb" }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Importer les exports SIECLE et STSweb" })).ToBeVisibleAsync();
        await Expect(Page.Locator(".annuaire-codes [aria-busy='true']")).ToHaveCountAsync(0);
        await Axe.AssertAccessibleAsync(Page, "annuaire import");
        await ScreenshotAsync("annuaire-import-empty");
    }
}
