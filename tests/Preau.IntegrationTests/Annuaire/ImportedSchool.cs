using System.Text;
using Preau.IntegrationTests.Infrastructure;
using Preau.Plugins.Directory.Fixtures;
using Preau.Plugins.Directory.Model;
using Preau.Server.Cli;

namespace Preau.IntegrationTests.Annuaire;

/// <summary>A synthetic school imported into a running server through <c>preau import siecle</c> (the
/// admin socket), with its activation codes read back from the CSV files the import wrote.</summary>
internal sealed class ImportedSchool
{
    private ImportedSchool(ImportSnapshot snapshot, string zip, IReadOnlyList<CodeLine> codes)
    {
        Snapshot = snapshot;
        Zip = zip;
        Codes = codes;
    }

    /// <summary>One line of an activation sheet (<paramref name="Page"/>: the activation page's address).</summary>
    public sealed record CodeLine(string Sheet, string Profile, string Login, string Address, string Code, string Page);

    public ImportSnapshot Snapshot { get; }

    /// <summary>The exports, one zip.</summary>
    public string Zip { get; }

    /// <summary>Every new account's code (a responsable of two children appears once).</summary>
    public IReadOnlyList<CodeLine> Codes { get; }

    public static ImportSnapshot Generate() =>
        SyntheticSchool.Generate(new SyntheticSchoolOptions { Uai = "0990001Z", Pupils = 120, PupilsPerClass = 24, Staff = 20 });

    /// <summary>Writes the exports of <paramref name="snapshot"/> beside the server's data folder and
    /// imports them; the import must succeed.</summary>
    public static ImportedSchool Import(TestServer server, ImportSnapshot? snapshot = null)
    {
        snapshot ??= Generate();
        var root = Path.Combine(server.DataFolder, "..", Path.GetFileName(server.DataFolder) + "-school");
        var zip = FixtureFiles.Write(snapshot, Path.Combine(root, "exports"), FixtureEncoding.Latin9, FixtureLayout.OneZip).Single();
        var codes = Path.Combine(root, "codes");
        var run = RemoteCli.TryRun(server.DataFolder, ["import", "siecle", zip, "--codes", codes])!;
        Assert.That(run.Exit, Is.Zero, run.Output);
        var lines = Directory.GetFiles(codes, "codes-*.csv")
            .SelectMany(file => File.ReadAllLines(file, Encoding.UTF8).Skip(1))
            .Select(line => line.Split(';'))
            .Select(cells => new CodeLine(cells[0], cells[1], cells[5], cells[6], cells[7], cells[8]))
            .DistinctBy(c => c.Login)
            .ToArray();
        Assert.That(lines, Is.Not.Empty);
        return new ImportedSchool(snapshot, zip, lines);
    }

    /// <summary>Imports the same zip again; returns the CLI's report.</summary>
    public string Reimport(TestServer server)
    {
        var run = RemoteCli.TryRun(server.DataFolder, ["import", "siecle", Zip])!;
        Assert.That(run.Exit, Is.Zero, run.Output);
        return run.Output;
    }
}
