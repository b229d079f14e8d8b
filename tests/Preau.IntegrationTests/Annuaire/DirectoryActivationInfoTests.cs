using System.Net;
using Preau.IntegrationTests.Infrastructure;
using Preau.IntegrationTests.Plugins;
using static Preau.IntegrationTests.Annuaire.AnnuaireHttp;

namespace Preau.IntegrationTests.Annuaire;

/// <summary><c>GET activate</c>, what the sign-in page asks before offering « Première connexion ? »:
/// 200 <c>{available: true}</c> to anyone while the plugin runs, 404 once it is disabled (and on a
/// server without it); and the activation page's address on the code sheets, from the setting
/// <c>ActivationUrl</c>.</summary>
public class DirectoryActivationInfoTests
{
    [Test]
    public async Task Available_Anonymously_ThenNotFoundOnceThePluginIsDisabled()
    {
        await using var server = await PluginServer.StartAsync([Plugin]);
        using var anonymous = PluginServer.Anonymous(server);

        var info = await ExpectAsync(anonymous, HttpStatusCode.OK, HttpMethod.Get, "activate");

        Assert.That(info.Json.GetProperty("available").GetBoolean(), Is.True);
        Assert.That(info.Json.EnumerateObject().Select(p => p.Name), Is.EquivalentTo(new[] { "available" }), "nothing about any account");
        Assert.That(info.Response.Headers.CacheControl?.NoStore, Is.True);
        Assert.That(info.Response.Headers.Contains("Set-Cookie"), Is.False);

        using var admin = await PluginServer.SignInAsync(server, "admin");
        using (var disabled = await admin.PostAsync($"/api/admin/plugins/{Plugin}/disable", null))
        {
            Assert.That(disabled.StatusCode, Is.EqualTo(HttpStatusCode.OK), await disabled.Content.ReadAsStringAsync());
        }

        await ExpectAsync(anonymous, HttpStatusCode.NotFound, HttpMethod.Get, "activate");
        await ExpectAsync(anonymous, HttpStatusCode.NotFound, HttpMethod.Post, "activate", new { login = "x", code = "y", password = "z" });
    }

    [Test]
    public async Task NotFound_OnAServerWithoutThePlugin()
    {
        await using var server = await TestServer.StartAsync();
        using var anonymous = PluginServer.Anonymous(server);

        await ExpectAsync(anonymous, HttpStatusCode.NotFound, HttpMethod.Get, "activate");
    }

    [Test]
    public async Task CodeSheets_CarryTheConfiguredActivationPage()
    {
        const string page = "https://mail.college.example/activation";
        await using var server = await PluginServer.StartAsync([Plugin], s => s[$"PluginSettings:{Plugin}:ActivationUrl"] = page);

        var school = ImportedSchool.Import(server);

        Assert.That(school.Codes.Select(c => c.Page).Distinct(), Is.EqualTo(new[] { page }));
    }
}
