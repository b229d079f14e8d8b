using System.Text;
using Preau.Plugins.Directory.Codes;
using Preau.Plugins.Directory.Model;
using Preau.Plugins.Directory.Planning;
using Preau.Plugins.Directory.Tests.Support;

namespace Preau.Plugins.Directory.Tests.Codes;

/// <summary>The CSV of codes per class that the school hands out to families.</summary>
public class ActivationCsvTests
{
    [Test]
    public void Write_HeaderThenOneLinePerEntry()
    {
        var entries = new[]
        {
            new ActivationEntry("6A", PersonKind.Eleve, "DUPONT", "Marie", "marie.dupont", "ABCD-EFGH-JKMN", null),
            new ActivationEntry("6A", PersonKind.Responsable, "DUPONT", "Stéphane", "stephane.dupont", "PQRS-TUVW-XYZ2", "Marie DUPONT"),
        };
        using var writer = new StringWriter();

        ActivationCsv.Write(writer, entries, "college.example");

        Assert.That(writer.ToString(), Is.EqualTo(
            "Classe;Profil;Nom;Prénom;Responsable de;Identifiant;Adresse;Code d'activation;Page d'activation\r\n"
            + "6A;Élève;DUPONT;Marie;;marie.dupont;marie.dupont@college.example;ABCD-EFGH-JKMN;/activation\r\n"
            + "6A;Responsable;DUPONT;Stéphane;Marie DUPONT;stephane.dupont;stephane.dupont@college.example;PQRS-TUVW-XYZ2;/activation\r\n"));
    }

    [Test]
    public void Write_TheActivationPageGivenOnEveryLine()
    {
        var entries = new[] { new ActivationEntry("6A", PersonKind.Eleve, "DUPONT", "Marie", "marie.dupont", "ABCD-EFGH-JKMN", null) };
        using var writer = new StringWriter();

        ActivationCsv.Write(writer, entries, "college.example", "https://mail.college.example/activation");

        Assert.That(writer.ToString(), Does.EndWith(";ABCD-EFGH-JKMN;https://mail.college.example/activation\r\n"));
    }

    [TestCase(null, "/activation")]
    [TestCase("", "/activation")]
    [TestCase("  https://mail.college.example/activation ", "https://mail.college.example/activation")]
    [TestCase("http://10.0.0.5:8080/activation", "http://10.0.0.5:8080/activation")]
    [TestCase("/webmail/activation", "/webmail/activation")]
    [TestCase("//ailleurs.example/activation", "/activation")]
    [TestCase("javascript:alert(1)", "/activation")]
    [TestCase("=HYPERLINK(\"x\")", "/activation")]
    [TestCase("mail.college.example/activation", "/activation")]
    public void ActivationPage_AbsoluteHttpOrAPath_ElseTheDefault(string? setting, string expected) =>
        Assert.That(ActivationCsv.ActivationPage(setting), Is.EqualTo(expected));

    [TestCase("=HYPERLINK(\"x\")", "\"'=HYPERLINK(\"\"x\"\")\"")]
    [TestCase("+33", "'+33")]
    [TestCase("@cmd", "'@cmd")]
    [TestCase("A;B", "\"A;B\"")]
    [TestCase("ligne\nsuivante", "\"ligne\nsuivante\"")]
    [TestCase("D'AUBIGNÉ", "D'AUBIGNÉ")]
    public void Cell_QuotesAndDefusesFormulas(string value, string expected) =>
        Assert.That(ActivationCsv.Cell(value), Is.EqualTo(expected));

    [Test]
    public void WriteFiles_OneFilePerSheetWithBomOwnerOnly()
    {
        using var folder = new TempFolder();
        var plan = Plans.Plan(Schools.Small, DirectoryState.Empty);

        var paths = ActivationCsv.WriteFiles(plan.ActivationCodes, folder.Path, "college.example");

        var names = paths.Select(Path.GetFileName).ToList();
        Assert.That(names, Does.Contain("codes-6a.csv").And.Contain("codes-personnels.csv"));
        Assert.That(names, Has.Count.EqualTo(plan.ActivationCodes.Sheets.Count()));
        var bytes = File.ReadAllBytes(folder.File("codes-6a.csv"));
        Assert.That(bytes[..3], Is.EqualTo(new byte[] { 0xEF, 0xBB, 0xBF }));
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.That(lines[0], Does.StartWith("Classe;Profil;"));
        Assert.That(lines.Skip(1), Is.All.StartWith("6A;"));
        Assert.That(lines.Skip(1).Count(), Is.EqualTo(plan.ActivationCodes.Entries.Count(e => e.Sheet == "6A")));
        if (!OperatingSystem.IsWindows())
        {
            Assert.That(File.GetUnixFileMode(paths[0]), Is.EqualTo(UnixFileMode.UserRead | UnixFileMode.UserWrite));
        }
    }
}
