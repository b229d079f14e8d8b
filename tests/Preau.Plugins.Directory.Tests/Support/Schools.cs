using System.Text;
using System.Text.Json;
using Preau.Plugins.Directory.Fixtures;
using Preau.Plugins.Directory.Model;
using Preau.Plugins.Directory.Reading;

namespace Preau.Plugins.Directory.Tests.Support;

/// <summary>Generated schools shared by the tests (generation is deterministic, so sharing is safe).</summary>
internal static class Schools
{
    public static readonly SyntheticSchoolOptions SmallOptions = new() { Pupils = 160, PupilsPerClass = 20, Staff = 40, Uai = "0990003Z" };

    private static readonly Lazy<ImportSnapshot> LazySmall = new(() => SyntheticSchool.Generate(SmallOptions));

    /// <summary>A collège of 160 pupils (8 classes), about 280 responsables, 40 staff.</summary>
    public static ImportSnapshot Small => LazySmall.Value;

    /// <summary>The exports of a snapshot, as in-memory inputs.</summary>
    public static List<ImportInput> Inputs(ImportSnapshot snapshot, FixtureEncoding encoding = FixtureEncoding.Utf8) =>
        [.. FixtureFiles.Contents(snapshot, FixtureFiles.EncodingOf(encoding)).Select(f => ImportInput.FromBytes(f.Name, f.Bytes))];

    /// <summary>The exports as editable UTF-8 text, by file name.</summary>
    public static Dictionary<string, string> Texts(ImportSnapshot snapshot) =>
        FixtureFiles.Contents(snapshot, new UTF8Encoding(false)).ToDictionary(f => f.Name, f => Encoding.UTF8.GetString(f.Bytes));

    /// <summary>Texts back to inputs (UTF-8).</summary>
    public static List<ImportInput> Inputs(Dictionary<string, string> texts) =>
        [.. texts.Select(t => ImportInput.FromBytes(t.Key, Encoding.UTF8.GetBytes(t.Value)))];

    /// <summary>Reads inputs that must be accepted.</summary>
    public static ImportSnapshot Read(IEnumerable<ImportInput> inputs)
    {
        var result = ImportReader.Read(inputs);
        Assert.That(result.Errors, Is.Empty, string.Join("\n", result.Errors));
        return result.Snapshot!;
    }

    /// <summary>Everything a snapshot says, warnings aside, as one string: equal strings, equal schools.</summary>
    public static string Dump(ImportSnapshot snapshot) => JsonSerializer.Serialize(snapshot with { Warnings = [] });

    /// <summary>Everything a value holds, deeply, as one string.</summary>
    public static string DumpAny<T>(T value) => JsonSerializer.Serialize(value);

    public static string StsName(ImportSnapshot snapshot) => StsWriter.FileName(snapshot);
}
