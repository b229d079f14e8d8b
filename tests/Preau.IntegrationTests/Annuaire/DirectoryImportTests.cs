using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using MailKit.Net.Smtp;
using Preau.Core.Accounts;
using Preau.IntegrationTests.Infrastructure;
using Preau.IntegrationTests.Plugins;
using Preau.Plugins.Directory.Fixtures;
using Preau.Plugins.Directory.Model;
using Preau.Server.Cli;

namespace Preau.IntegrationTests.Annuaire;

/// <summary>The directory plugin installed in a real server: SIECLE and STSweb imports through the
/// CLI verbs (admin socket) and the API, then mail that follows the imported relations.</summary>
public class DirectoryImportTests
{
    private const string Plugin = "Preau.Plugins.Directory";

    private static ImportSnapshot School() => SyntheticSchool.Generate(new SyntheticSchoolOptions { Uai = "0990001Z", Pupils = 120, PupilsPerClass = 24, Staff = 20 });

    private static string Exports(TestServer server, ImportSnapshot snapshot, string name) =>
        FixtureFiles.Write(snapshot, Path.Combine(server.DataFolder, "..", Path.GetFileName(server.DataFolder) + "-" + name), FixtureEncoding.Latin9, FixtureLayout.OneZip).Single();

    private static int Accounts(TestServer server) => server.Runtime.Directory.Graph.Data.Accounts.Count;

    [Test]
    public async Task Cli_DryRunChangesNothing_ImportCreatesAccounts_ReimportWritesNothing()
    {
        await using var server = await PluginServer.StartAsync([Plugin]);
        var snapshot = School();
        var zip = Exports(server, snapshot, "exports");
        var before = Accounts(server);

        var dry = RemoteCli.TryRun(server.DataFolder, ["import", "siecle", zip, "--dry-run"])!;
        Assert.That(dry.Exit, Is.Zero, dry.Output);
        Assert.That(dry.Output, Does.Contain("Simulation").And.Contain("ajouté"));
        Assert.That(Accounts(server), Is.EqualTo(before), "a dry run changes nothing");

        var codes = Path.Combine(server.DataFolder, "..", Path.GetFileName(server.DataFolder) + "-codes");
        var run = RemoteCli.TryRun(server.DataFolder, ["import", "siecle", zip, "--codes", codes])!;
        Assert.That(run.Exit, Is.Zero, run.Output);
        var added = Accounts(server) - before;
        Assert.That(added, Is.InRange(snapshot.Pupils.Count + snapshot.Staff.Count + 1, snapshot.Pupils.Count + snapshot.Staff.Count + snapshot.Responsables.Count));
        var csv = Directory.GetFiles(codes, "codes-*.csv");
        Assert.That(csv, Has.Length.GreaterThan(1));
        Assert.That(File.ReadAllText(csv[0]), Does.Contain("Code d'activation"));
        if (!OperatingSystem.IsWindows())
        {
            Assert.That(File.GetUnixFileMode(csv[0]), Is.EqualTo(UnixFileMode.UserRead | UnixFileMode.UserWrite));
        }

        var pupil = snapshot.Pupils.First(p => p.ClassCode is not null);
        var account = server.Runtime.Directory.Graph.Data.Accounts.Single(a => a.ExternalId == pupil.ExternalId);
        Assert.That(account.State, Is.EqualTo(AccountState.NotActivated));
        Assert.That(server.Runtime.Directory.Graph.StructuresOf(account.Id), Does.Contain(pupil.ClassCode));

        var again = RemoteCli.TryRun(server.DataFolder, ["import", "siecle", zip])!;
        Assert.That(again.Exit, Is.Zero, again.Output);
        Assert.That(again.Output, Does.Contain("aucun changement"));
        Assert.That(Accounts(server), Is.EqualTo(before + added), "a re-import of the same files adds nobody");
    }

    [Test]
    public async Task MalformedFile_IsRefusedWithFileAndReason_NothingApplied()
    {
        await using var server = await PluginServer.StartAsync([Plugin]);
        var folder = Path.Combine(server.DataFolder, "..", Path.GetFileName(server.DataFolder) + "-bad");
        var files = FixtureFiles.Write(School(), folder).ToList();
        var eleves = files.Single(f => Path.GetFileName(f).StartsWith("ElevesSansAdresses", StringComparison.Ordinal));
        File.WriteAllText(eleves, File.ReadAllText(eleves).Replace("</ELEVE>", "</ELEV>", StringComparison.Ordinal));
        var before = Accounts(server);

        var run = RemoteCli.TryRun(server.DataFolder, ["import", "siecle", .. files])!;

        Assert.That(run.Exit, Is.EqualTo(1), run.Output);
        Assert.That(run.Output, Does.Contain("Import refusé").And.Contain("ERREUR").And.Contain(Path.GetFileName(eleves)));
        Assert.That(Accounts(server), Is.EqualTo(before), "nothing of a refused import is applied");
    }

    [Test]
    public async Task Api_DryRunReportsAndChangesNothing_OnlyForTheImportRight()
    {
        await using var server = await PluginServer.StartAsync([Plugin]);
        var zip = Exports(server, School(), "api");
        var before = Accounts(server);
        using var pupil = await PluginServer.SignInAsync(server, "eleve.6a");
        using (var refused = await pupil.PostAsync($"/api/plugins/{Plugin}/import", Upload(zip, dryRun: true)))
        {
            Assert.That(refused.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        }

        using var admin = await PluginServer.SignInAsync(server, "admin");
        using var started = await admin.PostAsync($"/api/plugins/{Plugin}/import", Upload(zip, dryRun: true));
        Assert.That(started.StatusCode, Is.EqualTo(HttpStatusCode.Accepted), await started.Content.ReadAsStringAsync());
        var jobId = JsonDocument.Parse(await started.Content.ReadAsStringAsync()).RootElement.GetProperty("jobId").GetString();
        JsonElement report = default;
        for (var i = 0; i < 600; i++)
        {
            using var poll = await admin.GetAsync($"/api/plugins/{Plugin}/import/{jobId}");
            Assert.That(poll.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            var json = JsonDocument.Parse(await poll.Content.ReadAsStringAsync()).RootElement;
            if (json.GetProperty("state").GetString() == "done")
            {
                report = json.GetProperty("report");
                break;
            }

            await Task.Delay(100);
        }

        Assert.That(report.ValueKind, Is.EqualTo(JsonValueKind.Object), "the job ended");
        Assert.That(report.GetProperty("outcome").GetString(), Is.EqualTo("dry-run"));
        Assert.That(report.GetProperty("applied").GetBoolean(), Is.False);
        Assert.That(report.GetProperty("added").GetArrayLength(), Is.GreaterThan(100));
        Assert.That(Accounts(server), Is.EqualTo(before), "a dry run changes nothing");
    }

    [Test]
    public async Task ImportedTeacher_WritesToParentsOfAClassTheyTeach_NotOfAnother()
    {
        await using var server = await PluginServer.StartAsync([Plugin]);
        var snapshot = School();
        var run = RemoteCli.TryRun(server.DataFolder, ["import", "siecle", Exports(server, snapshot, "policy")])!;
        Assert.That(run.Exit, Is.Zero, run.Output);
        var graph = server.Runtime.Directory.Graph;
        var classes = snapshot.Structures.Where(s => s.Type == StructureType.Class).Select(s => s.Code).ToHashSet(StringComparer.Ordinal);
        var teachers = graph.Data.Accounts.Where(a => a.Uai == snapshot.Uai && a.Profile == Profile.Enseignant);
        var (teacher, taught, other) = teachers
            .Select(t => (t, Taught: graph.Data.Teachings.Where(x => x.TeacherId == t.Id).Select(x => x.StructureCode).ToHashSet(StringComparer.OrdinalIgnoreCase)))
            .Select(x => (x.t, Class: x.Taught.FirstOrDefault(classes.Contains), Other: classes.FirstOrDefault(c => !x.Taught.Contains(c)
                && !graph.Data.Teachings.Any(t => t.TeacherId == x.t.Id && graph.FindStructure(t.StructureCode)?.ClassCodes.Contains(c) == true))))
            .First(x => x.Class is not null && x.Other is not null);
        server.Runtime.Directory.SetPassword(teacher.Login, TestServer.Password, "test");

        using var smtp = await server.SubmitAsync(teacher.Login);
        var allowed = TestServer.Message(teacher.Login, $"parents.{taught!.ToLowerInvariant()}");
        await smtp.SendAsync(allowed);
        var refused = TestServer.Message(teacher.Login, $"parents.{other!.ToLowerInvariant()}");
        _ = await Assert.ThrowsAsync<SmtpCommandException>(() => smtp.SendAsync(refused));
    }

    private static MultipartFormDataContent Upload(string path, bool dryRun)
    {
        var content = new MultipartFormDataContent();
        var file = new ByteArrayContent(File.ReadAllBytes(path));
        file.Headers.ContentType = new MediaTypeHeaderValue("application/zip");
        content.Add(file, "files", Path.GetFileName(path));
        content.Add(new StringContent(dryRun ? "true" : "false"), "dryRun");
        return content;
    }
}
