using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Preau.Core.Accounts;
using Preau.IntegrationTests.Infrastructure;
using Preau.IntegrationTests.Plugins;
using Preau.Plugins.Directory.Fixtures;
using Preau.Plugins.Directory.Model;

namespace Preau.IntegrationTests.Annuaire;

/// <summary>What the import tests share: exports written beside a server's data folder, an import
/// through the admin API (upload, then poll the job until its report), and accounts by external id.</summary>
internal static class ImportApi
{
    public const string Plugin = "Preau.Plugins.Directory";

    public const string Api = "/api/plugins/" + Plugin;

    /// <summary>The UAI of the schools the tests import.</summary>
    public const string Uai = "0990001Z";

    /// <summary>A server with the plugin over an empty directory holding only an administrator
    /// (<c>admin</c>), as a school's server is before its first import: no demo school whose class
    /// codes (6A…3F) and teachers would mix with the imported ones.</summary>
    public static async Task<TestServer> StartSchoolServerAsync(Action<Dictionary<string, string?>>? configure = null)
    {
        var server = await PluginServer.StartAsync([Plugin], settings =>
        {
            var demo = settings["Storage:DataDirectory"]!;
            Directory.Delete(demo, recursive: true);
            settings["Storage:DataDirectory"] = demo + "-school";
            configure?.Invoke(settings);
        });
        _ = server.Runtime.Directory.AddAccount(
            new Account { Id = "acc-admin", Login = "admin", DisplayName = "Administrateur ENT", Profile = Profile.AdministrateurEnt, Uai = Uai },
            TestServer.Password,
            "test");
        return server;
    }

    /// <summary>Writes the exports of <paramref name="snapshot"/> into a new folder beside the server's data.</summary>
    public static IReadOnlyList<string> Exports(
        TestServer server, ImportSnapshot snapshot, FixtureEncoding encoding = FixtureEncoding.Latin9, FixtureLayout layout = FixtureLayout.OneZip)
    {
        var folder = Path.Combine(server.DataFolder, "..", $"{Path.GetFileName(server.DataFolder)}-exports-{Guid.NewGuid():N}");
        return FixtureFiles.Write(snapshot, Path.GetFullPath(folder), encoding, layout);
    }

    /// <summary>Uploads the files to <c>POST import</c> and waits for the job's report.</summary>
    public static async Task<JsonElement> ImportAsync(HttpClient admin, IEnumerable<string> files, bool dryRun = false)
    {
        using var content = new MultipartFormDataContent();
        foreach (var path in files)
        {
            var file = new ByteArrayContent(await File.ReadAllBytesAsync(path));
            file.Headers.ContentType = new MediaTypeHeaderValue(path.EndsWith(".zip", StringComparison.Ordinal) ? "application/zip" : "application/xml");
            content.Add(file, "files", Path.GetFileName(path));
        }

        content.Add(new StringContent(dryRun ? "true" : "false"), "dryRun");
        using var started = await admin.PostAsync($"{Api}/import", content);
        var body = await started.Content.ReadAsStringAsync();
        Assert.That(started.StatusCode, Is.EqualTo(HttpStatusCode.Accepted), body);
        var jobId = JsonDocument.Parse(body).RootElement.GetProperty("jobId").GetString();
        for (var i = 0; i < 1200; i++)
        {
            using var poll = await admin.GetAsync($"{Api}/import/{jobId}");
            var json = JsonDocument.Parse(await poll.Content.ReadAsStringAsync()).RootElement;
            Assert.That(poll.StatusCode, Is.EqualTo(HttpStatusCode.OK), json.ToString());
            if (json.GetProperty("state").GetString() == "done")
            {
                return json.GetProperty("report").Clone();
            }

            await Task.Delay(100);
        }

        Assert.Fail("the import job did not end within two minutes");
        return default;
    }

    /// <summary>Uploads and checks that the import was applied.</summary>
    public static async Task<JsonElement> ApplyAsync(HttpClient admin, IEnumerable<string> files)
    {
        var report = await ImportAsync(admin, files);
        Assert.That(report.GetProperty("outcome").GetString(), Is.EqualTo("applied"), report.ToString());
        return report;
    }

    /// <summary>The account imported for this external id (INE, PERSONNE_ID, STS id).</summary>
    public static Account Account(TestServer server, string externalId) =>
        server.Runtime.Directory.Graph.Data.Accounts.Single(a => a.ExternalId == externalId);

    /// <summary>Gives an imported account the test password (what activation does).</summary>
    public static string Activate(TestServer server, Account account)
    {
        _ = server.Runtime.Directory.SetPassword(account.Login, TestServer.Password, "test");
        return account.Login;
    }
}
