using Preau.Plugins.Directory.Fixtures;
using Preau.Plugins.Directory.Model;
using Preau.Plugins.Directory.Reading;
using Preau.Plugins.Directory.Tests.Support;

namespace Preau.Plugins.Directory.Tests.Reading;

/// <summary>A generated school written as SIECLE and STSweb exports reads back as the same school,
/// whatever the encoding and the packaging.</summary>
public class RoundTripTests
{
    [TestCase(FixtureEncoding.Utf8, FixtureLayout.Files)]
    [TestCase(FixtureEncoding.Latin9, FixtureLayout.Files)]
    [TestCase(FixtureEncoding.Utf8, FixtureLayout.OneZip)]
    [TestCase(FixtureEncoding.Latin9, FixtureLayout.OneZip)]
    [TestCase(FixtureEncoding.Latin9, FixtureLayout.ZipPerFile)]
    public void Read_WrittenExports_GivesTheGeneratedSnapshot(FixtureEncoding encoding, FixtureLayout layout)
    {
        using var folder = new TempFolder();
        var paths = FixtureFiles.Write(Schools.Small, folder.Path, encoding, layout);

        var result = ImportReader.ReadFiles(paths);

        Assert.That(result.Errors, Is.Empty, string.Join("\n", result.Errors));
        Assert.That(Schools.Dump(result.Snapshot!), Is.EqualTo(Schools.Dump(Schools.Small)));
        Assert.That(result.Snapshot!.Scope, Is.EqualTo(ImportScope.Siecle | ImportScope.Sts));
    }

    [Test]
    public void Read_Latin9Exports_KeepsEveryLatin9Letter()
    {
        var snapshot = Schools.Small;
        var latin9 = FixtureFiles.Contents(snapshot, XmlSetup.Latin9).ToDictionary(f => f.Name, f => f.Bytes);

        // The bytes are really ISO-8859-15: Œ is 0xBC, œ 0xBD, € 0xA4 (in Latin-1 they would be ¼ ½ ¤).
        var nomenclature = latin9["Nomenclature.xml"];
        Assert.That(System.Text.Encoding.ASCII.GetString(nomenclature, 0, 60), Does.Contain("encoding=\"iso-8859-15\""));
        Assert.That(nomenclature.Contains((byte)0xBC) && nomenclature.Contains((byte)0xA4), Is.True, "Œ and € written as Latin-9 bytes");
        Assert.That(latin9["Structures.xml"].Contains((byte)0xBD), Is.True, "œ written as a Latin-9 byte");

        var read = Schools.Read(latin9.Select(f => ImportInput.FromBytes(f.Key, f.Value)));

        var atelier = read.Subjects.Single(s => s.Code == "990001");
        Assert.That(atelier.Name, Is.EqualTo("ATELIER ÉCO À L'ŒIL €"));
        Assert.That(read.Structures.Single(s => s.Code == "3ATELIER").Name, Is.EqualTo("Atelier « budget en € » à l'œil"));
        var text = string.Concat(read.Pupils.Select(p => p.FirstName + p.LastName)
            .Concat(read.Responsables.Select(r => r.FirstName + r.LastName))
            .Concat(read.Staff.Select(s => s.FirstName + s.LastName))
            .Concat(read.Subjects.Select(s => s.Name + s.LongLabel))
            .Concat(read.Structures.Select(s => s.Name)));
        foreach (var c in "éèêëàçôœ")
        {
            Assert.That(text.ToLowerInvariant(), Does.Contain(c.ToString()), $"« {c} » lost");
        }

        Assert.That(text, Does.Contain("Œ").And.Contain("€"));
    }

    [Test]
    public void Read_StsAlone_GivesStaffAndServicesOnly()
    {
        var sts = Schools.Inputs(Schools.Small).Where(i => i.Name.StartsWith("sts_emp_", StringComparison.Ordinal));

        var read = Schools.Read(sts);

        Assert.That(read.Scope, Is.EqualTo(ImportScope.Sts));
        Assert.That(read.Pupils, Is.Empty);
        Assert.That(read.Staff, Has.Count.EqualTo(Schools.Small.Staff.Count));
        Assert.That(read.Services, Has.Count.EqualTo(Schools.Small.Services.Count));
        Assert.That(read.ProfsPrincipaux, Has.Count.EqualTo(Schools.Small.ProfsPrincipaux.Count));
    }

    [Test]
    public void Read_ReportsProgressForEveryFile()
    {
        var reports = new List<ImportProgress>();
        var progress = new SyncProgress(reports.Add);

        var result = ImportReader.Read(Schools.Inputs(Schools.Small), progress: progress);

        Assert.That(result.Succeeded, Is.True);
        var files = reports.Where(r => r.Stage == ImportStage.Reading).GroupBy(r => r.Item).ToList();
        Assert.That(files.Select(f => f.Key), Is.EquivalentTo(FixtureFiles.SiecleNames.Append(Schools.StsName(Schools.Small))));
        foreach (var file in files)
        {
            Assert.That(file.Last().Done, Is.EqualTo(file.Last().Total).And.GreaterThan(0), file.Key);
            Assert.That(file.Select(r => r.Done), Is.Ordered, file.Key);
        }

        Assert.That(reports.Any(r => r.Stage == ImportStage.Checking), Is.True);
    }
}

/// <summary>An IProgress that reports on the calling thread (Progress&lt;T&gt; posts to the thread pool).</summary>
internal sealed class SyncProgress(Action<ImportProgress> report) : IProgress<ImportProgress>
{
    public void Report(ImportProgress value) => report(value);
}
