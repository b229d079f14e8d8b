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
}
