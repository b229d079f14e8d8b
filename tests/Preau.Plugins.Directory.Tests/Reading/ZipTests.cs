using System.IO.Compression;
using System.Text;
using Preau.Plugins.Directory.Fixtures;
using Preau.Plugins.Directory.Reading;
using Preau.Plugins.Directory.Tests.Support;

namespace Preau.Plugins.Directory.Tests.Reading;

/// <summary>Zipped exports: entries found by name, anything else ignored, hostile archives refused.</summary>
public class ZipTests
{
    private static byte[] Zip(IEnumerable<(string Name, byte[] Bytes)> entries, CompressionLevel level = CompressionLevel.Optimal)
    {
        using var stream = new MemoryStream();
        using (var archive = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, bytes) in entries)
            {
                using var entry = archive.CreateEntry(name, level).Open();
                entry.Write(bytes);
            }
        }

        return stream.ToArray();
    }

    private static List<(string Name, byte[] Bytes)> Exports() =>
        [.. FixtureFiles.Contents(Schools.Small, XmlSetup.Latin9)];

    [Test]
    public void Read_ZipWithFoldersAndStrayFiles_FindsTheExportsAndWarnsAboutTheRest()
    {
        var entries = Exports().Select(e => ($"export/{e.Name}", e.Bytes)).ToList();
        entries.Add(("export/LISEZMOI.txt", "bonjour"u8.ToArray()));
        entries.Add(("__MACOSX/export/._ElevesSansAdresses.xml", [0, 1, 2]));
        entries.Add(("export/emploi-du-temps.xml", "<?xml version=\"1.0\"?><ExportEmploiDuTemps/>"u8.ToArray()));

        var result = ImportReader.Read([ImportInput.FromBytes("siecle.zip", Zip(entries))]);

        Assert.That(result.Errors, Is.Empty, string.Join("\n", result.Errors));
        Assert.That(Schools.Dump(result.Snapshot!), Is.EqualTo(Schools.Dump(Schools.Small)));
        Assert.That(result.Warnings.Select(w => w.File), Is.SupersetOf(new[] { "siecle.zip/export/LISEZMOI.txt", "siecle.zip/export/emploi-du-temps.xml" }));
    }

    [Test]
    public void Read_ZipRecognisedByContentWhateverItsName()
    {
        var result = ImportReader.Read([ImportInput.FromBytes("telechargement.bin", Zip(Exports()))]);

        Assert.That(result.Succeeded, Is.True, string.Join("\n", result.Errors));
    }

    [Test]
    public void Read_EntryClimbingOutOfTheArchive_Refused()
    {
        var entries = Exports();
        entries[0] = ("../" + entries[0].Name, entries[0].Bytes);

        var result = ImportReader.Read([ImportInput.FromBytes("siecle.zip", Zip(entries))]);

        Assert.That(result.Snapshot, Is.Null);
        Assert.That(result.Errors.Select(e => e.Reason), Has.Some.StartsWith("chemin d'entrée suspect"));
    }

    [Test]
    public void Read_HighlyCompressedEntry_RefusedAsAZipBomb()
    {
        // 8 MB of spaces inside a valid export compress about a thousand times.
        var texts = Schools.Texts(Schools.Small);
        texts["ElevesSansAdresses.xml"] = texts["ElevesSansAdresses.xml"].ReplaceFirst("<DONNEES>", "<DONNEES>" + new string(' ', 8 * 1024 * 1024));
        var entries = texts.Select(t => (t.Key, Encoding.UTF8.GetBytes(t.Value)));

        var result = ImportReader.Read([ImportInput.FromBytes("siecle.zip", Zip(entries, CompressionLevel.SmallestSize))]);

        Assert.That(result.Snapshot, Is.Null);
        var error = result.Errors.First();
        Assert.That(error.File, Is.EqualTo("siecle.zip/ElevesSansAdresses.xml"));
        Assert.That(error.Reason, Does.StartWith("taux de compression suspect"));
    }

    [Test]
    public void Read_EntryLargerThanAllowed_Refused()
    {
        var limits = new ZipLimits { MaxEntryBytes = 10_000 };

        var result = ImportReader.Read([ImportInput.FromBytes("siecle.zip", Zip(Exports()))], limits);

        Assert.That(result.Snapshot, Is.Null);
        Assert.That(result.Errors.Select(e => e.Reason), Has.Some.Contains("10000 au plus"));
    }

    [Test]
    public void Read_TooManyEntries_Refused()
    {
        var entries = Enumerable.Range(0, 20).Select(i => ($"f{i}.txt", new byte[] { 1 }));

        var result = ImportReader.Read([ImportInput.FromBytes("siecle.zip", Zip(entries))], new ZipLimits { MaxEntries = 10 });

        Assert.That(result.Errors.Single().Reason, Does.Contain("20 fichiers, 10 au plus"));
    }

    [Test]
    public void Read_CorruptArchive_Refused()
    {
        var bytes = Zip(Exports());
        var corrupt = bytes[..(bytes.Length / 3)];

        var result = ImportReader.Read([ImportInput.FromBytes("siecle.zip", corrupt)]);

        Assert.That(result.Snapshot, Is.Null);
        Assert.That(result.Errors.First().File, Does.StartWith("siecle.zip"));
    }

    [Test]
    public void BoundedStream_MoreBytesThanDeclared_Throws()
    {
        using var stream = new BoundedStream(new MemoryStream(new byte[100]), 50, "x.xml");
        var buffer = new byte[100];

        Assert.That(() => stream.ReadExactly(buffer), Throws.InstanceOf<InvalidDataException>().With.Message.Contains("50 octets"));
    }
}
