using System.Globalization;
using Preau.Core.Graph;

namespace Preau.Demo.Exports;

/// <summary>The demo school as the national tools would export it: the four SIECLE files (Base
/// élèves) and the STSweb file, shaped like the real ones and in the formats the directory
/// plugin reads, so that <c>--demo</c> builds the school by importing them.</summary>
/// <remarks>
/// The SIECLE files are written in ISO-8859-15 (as SIECLE often does: « Le Bœuf » needs Latin-9,
/// not Latin-1), STSweb in UTF-8. Accounts without an external id (the ENT administrators, the DANE
/// support account) are in no file; neither are rubriques, which no national feed carries. Dates
/// are fixed, so the same school always gives the same bytes.
/// </remarks>
public static class DemoExports
{
    /// <summary>The folder the SIECLE files go to.</summary>
    public const string SiecleFolder = "siecle";

    /// <summary>The folder the STSweb file goes to.</summary>
    public const string StsFolder = "sts";

    /// <summary>ANNEE_SCOLAIRE of the exports (the starting year).</summary>
    public const string SchoolYear = "2026";

    /// <summary>DATE_EXPORT of the SIECLE files, and the day the STSweb file is stamped.</summary>
    public static DateOnly ExportDate { get; } = new(2026, 9, 1);

    /// <summary>The STSweb file's name: <c>sts_emp_&lt;UAI&gt;_&lt;année&gt;.xml</c>.</summary>
    public static string StsFileName { get; } = string.Create(CultureInfo.InvariantCulture, $"sts_emp_{DemoSchool.Uai}_{SchoolYear}.xml");

    /// <summary>The five exports of <paramref name="school"/> (a graph from <see cref="DemoSchool.Generate"/>),
    /// SIECLE first.</summary>
    public static IReadOnlyList<DemoExportFile> Render(GraphData school)
    {
        ArgumentNullException.ThrowIfNull(school);
        var feeds = new DemoFeeds(school);
        return
        [
            Siecle("ElevesSansAdresses.xml", s => SiecleElevesWriter.Write(feeds, s)),
            Siecle("ResponsablesAvecAdresses.xml", s => SiecleResponsablesWriter.Write(feeds, s)),
            Siecle("Nomenclature.xml", s => SiecleNomenclatureWriter.Write(feeds, s)),
            Siecle("Structures.xml", s => SiecleStructuresWriter.Write(feeds, s)),
            new(StsFolder, StsFileName, Bytes(s => StsEmpWriter.Write(feeds, s))),
        ];
    }

    /// <summary>Writes the exports of <paramref name="school"/> under <paramref name="directory"/>
    /// (<c>siecle/…</c>, <c>sts/…</c>) and returns the full paths, in the order of <see cref="Render"/>.</summary>
    public static IReadOnlyList<string> Write(GraphData school, string directory)
    {
        ArgumentNullException.ThrowIfNull(directory);
        var paths = new List<string>();
        foreach (var file in Render(school))
        {
            var folder = Path.Combine(directory, file.Folder);
            System.IO.Directory.CreateDirectory(folder);
            var path = Path.GetFullPath(Path.Combine(folder, file.Name));
            File.WriteAllBytes(path, file.Content);
            paths.Add(path);
        }

        return paths;
    }

    private static DemoExportFile Siecle(string name, Action<Stream> write) => new(SiecleFolder, name, Bytes(write));

    private static byte[] Bytes(Action<Stream> write)
    {
        using var stream = new MemoryStream();
        write(stream);
        return stream.ToArray();
    }
}
