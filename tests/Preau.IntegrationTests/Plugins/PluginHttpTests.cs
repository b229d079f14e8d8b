using System.IO.Compression;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Preau.IntegrationTests.Infrastructure;

namespace Preau.IntegrationTests.Plugins;

/// <summary>Plugin endpoints through the host's dispatcher, and the admin API, over real HTTP.</summary>
public class PluginHttpTests
{
    private const string Api = "/api/plugins/" + PluginServer.Echo;

    [Test]
    public async Task Endpoints_NeedASessionAndTheDeclaredRight()
    {
        await using var server = await PluginServer.StartAsync([PluginServer.Echo]);
        using var anonymous = PluginServer.Anonymous(server);
        using var pupil = await PluginServer.SignInAsync(server, "eleve.6a");
        using var teacher = await PluginServer.SignInAsync(server, "prof.maths");

        Assert.That((await anonymous.GetAsync($"{Api}/hello")).StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        using (var ping = await anonymous.GetAsync($"{Api}/public/ping"))
        {
            Assert.That(ping.StatusCode, Is.EqualTo(HttpStatusCode.OK), "an anonymous route");
        }

        using (var hello = await teacher.GetAsync($"{Api}/hello"))
        {
            Assert.That(hello.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            using var json = JsonDocument.Parse(await hello.Content.ReadAsStringAsync());
            Assert.That(json.RootElement.GetProperty("caller").GetString(), Is.EqualTo("prof.maths"));
            Assert.That(json.RootElement.GetProperty("version").GetString(), Is.EqualTo("1.0.0"));
        }

        using (var forbidden = await pupil.PutAsJsonAsync($"{Api}/items/a", new { text = "x" }))
        {
            Assert.That(forbidden.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
            using var json = JsonDocument.Parse(await forbidden.Content.ReadAsStringAsync());
            Assert.That(json.RootElement.GetProperty("right").GetString(), Is.EqualTo("echo.use"));
            Assert.That(json.RootElement.GetProperty("error").GetString(), Does.Contain("echo.use"));
        }

        using (var put = await teacher.PutAsJsonAsync($"{Api}/items/a", new { text = "Bonjour" }))
        {
            Assert.That(put.StatusCode, Is.EqualTo(HttpStatusCode.OK), await put.Content.ReadAsStringAsync());
        }

        Assert.That(await teacher.GetStringAsync($"{Api}/items/a"), Does.Contain("Bonjour"));
        Assert.That(await teacher.GetStringAsync($"{Api}/files/a/b%20c/d.txt"), Is.EqualTo("\"a/b c/d.txt\""));
        Assert.That((await teacher.GetAsync($"{Api}/nowhere")).StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That((await teacher.DeleteAsync($"{Api}/hello")).StatusCode, Is.EqualTo(HttpStatusCode.MethodNotAllowed));
        using var noCsrf = PluginServer.Anonymous(server);
        using (await noCsrf.PostAsJsonAsync("/api/session", new { login = "prof.maths", password = TestServer.Password }))
        {
        }

        Assert.That((await noCsrf.PutAsJsonAsync($"{Api}/items/b", new { text = "x" })).StatusCode, Is.EqualTo(HttpStatusCode.Forbidden), "no CSRF header");
        using (var boom = await teacher.GetAsync($"{Api}/boom"))
        {
            Assert.That(boom.StatusCode, Is.EqualTo(HttpStatusCode.InternalServerError));
        }

        Assert.That(server.Runtime.Plugins.Find(PluginServer.Echo)!.Status, Is.EqualTo(Preau.PluginHost.PluginStatus.Active), "a failing route does not fail the plugin");
    }

    [Test]
    public async Task AdminApi_RefusedToAPupil_AllowedToAnAdministrator()
    {
        await using var server = await PluginServer.StartAsync([PluginServer.Echo]);
        using var pupil = await PluginServer.SignInAsync(server, "eleve.6a");
        using var admin = await PluginServer.SignInAsync(server, "admin");

        using (var refused = await pupil.GetAsync("/api/admin/plugins"))
        {
            Assert.That(refused.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
            Assert.That(await refused.Content.ReadAsStringAsync(), Does.Contain("administration.plugins"));
        }

        Assert.That((await pupil.PostAsync($"/api/admin/plugins/{PluginServer.Echo}/disable", null)).StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That(server.Runtime.Plugins.Find(PluginServer.Echo)!.Status, Is.EqualTo(Preau.PluginHost.PluginStatus.Active));

        using var list = JsonDocument.Parse(await admin.GetStringAsync("/api/admin/plugins"));
        var echo = list.RootElement.EnumerateArray().Single();
        Assert.That(echo.GetProperty("id").GetString(), Is.EqualTo(PluginServer.Echo));
        Assert.That(echo.GetProperty("status").GetString(), Is.EqualTo("active"));
        Assert.That(echo.GetProperty("version").GetString(), Is.EqualTo("1.0.0"));
    }

    [Test]
    public async Task AdminApi_DisableEnableUploadDelete_DispatcherFollowsWithoutRestart()
    {
        await using var server = await PluginServer.StartAsync([PluginServer.Echo]);
        using var admin = await PluginServer.SignInAsync(server, "admin");
        using var teacher = await PluginServer.SignInAsync(server, "prof.maths");
        Assert.That((await teacher.GetAsync($"/plugins/{PluginServer.Echo}/ui/index.js")).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        // The module asks for echo.admin (AdministrateurEnt): listed for the admin, not for the teacher.
        Assert.That(await admin.GetStringAsync("/api/plugins"), Does.Contain($"/plugins/{PluginServer.Echo}/ui/index.js"));
        Assert.That(await admin.GetStringAsync("/api/ui/modules"), Does.Contain($"/plugins/{PluginServer.Echo}/ui/index.js"));
        Assert.That(await teacher.GetStringAsync("/api/plugins"), Does.Not.Contain($"/plugins/{PluginServer.Echo}/ui/index.js"));
        Assert.That(await teacher.GetStringAsync("/api/ui/modules"), Is.EqualTo("[]"));

        using (var disabled = await admin.PostAsync($"/api/admin/plugins/{PluginServer.Echo}/disable", null))
        {
            Assert.That(disabled.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(await disabled.Content.ReadAsStringAsync(), Does.Contain("\"disabled\""));
        }

        Assert.That((await teacher.GetAsync($"{Api}/hello")).StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That((await teacher.GetAsync($"/plugins/{PluginServer.Echo}/ui/index.js")).StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That((await admin.PostAsync($"/api/admin/plugins/{PluginServer.Echo}/enable", null)).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That((await teacher.GetAsync($"{Api}/hello")).StatusCode, Is.EqualTo(HttpStatusCode.OK));

        var zip = Path.Combine(server.DataFolder, "echo-v2.zip");
        ZipFile.CreateFromDirectory(PluginServer.Source(PluginServer.EchoV2Folder), zip);
        using (var content = new ByteArrayContent(await File.ReadAllBytesAsync(zip)))
        {
            content.Headers.ContentType = new("application/zip");
            using var upload = await admin.PostAsync("/api/admin/plugins", content);
            Assert.That(upload.StatusCode, Is.EqualTo(HttpStatusCode.Created), await upload.Content.ReadAsStringAsync());
        }

        using (var hello = JsonDocument.Parse(await teacher.GetStringAsync($"{Api}/hello")))
        {
            Assert.That(hello.RootElement.GetProperty("edition").GetString(), Is.EqualTo("v2"));
        }

        using (var deleted = await admin.DeleteAsync($"/api/admin/plugins/{PluginServer.Echo}"))
        {
            Assert.That(deleted.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        }

        Assert.That((await teacher.GetAsync($"{Api}/hello")).StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That((await admin.DeleteAsync($"/api/admin/plugins/{PluginServer.Echo}")).StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        var audit = string.Join("\n", server.Runtime.Audit.Recent(20).Select(e => $"{e.Actor} {e.Action}"));
        Assert.That(audit, Does.Contain("admin plugin.disable").And.Contain("admin plugin.enable").And.Contain("admin plugin.upgrade").And.Contain("admin plugin.remove"));
    }

    [Test]
    public async Task AdminApi_UploadWithPathTraversal_IsRefused()
    {
        await using var server = await PluginServer.StartAsync([]);
        using var admin = await PluginServer.SignInAsync(server, "admin");
        using var buffer = new MemoryStream();
        using (var archive = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var file in Directory.GetFiles(PluginServer.Source(PluginServer.Echo)))
            {
                archive.CreateEntryFromFile(file, Path.GetFileName(file));
            }

            await using var writer = new StreamWriter(await archive.CreateEntry("../../../evil.sh").OpenAsync());
            await writer.WriteAsync("echo pwned");
        }

        using var content = new ByteArrayContent(buffer.ToArray());
        content.Headers.ContentType = new("application/zip");
        using var upload = await admin.PostAsync("/api/admin/plugins", content);

        Assert.That(upload.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(await upload.Content.ReadAsStringAsync(), Does.Contain("evil.sh"));
        Assert.That(server.Runtime.Plugins.List(), Is.Empty);
    }
}
