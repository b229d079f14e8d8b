using Microsoft.Playwright;
using Preau.BrowserTests.Infrastructure;
using Preau.Core.Mail;
using static Microsoft.Playwright.Assertions;

namespace Preau.BrowserTests.Mail;

/// <summary>A pupil's day in the webmail: reading what a teacher sent over SMTP, replying, seeing why a
/// recipient is refused, and new mail arriving without a reload.</summary>
public class PupilMailTests : WebmailFixture
{
    [Test]
    public async Task Pupil_ReadsMessageDeliveredBySmtp_AndReplies()
    {
        var subject = await DeliverAsync("prof.maths", "eleve.6a", Unique("Exercices pour jeudi"), "Bonjour,\nFaites les exercices 4 à 7 page 52.\nM. Dupuis");
        await Page.GotoAsync("/");
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Connexion" })).ToBeVisibleAsync();
        await ScreenshotAsync("login");
        await SignInAsync("eleve.6a");
        await ScreenshotAsync("home");

        await Page.GetByRole(AriaRole.Navigation, new() { Name = "Navigation principale" }).GetByRole(AriaRole.Link, new() { Name = "Messagerie" }).ClickAsync();
        var row = Page.GetByRole(AriaRole.Option).Filter(new() { HasText = subject });
        await Expect(row).ToBeVisibleAsync();
        await Expect(row).ToContainTextAsync("non lu");
        await ScreenshotAsync("mail-list");

        await row.ClickAsync();
        var reader = Page.GetByRole(AriaRole.Region, new() { Name = "Lecture du message" });
        await Expect(reader.GetByRole(AriaRole.Heading, new() { Name = subject })).ToBeVisibleAsync();
        await Expect(reader).ToContainTextAsync("Faites les exercices 4 à 7 page 52.");
        await Expect(reader).ToContainTextAsync("prof.maths@demo.preau.test");
        await Expect(row).Not.ToContainTextAsync("non lu");
        await ScreenshotAsync("reading-pane");
        Assert.That(Server.Inbox("eleve.6a").Single(e => e.Summary.Subject == subject).Flags.HasFlag(MessageFlags.Seen), Is.True, "reading in the webmail sets \\Seen for every client");

        await reader.GetByRole(AriaRole.Button, new() { Name = "Répondre", Exact = true }).ClickAsync();
        var composer = Page.GetByRole(AriaRole.Form, new() { Name = "Réponse" });
        await Expect(composer.GetByLabel("Objet")).ToHaveValueAsync($"Re: {subject}");
        await Expect(composer.Locator(".chip").Filter(new() { HasText = "prof.maths@demo.preau.test" })).ToBeVisibleAsync();
        await Expect(composer.GetByLabel("Message")).ToHaveValueAsync(new System.Text.RegularExpressions.Regex("> Faites les exercices 4 à 7 page 52."));
        await composer.GetByLabel("Message").PressAsync("Control+Home");
        await composer.GetByLabel("Message").PressSequentiallyAsync("Merci, c'est noté !");
        await composer.GetByRole(AriaRole.Button, new() { Name = "Envoyer" }).ClickAsync();
        await Expect(Page.GetByText("Message envoyé.")).ToBeVisibleAsync();

        var reply = Server.Inbox("prof.maths").Single(e => e.Summary.Subject == $"Re: {subject}");
        Assert.That(reply, Is.Not.Null);
        var original = Server.Inbox("eleve.6a").Single(e => e.Summary.Subject == subject);
        Assert.That(original.Flags.HasFlag(MessageFlags.Answered), Is.True, "the original is marked answered");
        await Expect(Page.GetByRole(AriaRole.Option).Filter(new() { HasText = subject }).GetByRole(AriaRole.Img, new() { Name = "répondu" })).ToBeVisibleAsync();
    }

    [Test]
    public async Task Pupil_SeesTheRulesReason_ForAForbiddenRecipient_BeforeSending()
    {
        await SignInAsync("eleve.6a", "/compose");
        var composer = Page.GetByRole(AriaRole.Form, new() { Name = "Nouveau message" });
        var to = composer.GetByRole(AriaRole.Combobox, new() { Name = "À" });
        await to.FillAsync("parent.5b@demo.preau.test");
        await to.PressAsync("Enter");
        await composer.GetByLabel("Objet").FillAsync("Bonjour");

        var chip = composer.Locator(".chip").Filter(new() { HasText = "parent.5b@demo.preau.test" });
        await Expect(chip).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("is-refused"));
        var reason = composer.Locator(".rcpt-reason").Filter(new() { HasText = "parent.5b" });
        await Expect(reason).ToContainTextAsync("les élèves écrivent à leurs propres parents");
        await Expect(composer.GetByText("0 destinataire sur 150 au plus")).ToBeVisibleAsync();
        await ScreenshotAsync("compose-refusal");

        // Sending anyway: the server refuses the whole message and says why; nothing is delivered.
        await composer.GetByLabel("Message").FillAsync("Bonjour madame");
        await composer.GetByRole(AriaRole.Button, new() { Name = "Envoyer" }).ClickAsync();
        var alert = composer.Locator(".compose-errors .banner-danger");
        await Expect(alert).ToContainTextAsync("parent.5b@demo.preau.test");
        await Expect(alert).ToContainTextAsync("les élèves écrivent à leurs propres parents");
        Assert.That(Server.HasMessage("parent.5b", "Bonjour"), Is.False);
    }

    [Test]
    public async Task Pupil_SuggestionsOfferOnlyWhomThePupilMayWriteTo_AndCountTheRecipients()
    {
        await SignInAsync("eleve.6a", "/compose");
        var composer = Page.GetByRole(AriaRole.Form, new() { Name = "Nouveau message" });
        var to = composer.GetByRole(AriaRole.Combobox, new() { Name = "À" });
        await to.PressSequentiallyAsync("6A");
        var suggestions = Page.GetByRole(AriaRole.Listbox, new() { Name = "Suggestions" });
        await Expect(suggestions.GetByRole(AriaRole.Option).First).ToBeVisibleAsync();
        await Expect(suggestions).ToContainTextAsync("Élève 2 6A Démo");
        await Expect(suggestions).Not.ToContainTextAsync("Parents de 6A");
        await Expect(suggestions).Not.ToContainTextAsync("Élèves de 6A");

        await suggestions.GetByRole(AriaRole.Option).Filter(new() { HasText = "Élève 2 6A Démo" }).ClickAsync();
        await Expect(composer.Locator(".chip").Filter(new() { HasText = "Élève 2 6A Démo" })).ToBeVisibleAsync();
        await Expect(composer.GetByText("1 destinataire sur 150 au plus")).ToBeVisibleAsync();
    }

    [Test]
    public async Task NewMail_AppearsWithoutReloading()
    {
        await SignInAsync("eleve.6a", "/mail");
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Boîte de réception" })).ToBeVisibleAsync();
        await Expect(Page.Locator(".list-count")).ToContainTextAsync("message");
        await Page.EvaluateAsync("() => { window.preauSamePage = true; }");

        var subject = await DeliverAsync("eleve2.6a", "eleve.6a", Unique("Tu viens au club ?"), "Rendez-vous à 13 h au CDI.");

        var row = Page.GetByRole(AriaRole.Option).Filter(new() { HasText = subject });
        await Expect(row).ToBeVisibleAsync();
        await Expect(row).ToContainTextAsync("non lu");
        var unread = Server.Inbox("eleve.6a").Count(e => !e.Flags.HasFlag(MessageFlags.Seen));
        await Expect(Page.Locator(".folder-link[aria-current='page'] .badge")).ToHaveTextAsync(unread.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.That(await Page.EvaluateAsync<bool>("() => window.preauSamePage === true"), Is.True, "the page was not reloaded");
    }
}
