using System.IO.Compression;
using System.Text;
using Preau.Plugins.Directory.Model;
using Preau.Plugins.Directory.Reading;

namespace Preau.Plugins.Directory.Fixtures;

/// <summary>The encoding the fixture files declare and use.</summary>
public enum FixtureEncoding
{
    /// <summary>UTF-8.</summary>
    Utf8,

    /// <summary>ISO-8859-15 (Latin-9), as many SIECLE exports.</summary>
    Latin9,
}

/// <summary>How the fixture files are delivered.</summary>
public enum FixtureLayout
{
    /// <summary>Five XML files.</summary>
    Files,

    /// <summary>One zip holding the five XML files.</summary>
    OneZip,

    /// <summary>One zip per XML file, as SIECLE's download page gives them.</summary>
    ZipPerFile,
}

/// <summary>Writes a snapshot as SIECLE and STSweb exports into a folder.</summary>
public static class FixtureFiles
{
    /// <summary>The SIECLE file names, in the order written.</summary>
    public static IReadOnlyList<string> SiecleNames { get; } =
        ["ElevesSansAdresses.xml", "ResponsablesAvecAdresses.xml", "Nomenclature.xml", "Structures.xml"];

    /// <summary>The encoding object for a fixture encoding.</summary>
    public static Encoding EncodingOf(FixtureEncoding encoding) =>
        encoding == FixtureEncoding.Latin9 ? XmlSetup.Latin9 : new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);

    /// <summary>Writes the exports of <paramref name="snapshot"/> (SIECLE and/or STSweb, as its scope
    /// says) into <paramref name="directory"/> and returns the paths to hand to the import.</summary>
    public static IReadOnlyList<string> Write(
        ImportSnapshot snapshot, string directory, FixtureEncoding encoding = FixtureEncoding.Utf8, FixtureLayout layout = FixtureLayout.Files)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        System.IO.Directory.CreateDirectory(directory);
        var contents = Contents(snapshot, EncodingOf(encoding));
        switch (layout)
        {
            case FixtureLayout.OneZip:
                var zip = Path.Combine(directory, $"exports_{snapshot.Uai}.zip");
                using (var archive = ZipFile.Open(zip, ZipArchiveMode.Create))
                {
                    foreach (var (name, bytes) in contents)
                    {
                        Add(archive, name, bytes);
                    }
                }

                return [zip];
            case FixtureLayout.ZipPerFile:
                var zips = new List<string>();
                foreach (var (name, bytes) in contents)
                {
                    var path = Path.Combine(directory, Path.ChangeExtension(name, ".zip"));
                    using (var archive = ZipFile.Open(path, ZipArchiveMode.Create))
                    {
                        Add(archive, name, bytes);
                    }

                    zips.Add(path);
                }

                return zips;
            default:
                var files = new List<string>();
                foreach (var (name, bytes) in contents)
                {
                    var path = Path.Combine(directory, name);
                    File.WriteAllBytes(path, bytes);
                    files.Add(path);
                }

                return files;
        }
    }

    /// <summary>The exports as (file name, bytes), in memory.</summary>
    public static IReadOnlyList<(string Name, byte[] Bytes)> Contents(ImportSnapshot snapshot, Encoding encoding)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var files = new List<(string, byte[])>();
        byte[] Render(Action<ImportSnapshot, Stream, Encoding> write)
        {
            using var stream = new MemoryStream();
            write(snapshot, stream, encoding);
            return stream.ToArray();
        }

        if ((snapshot.Scope & ImportScope.Siecle) != 0)
        {
            files.Add((SiecleNames[0], Render(SiecleWriter.WriteEleves)));
            files.Add((SiecleNames[1], Render(SiecleWriter.WriteResponsables)));
            files.Add((SiecleNames[2], Render(SiecleWriter.WriteNomenclature)));
            files.Add((SiecleNames[3], Render(SiecleWriter.WriteStructures)));
        }

        if ((snapshot.Scope & ImportScope.Sts) != 0)
        {
            files.Add((StsWriter.FileName(snapshot), Render(StsWriter.Write)));
        }

        return files;
    }

    private static void Add(ZipArchive archive, string name, byte[] bytes)
    {
        var entry = archive.CreateEntry(name, CompressionLevel.Fastest);
        using var stream = entry.Open();
        stream.Write(bytes);
    }
}
