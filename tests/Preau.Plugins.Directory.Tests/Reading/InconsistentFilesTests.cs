using Preau.Plugins.Directory.Reading;
using Preau.Plugins.Directory.Tests.Support;

namespace Preau.Plugins.Directory.Tests.Reading;

/// <summary>Files that are each well formed but do not agree with each other are refused.</summary>
public class InconsistentFilesTests
{
    private const string Eleves = "ElevesSansAdresses.xml";
    private const string Responsables = "ResponsablesAvecAdresses.xml";

    private static IReadOnlyList<ImportError> Errors(Dictionary<string, string> texts)
    {
        var result = ImportReader.Read(Schools.Inputs(texts));
        Assert.That(result.Snapshot, Is.Null);
        return result.Errors;
    }

    [Test]
    public void Read_PupilInUnknownDivision_Refused()
    {
        var texts = Schools.Texts(Schools.Small);
        var pupil = Schools.Small.Pupils[0];
        texts[Eleves] = texts[Eleves].ReplaceFirst($"<CODE_STRUCTURE>{pupil.ClassCode}</CODE_STRUCTURE>", "<CODE_STRUCTURE>6Z</CODE_STRUCTURE>");

        var error = Errors(texts).Single();

        Assert.That(error.File, Is.EqualTo(Eleves));
        Assert.That(error.Element, Is.EqualTo($"BEE_ELEVES/DONNEES/STRUCTURES/STRUCTURES_ELEVE[@ELEVE_ID={pupil.EleveId}]/STRUCTURE"));
        Assert.That(error.Reason, Does.Contain("division 6Z inconnue"));
        Assert.That(error.Line, Is.Not.Null);
    }

    [Test]
    public void Read_LinkToUnknownPupil_Refused()
    {
        var texts = Schools.Texts(Schools.Small);
        texts[Responsables] = texts[Responsables].ReplaceFirst("<ELEVE_ID>100001</ELEVE_ID>", "<ELEVE_ID>999999</ELEVE_ID>");

        var error = Errors(texts).Single();

        Assert.That(error.File, Is.EqualTo(Responsables));
        Assert.That(error.Element, Does.EndWith("/ELEVE_ID"));
        Assert.That(error.Reason, Does.Contain("ELEVE_ID 999999 inconnu"));
    }

    [Test]
    public void Read_LinkToUnknownPerson_Refused()
    {
        var texts = Schools.Texts(Schools.Small);
        texts[Responsables] = texts[Responsables].ReplaceFirst("<PERSONNE_ID>", "<PERSONNE_ID>9");

        var error = Errors(texts).Single();

        Assert.That(error.Reason, Does.Contain("PERSONNE_ID 9").And.Contain("inconnu"));
    }

    [Test]
    public void Read_StructuresOfUnknownPupil_Refused()
    {
        var texts = Schools.Texts(Schools.Small);
        texts[Eleves] = texts[Eleves].ReplaceFirst("<STRUCTURES_ELEVE ELEVE_ID=\"100001\">", "<STRUCTURES_ELEVE ELEVE_ID=\"777777\">");

        var errors = Errors(texts);

        Assert.That(errors.Select(e => e.Reason), Has.Some.Contains("ELEVE_ID inconnu (777777)"));
    }

    [Test]
    public void Read_UajDiffersBetweenFiles_Refused()
    {
        var texts = Schools.Texts(Schools.Small);
        var sts = Schools.StsName(Schools.Small);
        texts[sts] = texts[sts].ReplaceFirst("<UAJ CODE=\"0990003Z\">", "<UAJ CODE=\"0990004Z\">");

        var error = Errors(texts).Single();

        Assert.That(error.File, Is.EqualTo(sts));
        Assert.That(error.Reason, Does.Contain("UAJ 0990004Z différent").And.Contain("0990003Z"));
    }

    [Test]
    public void Read_SchoolYearDiffersBetweenFiles_Refused()
    {
        var texts = Schools.Texts(Schools.Small);
        texts["Structures.xml"] = texts["Structures.xml"].ReplaceFirst("<ANNEE_SCOLAIRE>2026</ANNEE_SCOLAIRE>", "<ANNEE_SCOLAIRE>2025</ANNEE_SCOLAIRE>");

        var error = Errors(texts).Single();

        Assert.That(error.Reason, Does.Contain("année scolaire 2025"));
    }

    [Test]
    public void Read_ServiceOfUnknownTeacher_Refused()
    {
        var texts = Schools.Texts(Schools.Small);
        var sts = Schools.StsName(Schools.Small);
        texts[sts] = texts[sts].ReplaceFirst("<ENSEIGNANT ID=\"", "<ENSEIGNANT ID=\"8");

        var error = Errors(texts).Single();

        Assert.That(error.File, Is.EqualTo(sts));
        Assert.That(error.Reason, Does.Contain("absent des INDIVIDUS"));
    }

    [Test]
    public void Read_ProfPrincipalOfUnknownDivision_Refused()
    {
        var texts = Schools.Texts(Schools.Small);
        var sts = Schools.StsName(Schools.Small);
        texts[sts] = texts[sts].ReplaceFirstAfter("<PROF_PRINC>", "<CODE_STRUCTURE>", "<CODE_STRUCTURE>Z");

        var error = Errors(texts).Single();

        Assert.That(error.Element, Does.Contain("INDIVIDU[@ID=").And.EndWith("PROFS_PRINC/PROF_PRINC/CODE_STRUCTURE"));
        Assert.That(error.Reason, Does.Contain("division absente"));
    }

    [Test]
    public void Read_TwoCodesSharingAListAddress_Refused()
    {
        var texts = Schools.Texts(Schools.Small);
        texts["Structures.xml"] = texts["Structures.xml"].InsertBefore(
            "</DIVISIONS>", "<DIVISION CODE_STRUCTURE=\"6a\"><LIBELLE_LONG>doublon</LIBELLE_LONG></DIVISION>");

        var error = Errors(texts).Single();

        Assert.That(error.Reason, Does.Contain("« 6A » et « 6a »").And.Contain("même adresse de liste (6a)"));
    }

    [Test]
    public void Read_PupilMefUnknown_Refused()
    {
        var texts = Schools.Texts(Schools.Small);
        texts[Eleves] = texts[Eleves].ReplaceFirst("<CODE_MEF>", "<CODE_MEF>9");

        var error = Errors(texts).Single();

        Assert.That(error.Reason, Does.Contain("absent de Nomenclature.xml"));
    }

    [Test]
    public void Read_IncompleteSiecleSet_RefusedNamingTheMissingFiles()
    {
        var texts = Schools.Texts(Schools.Small);
        texts.Remove("Nomenclature.xml");

        var error = Errors(texts).Single();

        Assert.That(error.File, Is.EqualTo("Nomenclature.xml"));
        Assert.That(error.Reason, Does.StartWith("fichier SIECLE manquant"));
    }

    [Test]
    public void Read_TwoPupilFiles_Refused()
    {
        var texts = Schools.Texts(Schools.Small);
        texts["ElevesAvecAdresses.xml"] = texts[Eleves];

        var error = Errors(texts).Single();

        Assert.That(error.Reason, Does.StartWith("deuxième fichier ElevesSansAdresses.xml"));
    }

    [Test]
    public void Read_UnrecognisedFile_Refused()
    {
        var texts = Schools.Texts(Schools.Small);
        texts["notes.xml"] = "<?xml version=\"1.0\"?><NOTES/>";

        var error = Errors(texts).Single();

        Assert.That(error.File, Is.EqualTo("notes.xml"));
        Assert.That(error.Reason, Does.StartWith("fichier non reconnu"));
    }

    [Test]
    public void Read_RenamedExport_RecognisedByItsRoot()
    {
        var texts = Schools.Texts(Schools.Small);
        texts["export-eleves-septembre.xml"] = texts[Eleves];
        texts.Remove(Eleves);

        var result = ImportReader.Read(Schools.Inputs(texts));

        Assert.That(result.Succeeded, Is.True, string.Join("\n", result.Errors));
    }

    [Test]
    public void Read_NothingRecognised_Refused()
    {
        var result = ImportReader.Read([]);

        Assert.That(result.Succeeded, Is.False);
        Assert.That(result.Errors.Single().Reason, Does.StartWith("aucun export"));
    }
}
