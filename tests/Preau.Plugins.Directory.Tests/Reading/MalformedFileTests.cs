using Preau.Plugins.Directory.Reading;
using Preau.Plugins.Directory.Tests.Support;

namespace Preau.Plugins.Directory.Tests.Reading;

/// <summary>A malformed file is refused with its name, the element and the reason, and there is no
/// snapshot at all (nothing of the import can be applied).</summary>
public class MalformedFileTests
{
    private const string Eleves = "ElevesSansAdresses.xml";

    private static ImportError Refused(Dictionary<string, string> texts, string file)
    {
        var result = ImportReader.Read(Schools.Inputs(texts));
        Assert.That(result.Snapshot, Is.Null);
        Assert.That(result.Succeeded, Is.False);
        Assert.That(result.Errors, Is.Not.Empty);
        return result.Errors.First(e => e.File == file);
    }

    [Test]
    public void Read_MissingFirstName_RefusedWithFileElementAndLine()
    {
        var texts = Schools.Texts(Schools.Small);
        texts[Eleves] = texts[Eleves].ReplaceFirst("<PRENOM>Marie</PRENOM>", "<PRENOM>  </PRENOM>");

        var error = Refused(texts, Eleves);

        Assert.That(error.Element, Is.EqualTo("BEE_ELEVES/DONNEES/ELEVES/ELEVE[@ELEVE_ID=100001]/PRENOM"));
        Assert.That(error.Reason, Does.Contain("obligatoire"));
        Assert.That(error.Line, Is.GreaterThan(10));
        Assert.That(error.ToString(), Does.StartWith($"{Eleves} (ligne {error.Line}), BEE_ELEVES/"));
    }

    [Test]
    public void Read_TruncatedXml_RefusedWithTheLine()
    {
        var texts = Schools.Texts(Schools.Small);
        var text = texts["Structures.xml"];
        texts["Structures.xml"] = text[..(text.Length / 2)];

        var error = Refused(texts, "Structures.xml");

        Assert.That(error.Reason, Does.StartWith("XML invalide"));
        Assert.That(error.Line, Is.GreaterThan(1));
    }

    [Test]
    public void Read_FileUnderTheWrongName_RefusedNamingTheExpectedRoot()
    {
        var texts = Schools.Texts(Schools.Small);
        (texts[Eleves], texts["Structures.xml"]) = (texts["Structures.xml"], texts[Eleves]);

        var error = Refused(texts, Eleves);

        Assert.That(error.Reason, Does.Contain("BEE_ELEVES").And.Contain("BEE_STRUCTURES"));
    }

    [Test]
    public void Read_DuplicateEleveId_Refused()
    {
        var texts = Schools.Texts(Schools.Small);
        texts[Eleves] = texts[Eleves].ReplaceFirst("ELEVE_ID=\"100002\"", "ELEVE_ID=\"100001\"");

        var error = Refused(texts, Eleves);

        Assert.That(error.Reason, Does.Contain("ELEVE_ID 100001 en double"));
    }

    [Test]
    public void Read_UnexpectedTypeStructure_Refused()
    {
        var texts = Schools.Texts(Schools.Small);
        texts[Eleves] = texts[Eleves].ReplaceFirst("<TYPE_STRUCTURE>D</TYPE_STRUCTURE>", "<TYPE_STRUCTURE>X</TYPE_STRUCTURE>");

        var error = Refused(texts, Eleves);

        Assert.That(error.Element, Does.EndWith("STRUCTURE/TYPE_STRUCTURE"));
        Assert.That(error.Reason, Does.Contain("« X »"));
    }

    [Test]
    public void Read_UnreadableDate_Refused()
    {
        var texts = Schools.Texts(Schools.Small);
        texts[Eleves] = texts[Eleves].ReplaceFirst("<DATE_SORTIE />", "<DATE_SORTIE>31/02/2026x</DATE_SORTIE>");

        var error = Refused(texts, Eleves);

        Assert.That(error.Element, Does.EndWith("DATE_SORTIE"));
        Assert.That(error.Reason, Does.Contain("illisible"));
    }

    [Test]
    public void Read_DocumentTypeDeclaration_Refused()
    {
        var texts = Schools.Texts(Schools.Small);
        texts["Nomenclature.xml"] = texts["Nomenclature.xml"].InsertBefore("<BEE_NOMENCLATURES", "<!DOCTYPE lol [<!ENTITY a \"aaaaaaaa\">]>\n");

        var error = Refused(texts, "Nomenclature.xml");

        Assert.That(error.Reason, Does.StartWith("XML invalide"));
    }

    [Test]
    public void Read_InvalidUaj_Refused()
    {
        var texts = Schools.Texts(Schools.Small);
        texts["Nomenclature.xml"] = texts["Nomenclature.xml"].ReplaceFirst("<UAJ>0990003Z</UAJ>", "<UAJ>99-ABC</UAJ>");

        var error = Refused(texts, "Nomenclature.xml");

        Assert.That(error.Element, Does.EndWith("PARAMETRES/UAJ"));
        Assert.That(error.Reason, Does.Contain("UAJ « 99-ABC » invalide"));
    }

    [Test]
    public void Read_MissingParametres_Refused()
    {
        var texts = Schools.Texts(Schools.Small);
        var text = texts["Structures.xml"];
        var start = text.IndexOf("<PARAMETRES>", StringComparison.Ordinal);
        var end = text.IndexOf("</PARAMETRES>", StringComparison.Ordinal) + "</PARAMETRES>".Length;
        texts["Structures.xml"] = text.Remove(start, end - start);

        var error = Refused(texts, "Structures.xml");

        Assert.That(error.Reason, Does.Contain("PARAMETRES absent"));
    }

    [Test]
    public void Read_TooLongValue_Refused()
    {
        var texts = Schools.Texts(Schools.Small);
        texts[Eleves] = texts[Eleves].ReplaceFirst("<PRENOM>Marie</PRENOM>", $"<PRENOM>{new string('a', 5000)}</PRENOM>");

        var error = Refused(texts, Eleves);

        Assert.That(error.Reason, Does.Contain("trop longue"));
    }

    [Test]
    public void Read_ManyErrors_ReportsTheFirstOnesAndTheCount()
    {
        var texts = Schools.Texts(Schools.Small);
        texts["ResponsablesAvecAdresses.xml"] = texts["ResponsablesAvecAdresses.xml"].Replace("<NOM_DE_FAMILLE>", "<NOM_DE_FAMILLE_X>", StringComparison.Ordinal)
            .Replace("</NOM_DE_FAMILLE>", "</NOM_DE_FAMILLE_X>", StringComparison.Ordinal);

        var result = ImportReader.Read(Schools.Inputs(texts));

        Assert.That(result.Errors, Has.Count.EqualTo(ImportErrors.Limit + 1));
        Assert.That(result.Errors[^1].Reason, Does.Match(@"^… et \d+ autres erreurs$"));
    }
}
