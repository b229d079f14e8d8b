using System.Net;
using System.Text.Json;
using MailKit.Net.Smtp;
using Microsoft.Playwright;
using MimeKit;
using Preau.BrowserTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Preau.BrowserTests.Admin;

/// <summary>The administrator's pages: external mail opened for one class (and what it changes for its
/// pupils over SMTP), accounts, the rights matrix, the audit log; and a pupil does not see them.</summary>
public class AdminTests : WebmailFixture
{
    [Test]
    public async Task Admin_OpensExternalMailForAClass_AndItsPupilsMayWriteOutside()
    {
        Assert.That(await CanWriteOutsideAsync("eleve.6a"), Is.False, "closed by default");
        await SignInAsync("admin", "/admin/policy");
        var card = Page.GetByRole(AriaRole.Region, new() { Name = "Courrier extérieur des élèves" });
        var sixA = card.GetByRole(AriaRole.Switch, new() { Name = "6e A" });
        await Expect(sixA).Not.ToBeCheckedAsync();
        await ScreenshotAsync("admin-policy");

        await sixA.CheckAsync();
        await Expect(Page.GetByText("Courrier extérieur ouvert pour la classe 6e A.")).ToBeVisibleAsync();
        await Expect(sixA).ToBeCheckedAsync();
        Assert.That(Server.Runtime.Policy.State.ExternalOpenClasses, Does.Contain("6A"));
        Assert.That(await CanWriteOutsideAsync("eleve.6a"), Is.True, "a pupil of 6A now writes outside");
        Assert.That(await CanWriteOutsideAsync("eleve.5b"), Is.False, "5B stays closed");

        // The choice survives a reload of the page (it is the server's state, not the page's).
        await Page.ReloadAsync();
        await Expect(card.GetByRole(AriaRole.Switch, new() { Name = "6e A" })).ToBeCheckedAsync();

        await Page.GetByRole(AriaRole.Link, new() { Name = "Journal d’audit" }).First.ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Journal d’audit" })).ToBeVisibleAsync();
        await Expect(Page.GetByRole(AriaRole.Table).GetByRole(AriaRole.Row).Filter(new() { HasText = "admin" }).First).ToContainTextAsync("6A");
        await ScreenshotAsync("admin-audit");
    }

    [Test]
    public async Task Admin_SuspendsAnAccount_AndGivesItANewPassword()
    {
        await SignInAsync("admin", "/admin/accounts");
        await Page.GetByLabel("Rechercher").FillAsync("eleve2.6a");
        var row = Page.GetByRole(AriaRole.Row).Filter(new() { HasText = "eleve2.6a" });
        await Expect(row).ToContainTextAsync("Actif");
        await ScreenshotAsync("admin-accounts");

        await row.GetByRole(AriaRole.Button, new() { Name = "Suspendre" }).ClickAsync();
        await Page.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "Suspendre" }).ClickAsync();
        await Expect(row).ToContainTextAsync("Suspendu");
        Assert.That(Server.Runtime.Directory.Find("eleve2.6a")!.State, Is.EqualTo(Preau.Core.Accounts.AccountState.Suspended));

        await row.GetByRole(AriaRole.Button, new() { Name = "Réactiver" }).ClickAsync();
        await Page.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "Réactiver" }).ClickAsync();
        await Expect(row).ToContainTextAsync("Actif");

        await row.GetByRole(AriaRole.Button, new() { Name = "Nouveau mot de passe" }).ClickAsync();
        await Page.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "Nouveau mot de passe" }).ClickAsync();
        var secret = Page.GetByRole(AriaRole.Dialog, new() { Name = "Nouveau mot de passe de Élève 2 6A Démo" }).GetByTestId("secret");
        await Expect(secret).Not.ToBeEmptyAsync();
        var password = (await secret.TextContentAsync())!.Trim();
        using var smtp = new SmtpClient { ServerCertificateValidationCallback = (_, _, _, _) => true };
        await smtp.ConnectAsync("127.0.0.1", Server.SubmissionPort, MailKit.Security.SecureSocketOptions.StartTls);
        await smtp.AuthenticateAsync("eleve2.6a", password);
        Assert.That(smtp.IsAuthenticated, Is.True, "the password shown works");
    }

    [Test]
    public async Task Admin_SeesTheRightsMatrix_AndEveryAdministrationPage()
    {
        await SignInAsync("admin", "/admin/services");
        var messagerie = Page.GetByRole(AriaRole.Region, new() { Name = "Messagerie" });
        await Expect(messagerie.GetByRole(AriaRole.Checkbox, new() { Name = "Envoyer des messages — Élèves" })).ToBeCheckedAsync();
        await ScreenshotAsync("admin-services");

        await Page.GetByRole(AriaRole.Navigation, new() { Name = "Rubriques de l’administration" }).GetByRole(AriaRole.Link, new() { Name = "Extensions" }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Extensions", Level = 1 })).ToBeVisibleAsync();
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Installer ou mettre à jour une extension" })).ToBeVisibleAsync();
        await ScreenshotAsync("admin-plugins");

        foreach (var (link, heading) in new[] { ("Comptes", "Comptes"), ("Règles d’envoi", "Règles d’envoi"), ("Journal d’audit", "Journal d’audit") })
        {
            await Page.GetByRole(AriaRole.Navigation, new() { Name = "Rubriques de l’administration" }).GetByRole(AriaRole.Link, new() { Name = link }).ClickAsync();
            await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = heading, Level = 1 })).ToBeVisibleAsync();
        }
    }

    [Test]
    public async Task Pupil_SeesNoAdministration()
    {
        await SignInAsync("eleve.6a");
        await Expect(Page.GetByRole(AriaRole.Link, new() { Name = "Comptes" })).ToHaveCountAsync(0);
        await Expect(Page.GetByText("Administration", new() { Exact = true })).ToHaveCountAsync(0);
        await Page.GotoAsync("/admin/policy");
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Accès réservé" })).ToBeVisibleAsync();
        using var api = await ApiAsync("eleve.6a");
        using var response = await api.GetAsync("/api/admin/policy");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.That(body.RootElement.GetProperty("right").GetString(), Is.EqualTo("administration.policy"));
    }

    /// <summary>Whether the pupil's RCPT to an outside address is accepted at submission.</summary>
    private async Task<bool> CanWriteOutsideAsync(string login)
    {
        using var client = await Server.SubmitAsync(login);
        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse($"{login}@{Preau.IntegrationTests.Infrastructure.TestServer.Domain}"));
        message.To.Add(MailboxAddress.Parse("correspondant@exemple.org"));
        message.Subject = "Bonjour";
        message.Body = new TextPart("plain") { Text = "Hello!" };
        try
        {
            await client.SendAsync(message);
            return true;
        }
        catch (SmtpCommandException ex) when (ex.ErrorCode == SmtpErrorCode.RecipientNotAccepted)
        {
            return false;
        }
        finally
        {
            await client.DisconnectAsync(true);
        }
    }
}
