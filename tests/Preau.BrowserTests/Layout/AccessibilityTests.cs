using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using Preau.BrowserTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Preau.BrowserTests.Layout;

/// <summary>axe-core's WCAG 2.x A and AA rules (labels, names, roles, contrast, landmarks…) on every main
/// page, as the user sees it.</summary>
public class AccessibilityTests : WebmailFixture
{
    private static readonly AxeRunOptions Wcag = new()
    {
        RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"] },
    };

    [Test]
    public async Task SignIn_And_MailPages_MeetWcagAA()
    {
        await Page.GotoAsync("/login");
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Connexion" })).ToBeVisibleAsync();
        await AssertAccessibleAsync("sign-in");

        var subject = await DeliverAsync("prof.maths", "eleve.6a", Unique("Sortie scolaire"), "Le bus part à 8 h.");
        await SignInAsync("eleve.6a");
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Derniers messages" })).ToBeVisibleAsync();
        await Expect(Page.Locator(".recent-list")).ToContainTextAsync(subject);
        await AssertAccessibleAsync("home");

        await Page.GotoAsync("/mail");
        await Page.GetByRole(AriaRole.Option).Filter(new() { HasText = subject }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Region, new() { Name = "Lecture du message" }).GetByRole(AriaRole.Heading, new() { Name = subject })).ToBeVisibleAsync();
        await AssertAccessibleAsync("mail with a message open");

        await Page.GotoAsync("/compose");
        var composer = Page.GetByRole(AriaRole.Form, new() { Name = "Nouveau message" });
        var to = composer.GetByRole(AriaRole.Combobox, new() { Name = "À" });
        await to.FillAsync("parent.5b@demo.preau.test");
        await to.PressAsync("Enter");
        await Expect(composer.Locator(".rcpt-reason")).ToBeVisibleAsync();
        await AssertAccessibleAsync("composer with a refused recipient");

        await Page.GotoAsync("/settings");
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Paramètres", Level = 1 })).ToBeVisibleAsync();
        await AssertAccessibleAsync("settings");
    }

    [Test]
    public async Task AdministrationPages_MeetWcagAA()
    {
        await SignInAsync("admin");
        foreach (var (path, heading) in new[] { ("/admin/accounts", "Comptes"), ("/admin/policy", "Règles d’envoi"), ("/admin/services", "Services"), ("/admin/plugins", "Extensions"), ("/admin/audit", "Journal d’audit") })
        {
            await Page.GotoAsync(path);
            await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = heading, Level = 1 })).ToBeVisibleAsync();
            await Expect(Page.Locator("[aria-busy='true']")).ToHaveCountAsync(0);
            await AssertAccessibleAsync(path);
        }
    }

    private async Task AssertAccessibleAsync(string what)
    {
        var result = await Page.RunAxe(Wcag);
        Assert.That(result.Passes.Select(p => p.Id), Does.Contain("label").Or.Contain("aria-allowed-attr"), $"axe ran its rules on {what}");
        var violations = result.Violations.Select(v => $"{v.Id} ({v.Impact}): {v.Help} — {string.Join(" | ", v.Nodes.Take(3).Select(n => n.Html))}");
        Assert.That(violations, Is.Empty, what);
    }
}
