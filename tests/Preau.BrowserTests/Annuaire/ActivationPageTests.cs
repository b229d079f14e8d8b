using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Preau.BrowserTests.Infrastructure;
using Preau.Core.Accounts;
using Preau.Plugins.Directory.Fixtures;
using Preau.Server.Cli;
using static Microsoft.Playwright.Assertions;

namespace Preau.BrowserTests.Annuaire;

/// <summary>The page where a family or a pupil activates their account with the code of their sheet
/// (<c>/activation</c>, signed out): reached from the sign-in page's « Première connexion ? » (shown
/// because the directory plugin answers <c>GET activate</c>), a password the policy refuses gets its
/// French reason on the password field, a good one activates the account, « Se connecter » opens the
/// sign-in page with the login filled in, and the new password opens the mailbox. A wrong code gets
/// the server's single message on the code field. The accounts and codes come from a synthetic SIECLE
/// import run through <c>preau import siecle --codes</c>, read back from its CSV sheets.</summary>
public class ActivationPageTests : DirectoryPluginFixture
{
    private const string GoodPassword = "Une phrase de passe 2026";

    private readonly Queue<(string Login, string Address, string Code)> _codes = new();

    private protected override void Configure(Dictionary<string, string?> settings)
    {
        base.Configure(settings);
        // All tests fail from 127.0.0.1: keep the per-address limit out of their way.
        settings[$"PluginSettings:{Plugin}:ActivationFailuresPerAddress"] = "100";
    }

    [OneTimeSetUp]
    public void ImportSchool()
    {
        var root = Server.DataFolder + "-school";
        var snapshot = SyntheticSchool.Generate(new SyntheticSchoolOptions { Uai = "0990001Z", Pupils = 24, PupilsPerClass = 24, Staff = 6 });
        var zip = FixtureFiles.Write(snapshot, Path.Combine(root, "exports"), FixtureEncoding.Latin9, FixtureLayout.OneZip).Single();
        var codes = Path.Combine(root, "codes");
        var run = RemoteCli.TryRun(Server.DataFolder, ["import", "siecle", zip, "--codes", codes])!;
        Assert.That(run.Exit, Is.Zero, run.Output);
        foreach (var cells in Directory.GetFiles(codes, "codes-*.csv")
            .SelectMany(file => File.ReadAllLines(file, Encoding.UTF8).Skip(1))
            .Select(line => line.Split(';'))
            .Where(cells => cells[1] == "Élève"))
        {
            Assert.That(cells[8], Is.EqualTo("/activation"), "the sheet names the activation page");
            _codes.Enqueue((cells[5], cells[6], cells[7]));
        }

        Assert.That(_codes, Has.Count.GreaterThan(3));
    }

    private (string Login, string Address, string Code) NextCode()
    {
        lock (_codes)
        {
            return _codes.Dequeue();
        }
    }

    private AccountState StateOf(string login) => Server.Runtime.Directory.Find(login)!.State;

    private ILocator Alert => Page.GetByRole(AriaRole.Alert);

    private async Task FillAsync(string login, string code, string password, string? confirmation = null)
    {
        await Page.GetByLabel("Identifiant").FillAsync(login);
        await Page.GetByLabel("Code d’activation").FillAsync(code);
        await Page.GetByLabel("Nouveau mot de passe", new() { Exact = true }).FillAsync(password);
        await Page.GetByLabel("Confirmation", new() { Exact = true }).FillAsync(confirmation ?? password);
    }

    private Task SubmitAsync() => Page.GetByRole(AriaRole.Button, new() { Name = "Activer mon compte" }).ClickAsync();

    /// <summary>The field is marked invalid, described by the error, and has the focus.</summary>
    private async Task ExpectErrorOnAsync(ILocator field)
    {
        await Expect(field).ToHaveAttributeAsync("aria-invalid", "true");
        var errorId = await Alert.GetAttributeAsync("id");
        await Expect(field).ToHaveAttributeAsync("aria-describedby", new Regex($"(^| ){Regex.Escape(errorId!)}( |$)"));
        await Expect(field).ToBeFocusedAsync();
    }

    [Test]
    public async Task FirstConnection_FromTheLoginPage_WeakThenGoodPassword_ThenSignsIn()
    {
        var (login, address, code) = NextCode();
        Assert.That(StateOf(login), Is.EqualTo(AccountState.NotActivated));
        await Page.GotoAsync("/");
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Connexion" })).ToBeVisibleAsync();
        await Expect(Page.GetByText("Première connexion ?")).ToBeVisibleAsync();

        await Page.GetByRole(AriaRole.Link, new() { Name = "Activer votre compte" }).ClickAsync();
        await Expect(Page).ToHaveURLAsync(new Regex("/activation$"));
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Activer votre compte", Level = 1 })).ToBeVisibleAsync();
        await Expect(Page.GetByLabel("Identifiant")).ToBeFocusedAsync();

        await FillAsync(login, code, "court");
        await SubmitAsync();
        await Expect(Alert).ToHaveTextAsync("Le mot de passe est trop court : au moins 8 caractères.");
        var password = Page.GetByLabel("Nouveau mot de passe", new() { Exact = true });
        await ExpectErrorOnAsync(password);
        await Expect(Page.GetByLabel("Code d’activation")).Not.ToHaveAttributeAsync("aria-invalid", "true");
        Assert.That(StateOf(login), Is.EqualTo(AccountState.NotActivated), "a refused password changes nothing");
        await ScreenshotAsync("activation-weak-password");

        await FillAsync(login, code, GoodPassword, GoodPassword + "!");
        await SubmitAsync();
        await Expect(Alert).ToHaveTextAsync("Les deux saisies du mot de passe sont différentes.");
        await ExpectErrorOnAsync(Page.GetByLabel("Confirmation", new() { Exact = true }));

        await FillAsync(login, code, GoodPassword);
        await SubmitAsync();
        var done = Page.GetByRole(AriaRole.Heading, new() { Name = "Compte activé", Level = 1 });
        await Expect(done).ToBeFocusedAsync();
        await Expect(Page.Locator(".activation-done")).ToContainTextAsync(address);
        Assert.That(StateOf(login), Is.EqualTo(AccountState.Active));
        await ScreenshotAsync("activation-done");

        await Page.GetByRole(AriaRole.Link, new() { Name = "Se connecter" }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Connexion" })).ToBeVisibleAsync();
        await Expect(Page.GetByLabel("Identifiant")).ToHaveValueAsync(login);
        await Expect(Page.GetByLabel("Mot de passe")).ToBeFocusedAsync();
        await Page.GetByLabel("Mot de passe").FillAsync(GoodPassword);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Se connecter" }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Banner)).ToBeVisibleAsync();
        await Page.GetByRole(AriaRole.Navigation, new() { Name = "Navigation principale" }).GetByRole(AriaRole.Link, new() { Name = "Messagerie" }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Boîte de réception" })).ToBeVisibleAsync();
    }

    [Test]
    public async Task WrongCode_GetsTheServersSingleMessage_OnTheCodeField()
    {
        var (login, _, code) = NextCode();
        await Page.GotoAsync($"/activation?login={login}");
        await Expect(Page.GetByLabel("Identifiant")).ToHaveValueAsync(login);
        await Expect(Page.GetByLabel("Code d’activation")).ToBeFocusedAsync();
        var wrong = code[..^1] + (code[^1] == 'A' ? 'B' : 'A');

        await FillAsync(login, wrong, GoodPassword);
        await SubmitAsync();

        await Expect(Alert).ToHaveTextAsync("Identifiant ou code d'activation incorrect.");
        await ExpectErrorOnAsync(Page.GetByLabel("Code d’activation"));
        await Expect(Page.GetByLabel("Nouveau mot de passe", new() { Exact = true })).ToHaveValueAsync(GoodPassword);
        Assert.That(StateOf(login), Is.EqualTo(AccountState.NotActivated));

        await FillAsync("personne.inconnue", code, GoodPassword);
        await SubmitAsync();
        await Expect(Alert).ToHaveTextAsync("Identifiant ou code d'activation incorrect.");
    }

    [Test]
    public async Task EmptyForm_PointsAtTheMissingFields_WithoutCallingTheServer()
    {
        var (login, _, _) = NextCode();
        await Page.GotoAsync("/activation");
        await Page.GetByLabel("Identifiant").FillAsync(login);

        await SubmitAsync();

        await Expect(Alert).ToHaveTextAsync("Remplissez les champs signalés.");
        await ExpectErrorOnAsync(Page.GetByLabel("Code d’activation"));
        await Expect(Page.GetByLabel("Confirmation", new() { Exact = true })).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(Page.GetByLabel("Identifiant")).Not.ToHaveAttributeAsync("aria-invalid", "true");
    }

    [Test]
    public async Task ActivationPage_IsAccessible_EmptyWithAnErrorAndDone()
    {
        var (login, _, code) = NextCode();
        await Page.GotoAsync("/activation");
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Activer votre compte", Level = 1 })).ToBeVisibleAsync();
        await Axe.AssertAccessibleAsync(Page, "activation page");

        await FillAsync(login, code, "court");
        await SubmitAsync();
        await Expect(Alert).Not.ToBeEmptyAsync();
        await Axe.AssertAccessibleAsync(Page, "activation page with an error");

        await FillAsync(login, code, GoodPassword);
        await SubmitAsync();
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Compte activé" })).ToBeVisibleAsync();
        await Axe.AssertAccessibleAsync(Page, "activation done");
    }
}
