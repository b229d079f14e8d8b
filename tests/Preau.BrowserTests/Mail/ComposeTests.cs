using Microsoft.Playwright;
using Preau.BrowserTests.Infrastructure;
using Preau.Core.Mail;
using static Microsoft.Playwright.Assertions;

namespace Preau.BrowserTests.Mail;

/// <summary>Writing: attachments upload as they are added, the draft saves itself in Brouillons, and
/// sending removes it; forwarding keeps the original's text.</summary>
public class ComposeTests : WebmailFixture
{
    [Test]
    public async Task Draft_SavesItself_WithItsAttachment_ThenSendingRemovesIt()
    {
        var subject = Unique("Exposé sur les volcans");
        await SignInAsync("eleve.6a", "/compose");
        var composer = Page.GetByRole(AriaRole.Form, new() { Name = "Nouveau message" });
        await composer.Locator("input[type=file]").SetInputFilesAsync(new FilePayload
        {
            Name = "plan.txt",
            MimeType = "text/plain",
            Buffer = "1. Les volcans\n2. Les séismes\n"u8.ToArray(),
        });
        var to = composer.GetByRole(AriaRole.Combobox, new() { Name = "À" });
        await to.FillAsync("eleve2.6a@demo.preau.test");
        await to.PressAsync("Enter");
        await composer.GetByLabel("Objet").FillAsync(subject);
        await composer.GetByLabel("Message").FillAsync("Voici mon plan, dis-moi ce que tu en penses.");
        await Expect(composer.GetByRole(AriaRole.List, new() { Name = "Pièces jointes" })).ToContainTextAsync("plan.txt");

        // Saved a moment after the last change, without asking…
        var status = composer.GetByRole(AriaRole.Status);
        await Expect(status).ToContainTextAsync("Brouillon enregistré automatiquement");
        Assert.That(InFolder("eleve.6a", SpecialUse.Drafts), Is.Not.Empty);

        // …and on demand: once this save is told, the draft in Brouillons holds everything written.
        await composer.GetByRole(AriaRole.Button, new() { Name = "Enregistrer le brouillon" }).ClickAsync();
        await Expect(status).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^Brouillon enregistré à"));
        var draft = InFolder("eleve.6a", SpecialUse.Drafts).Single(e => e.Summary.Subject == subject);
        Assert.That(draft.Flags.HasFlag(MessageFlags.Draft), Is.True);
        Assert.That(draft.Size, Is.GreaterThan(200), "the attachment is in the draft");

        // Reopened from Brouillons later, the draft comes back whole, attachment included, and sends.
        await Page.GetByRole(AriaRole.Navigation, new() { Name = "Dossiers" }).GetByRole(AriaRole.Link, new() { Name = "Brouillons" }).ClickAsync();
        await Page.GetByRole(AriaRole.Option).Filter(new() { HasText = subject }).ClickAsync();
        var reopened = Page.GetByRole(AriaRole.Form, new() { Name = "Brouillon" });
        await Expect(reopened.GetByLabel("Objet")).ToHaveValueAsync(subject);
        await Expect(reopened.Locator(".chip").Filter(new() { HasText = "eleve2.6a@demo.preau.test" })).ToBeVisibleAsync();
        await Expect(reopened.GetByRole(AriaRole.List, new() { Name = "Pièces jointes" })).ToContainTextAsync("plan.txt");
        await reopened.GetByLabel("Message").PressAsync("End");
        await reopened.GetByLabel("Message").PressSequentiallyAsync(" Merci !");
        await reopened.GetByRole(AriaRole.Button, new() { Name = "Enregistrer le brouillon" }).ClickAsync();
        await Expect(reopened.GetByRole(AriaRole.Status)).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^Brouillon enregistré à"));
        await reopened.GetByRole(AriaRole.Button, new() { Name = "Envoyer" }).ClickAsync();
        await Expect(Page.GetByText("Message envoyé.")).ToBeVisibleAsync();
        Assert.That(Server.HasMessage("eleve2.6a", subject), Is.True);
        using var imap = await Server.ImapAsync("eleve2.6a");
        var inbox = imap.Inbox;
        await inbox.OpenAsync(MailKit.FolderAccess.ReadOnly);
        var uid = (await inbox.SearchAsync(MailKit.Search.SearchQuery.SubjectContains(subject))).Single();
        var received = await inbox.GetMessageAsync(uid);
        Assert.That(received.TextBody, Does.Contain("dis-moi ce que tu en penses. Merci !"));
        var attachment = received.Attachments.OfType<MimeKit.MimePart>().Single();
        Assert.That(attachment.FileName, Is.EqualTo("plan.txt"), "the attachment, carried through two saves of the draft, is sent");
        using var content = new MemoryStream();
        await attachment.Content!.DecodeToAsync(content);
        Assert.That(System.Text.Encoding.UTF8.GetString(content.ToArray()), Is.EqualTo("1. Les volcans\n2. Les séismes\n"));
        await imap.DisconnectAsync(true);
        Assert.That(InFolder("eleve.6a", SpecialUse.Drafts).Any(e => e.Summary.Subject == subject), Is.False, "the draft is gone once sent");
        Assert.That(InFolder("eleve.6a", SpecialUse.Sent).Any(e => e.Summary.Subject == subject), Is.True, "a copy is in Envoyés");
    }

    [Test]
    public async Task Forward_QuotesTheOriginal_AndReachesTheNewRecipient()
    {
        var subject = await DeliverAsync("cpe", "eleve.6a", Unique("Réunion des délégués"), "La réunion aura lieu mardi en salle 12.");
        await SignInAsync("eleve.6a", "/mail");
        await Page.GetByRole(AriaRole.Option).Filter(new() { HasText = subject }).ClickAsync();
        await Page.GetByRole(AriaRole.Region, new() { Name = "Lecture du message" }).GetByRole(AriaRole.Button, new() { Name = "Transférer" }).ClickAsync();

        var composer = Page.GetByRole(AriaRole.Form, new() { Name = "Transfert" });
        await Expect(composer.GetByLabel("Objet")).ToHaveValueAsync($"Fwd: {subject}");
        await Expect(composer.GetByLabel("Message")).ToHaveValueAsync(new System.Text.RegularExpressions.Regex("La réunion aura lieu mardi en salle 12."));
        var to = composer.GetByRole(AriaRole.Combobox, new() { Name = "À" });
        await to.FillAsync("eleve2.6a@demo.preau.test");
        await to.PressAsync("Enter");
        await composer.GetByRole(AriaRole.Button, new() { Name = "Envoyer" }).ClickAsync();
        await Expect(Page.GetByText("Message envoyé.")).ToBeVisibleAsync();
        Assert.That(Server.HasMessage("eleve2.6a", $"Fwd: {subject}"), Is.True);
    }
}
