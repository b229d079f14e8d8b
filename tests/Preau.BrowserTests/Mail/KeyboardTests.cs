using Microsoft.Playwright;
using Preau.BrowserTests.Infrastructure;
using Preau.Core.Mail;
using static Microsoft.Playwright.Assertions;

namespace Preau.BrowserTests.Mail;

/// <summary>The message list and the reading pane without a mouse: j/k and the arrows move, Enter opens,
/// s flags, u marks unread, Delete sends to Corbeille, r replies, ? lists the shortcuts.</summary>
public class KeyboardTests : WebmailFixture
{
    [Test]
    public async Task MessageList_IsUsableWithTheKeyboardAlone()
    {
        var first = await DeliverAsync("prof.anglais", "eleve2.6a", Unique("Homework one"), "Learn the verbs.");
        var second = await DeliverAsync("prof.anglais", "eleve2.6a", Unique("Homework two"), "Read chapter 2.");
        var third = await DeliverAsync("prof.anglais", "eleve2.6a", Unique("Homework three"), "Write ten lines.");
        await SignInAsync("eleve2.6a", "/mail");

        // Tab from the search field reaches the list; the newest message is first.
        var list = Page.GetByRole(AriaRole.Listbox, new() { Name = "Messages de Boîte de réception" });
        await Expect(list.GetByRole(AriaRole.Option).Filter(new() { HasText = third })).ToBeVisibleAsync();
        await list.FocusAsync();
        await Expect(list).ToBeFocusedAsync();
        var reader = Page.GetByRole(AriaRole.Region, new() { Name = "Lecture du message" });

        await Page.Keyboard.PressAsync("j");
        await Expect(reader.GetByRole(AriaRole.Heading, new() { Name = second })).ToBeVisibleAsync();
        await Page.Keyboard.PressAsync("j");
        await Expect(reader.GetByRole(AriaRole.Heading, new() { Name = first })).ToBeVisibleAsync();
        await Page.Keyboard.PressAsync("k");
        await Expect(reader.GetByRole(AriaRole.Heading, new() { Name = second })).ToBeVisibleAsync();
        await Expect(list).ToHaveAttributeAsync("aria-activedescendant", "msgrow-1");
        await Expect(list.GetByRole(AriaRole.Option, new() { Selected = true })).ToContainTextAsync(second);
        await ScreenshotAsync("keyboard-navigation");

        // s flags the current message, u marks it unread again: both reach the server (seen by IMAP too).
        await Page.Keyboard.PressAsync("s");
        await Expect(reader.GetByRole(AriaRole.Button, new() { Name = "Suivre" })).ToHaveAttributeAsync("aria-pressed", "true");
        await Expect(list.GetByRole(AriaRole.Option).Filter(new() { HasText = second }).GetByRole(AriaRole.Img, new() { Name = "suivi" })).ToBeVisibleAsync();
        await Expect(Page.GetByText("Message suivi.")).ToBeVisibleAsync(); // told once the server has it
        Assert.That(Flags("eleve2.6a", second).HasFlag(MessageFlags.Flagged), Is.True);

        await Page.Keyboard.PressAsync("u");
        await Expect(list.GetByRole(AriaRole.Option).Filter(new() { HasText = second })).ToContainTextAsync("non lu");
        await Expect(Page.GetByText("Marqué comme non lu.")).ToBeVisibleAsync();
        Assert.That(Flags("eleve2.6a", second).HasFlag(MessageFlags.Seen), Is.False);

        // Delete sends it to Corbeille and the next message opens.
        await Page.Keyboard.PressAsync("Delete");
        await Expect(Page.GetByText("Message mis à la corbeille.")).ToBeVisibleAsync();
        await Expect(list.GetByRole(AriaRole.Option).Filter(new() { HasText = second })).ToHaveCountAsync(0);
        Assert.That(Server.HasMessage("eleve2.6a", second), Is.False);
        Assert.That(InFolder("eleve2.6a", SpecialUse.Trash).Any(e => e.Summary.Subject == second), Is.True);
        await Expect(reader.GetByRole(AriaRole.Heading, new() { Name = first })).ToBeVisibleAsync();

        // r answers the open message; Escape closes the composer, which keeps the draft.
        await Page.Keyboard.PressAsync("r");
        var composer = Page.GetByRole(AriaRole.Form, new() { Name = "Réponse" });
        await Expect(composer.GetByLabel("Objet")).ToHaveValueAsync($"Re: {first}");
        await Expect(composer.GetByLabel("Message")).ToBeFocusedAsync();
        await Page.Keyboard.PressAsync("Escape");
        await Expect(composer).ToHaveCountAsync(0);

        // ? lists the shortcuts.
        await list.FocusAsync();
        await Page.Keyboard.PressAsync("Shift+?");
        var help = Page.GetByRole(AriaRole.Dialog, new() { Name = "Raccourcis clavier" });
        await Expect(help).ToBeVisibleAsync();
        await Expect(help).ToContainTextAsync("Répondre à tous");
        await Page.Keyboard.PressAsync("Escape");
        await Expect(help).ToHaveCountAsync(0);
    }

    private MessageFlags Flags(string login, string subject) => Server.Inbox(login).Single(e => e.Summary.Subject == subject).Flags;
}
