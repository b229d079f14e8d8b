using System.Text;
using Microsoft.Playwright;
using MimeKit;
using Preau.BrowserTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Preau.BrowserTests.Mail;

/// <summary>HTML mail in the reading pane: sanitised, shown in a sandboxed frame without scripts, remote
/// images held back until the reader asks; attachments download.</summary>
public class HtmlMailTests : WebmailFixture
{
    [Test]
    public async Task HtmlMail_IsShownSanitised_AndRemoteImagesWaitForTheReader()
    {
        var subject = Unique("Sortie au musée");
        await DeliverAsync("cpe", "eleve.5b", subject, "", message =>
        {
            var body = new BodyBuilder
            {
                HtmlBody = "<h2 style=\"color:#b00000\">Sortie au musée</h2><p>Rendez-vous <b>vendredi</b> à 8 h.</p>"
                    + "<p><img id=\"logo\" src=\"https://images.example.org/logo.png\" alt=\"logo du musée\"></p>"
                    + "<script>document.title='pwned'</script><p onclick=\"alert(1)\">Bonne sortie !</p>",
                TextBody = "Rendez-vous vendredi à 8 h.",
            };
            body.Attachments.Add("autorisation.txt", Encoding.UTF8.GetBytes("Autorisation de sortie\n"), new ContentType("text", "plain"));
            message.Body = body.ToMessageBody();
        });
        await SignInAsync("eleve.5b", "/mail");
        await Page.GetByRole(AriaRole.Option).Filter(new() { HasText = subject }).ClickAsync();

        var frameElement = Page.Locator("iframe.reader-frame");
        await Expect(frameElement).ToHaveAttributeAsync("sandbox", "allow-popups allow-popups-to-escape-sandbox");
        var frame = Page.FrameLocator("iframe.reader-frame");
        await Expect(frame.GetByRole(AriaRole.Heading, new() { Name = "Sortie au musée" })).ToHaveCSSAsync("color", "rgb(176, 0, 0)");
        await Expect(frame.Locator("body")).ToContainTextAsync("Rendez-vous vendredi à 8 h.");
        await Expect(frame.Locator("script")).ToHaveCountAsync(0);
        await Expect(frame.Locator("[onclick]")).ToHaveCountAsync(0);
        await Expect(frame.Locator("#logo, img[alt='logo du musée']")).Not.ToHaveAttributeAsync("src", new System.Text.RegularExpressions.Regex("^https:"));
        Assert.That(await Page.TitleAsync(), Does.Not.Contain("pwned"));

        var banner = Page.GetByText("Les images distantes sont bloquées pour protéger votre vie privée.");
        await Expect(banner).ToBeVisibleAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Afficher les images" }).ClickAsync();
        await Expect(frameElement).ToHaveAttributeAsync("src", new System.Text.RegularExpressions.Regex("images=1"));
        await Expect(frame.Locator("img[alt='logo du musée']")).ToHaveAttributeAsync("src", "https://images.example.org/logo.png");
        await Expect(banner).ToHaveCountAsync(0);

        var download = await Page.RunAndWaitForDownloadAsync(() => Page.GetByRole(AriaRole.Link, new() { Name = "autorisation.txt" }).ClickAsync());
        Assert.That(download.SuggestedFilename, Is.EqualTo("autorisation.txt"));
        var saved = await download.PathAsync();
        Assert.That((await File.ReadAllTextAsync(saved)).ReplaceLineEndings("\n"), Is.EqualTo("Autorisation de sortie\n"));
    }
}
