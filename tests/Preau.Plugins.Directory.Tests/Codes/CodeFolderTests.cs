using Preau.Plugins.Directory.Codes;
using Preau.Plugins.Directory.Model;
using Preau.Plugins.Directory.Tests.Support;

namespace Preau.Plugins.Directory.Tests.Codes;

/// <summary>Finding the newest import's activation CSVs for the codes endpoints.</summary>
public class CodeFolderTests
{
    private static readonly DateTimeOffset Noon = new(2025, 9, 1, 12, 0, 0, TimeSpan.Zero);

    private static ActivationEntry Entry(string sheet, string login, PersonKind kind = PersonKind.Eleve) =>
        new(sheet, kind, "DUPONT", "Marie", login, "ABCD-EFGH-JKMN", null);

    private static string Import(string root, DateTimeOffset at, params ActivationEntry[] entries)
    {
        var folder = CodeFolder.NewImportFolder(root, at);
        ActivationCsv.WriteFiles(new ActivationSheet(entries), folder, "college.example");
        return folder;
    }

    [Test]
    public void NewImportFolder_SameSecond_GetsAnotherNameSortedAfter()
    {
        using var temp = new TempFolder();
        var first = CodeFolder.NewImportFolder(temp.Path, Noon);
        System.IO.Directory.CreateDirectory(first);
        var second = CodeFolder.NewImportFolder(temp.Path, Noon);
        System.IO.Directory.CreateDirectory(second);
        var third = CodeFolder.NewImportFolder(temp.Path, Noon);

        Assert.That(Path.GetFileName(first), Is.EqualTo("20250901-120000"));
        Assert.That(Path.GetFileName(second), Is.EqualTo("20250901-120000-02"));
        Assert.That(string.CompareOrdinal(Path.GetFileName(third), Path.GetFileName(second)), Is.Positive);
    }

    [Test]
    public void List_NewestImportWithFiles_ClassesThenUnplacedThenStaff_WithCounts()
    {
        using var temp = new TempFolder();
        _ = Import(temp.Path, Noon, Entry("6A", "old.one"));
        _ = Import(temp.Path, Noon.AddMinutes(1),
            Entry(ActivationSheet.StaffSheet, "prof.un", PersonKind.Enseignant),
            Entry("=6B", "eleve.deux"),
            Entry("5A", "eleve.un"),
            Entry("5A", "parent.un", PersonKind.Responsable),
            Entry(ActivationSheet.UnplacedSheet, "eleve.trois"));
        System.IO.Directory.CreateDirectory(CodeFolder.NewImportFolder(temp.Path, Noon.AddMinutes(2))); // an import that made no account

        var files = CodeFolder.List(temp.Path);

        Assert.That(files.Select(f => (f.File, f.Classe, f.Count)), Is.EqualTo(new[]
        {
            ("codes-5a.csv", "5A", 2),
            ("codes-6b.csv", "=6B", 1),
            ("codes-sans-classe.csv", "Sans classe", 1),
            ("codes-personnels.csv", "Personnels", 1),
        }));
        Assert.That(files.Select(f => f.WrittenAt), Is.All.GreaterThan(DateTimeOffset.UtcNow.AddMinutes(-5)));
    }

    [TestCase("codes-5a.csv", true)]
    [TestCase("CODES-5A.CSV", false)]
    [TestCase("../codes-6a.csv", false)]
    [TestCase("..", false)]
    [TestCase("", false)]
    [TestCase("/etc/passwd", false)]
    [TestCase("codes-6a.csv", false)]
    public void Find_OnlyTheNewestImportsOwnFileNames(string name, bool found)
    {
        using var temp = new TempFolder();
        var old = Import(temp.Path, Noon, Entry("6A", "old.one"));
        File.Copy(Path.Combine(old, "codes-6a.csv"), Path.Combine(temp.Path, "codes-6a.csv"));
        var newest = Import(temp.Path, Noon.AddMinutes(1), Entry("5A", "eleve.un"));

        var path = CodeFolder.Find(temp.Path, name);

        Assert.That(path, found ? Is.EqualTo(Path.Combine(newest, name)) : Is.Null);
    }

    [Test]
    public void NoFolder_NothingListedNothingFound()
    {
        using var temp = new TempFolder();
        var missing = Path.Combine(temp.Path, "absent");

        Assert.That(CodeFolder.List(missing), Is.Empty);
        Assert.That(CodeFolder.Find(missing, "codes-6a.csv"), Is.Null);
    }
}
