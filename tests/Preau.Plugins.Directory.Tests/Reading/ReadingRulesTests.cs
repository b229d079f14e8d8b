using Preau.Plugins.Directory.Model;
using Preau.Plugins.Directory.Reading;
using Preau.Plugins.Directory.Tests.Support;

namespace Preau.Plugins.Directory.Tests.Reading;

/// <summary>What the readers make of the exports' fields: departures, responsibility levels, usage
/// names, levels from MEFs, STS functions and local individuals.</summary>
public class ReadingRulesTests
{
    private const string Eleves = "ElevesSansAdresses.xml";
    private const string Responsables = "ResponsablesAvecAdresses.xml";

    [Test]
    public void Read_PupilLeftBeforeTheExport_IsNotInTheSchoolNorAreTheirLinks()
    {
        var pupil = Schools.Small.Pupils[5];
        var texts = Schools.Texts(Schools.Small);
        texts[Eleves] = texts[Eleves].ReplaceFirstAfter($"ELEVE_ID=\"{pupil.EleveId}\"", "<DATE_SORTIE />", "<DATE_SORTIE>30/06/2026</DATE_SORTIE>");

        var read = Schools.Read(Schools.Inputs(texts));

        Assert.That(read.Pupils.Select(p => p.EleveId), Does.Not.Contain(pupil.EleveId));
        Assert.That(read.Pupils, Has.Count.EqualTo(Schools.Small.Pupils.Count - 1));
        Assert.That(read.ParentLinks.Select(l => l.EleveId), Does.Not.Contain(pupil.EleveId));
        var onlyHis = Schools.Small.ParentLinks.Where(l => l.EleveId == pupil.EleveId).Select(l => l.PersonneId)
            .Where(p => Schools.Small.ParentLinks.All(l => l.PersonneId != p || l.EleveId == pupil.EleveId)).ToList();
        Assert.That(onlyHis, Is.Not.Empty);
        foreach (var p in onlyHis)
        {
            Assert.That(read.Responsables.Select(r => r.PersonneId), Does.Not.Contain(p));
        }
    }

    [Test]
    public void Read_PupilLeavingAfterTheExport_IsStillInTheSchool()
    {
        var pupil = Schools.Small.Pupils[5];
        var texts = Schools.Texts(Schools.Small);
        texts[Eleves] = texts[Eleves].ReplaceFirstAfter($"ELEVE_ID=\"{pupil.EleveId}\"", "<DATE_SORTIE />", "<DATE_SORTIE>15/10/2026</DATE_SORTIE>");

        var read = Schools.Read(Schools.Inputs(texts));

        Assert.That(read.Pupils.Select(p => p.EleveId), Does.Contain(pupil.EleveId));
    }

    [Test]
    public void Read_PupilWithoutDivision_KeptWithAWarning()
    {
        var pupil = Schools.Small.Pupils[3];
        var texts = Schools.Texts(Schools.Small);
        texts[Eleves] = texts[Eleves].ReplaceFirst($"<STRUCTURES_ELEVE ELEVE_ID=\"{pupil.EleveId}\">", "<STRUCTURES_ELEVE_RETIRE>")
            .ReplaceFirstAfter("<STRUCTURES_ELEVE_RETIRE>", "</STRUCTURES_ELEVE>", "</STRUCTURES_ELEVE_RETIRE>");

        var result = ImportReader.Read(Schools.Inputs(texts));

        Assert.That(result.Succeeded, Is.True, string.Join("\n", result.Errors));
        Assert.That(result.Snapshot!.Pupils.Single(p => p.EleveId == pupil.EleveId).ClassCode, Is.Null);
        Assert.That(result.Warnings.Single().Message, Does.StartWith("1 élève(s) sans division").And.Contain(pupil.EleveId));
    }

    [Test]
    public void Read_UsageName_PreferredToFamilyName()
    {
        var pupil = Schools.Small.Pupils[7];
        var texts = Schools.Texts(Schools.Small);
        texts[Eleves] = texts[Eleves].ReplaceFirstAfter($"ELEVE_ID=\"{pupil.EleveId}\"", "<NOM_USAGE />", "<NOM_USAGE>MARTIN-ŒILLET</NOM_USAGE>");

        var read = Schools.Read(Schools.Inputs(texts));

        Assert.That(read.Pupils.Single(p => p.EleveId == pupil.EleveId).LastName, Is.EqualTo("MARTIN-ŒILLET"));
    }

    [Test]
    public void Read_RespLegalOnly_LegalLevelsAndContacts()
    {
        var texts = Schools.Texts(Schools.Small);
        texts[Responsables] = System.Text.RegularExpressions.Regex.Replace(texts[Responsables], @"\s*<NIVEAU_RESPONSABILITE>\d</NIVEAU_RESPONSABILITE>", "");

        var read = Schools.Read(Schools.Inputs(texts));

        var expected = Schools.Small.ParentLinks.Select(l => l.Responsibility == Responsibility.EnCharge ? l with { Responsibility = Responsibility.Contact } : l);
        Assert.That(read.ParentLinks, Is.EqualTo(expected));
    }

    [Test]
    public void Read_NiveauOnly_LegalNumberedInFileOrder()
    {
        var texts = Schools.Texts(Schools.Small);
        texts[Responsables] = System.Text.RegularExpressions.Regex.Replace(texts[Responsables], @"\s*<RESP_LEGAL>\d</RESP_LEGAL>", "");

        var read = Schools.Read(Schools.Inputs(texts));

        Assert.That(read.ParentLinks, Is.EqualTo(Schools.Small.ParentLinks));
        Assert.That(read.ParentLinks.Select(l => l.Responsibility).Distinct(), Is.EquivalentTo(new[] { Responsibility.Legal, Responsibility.EnCharge, Responsibility.Contact }));
    }

    [Test]
    public void Read_LinkWithNeitherLevel_Refused()
    {
        var texts = Schools.Texts(Schools.Small);
        texts[Responsables] = texts[Responsables].ReplaceFirst("<RESP_LEGAL>1</RESP_LEGAL>", "").ReplaceFirst("<NIVEAU_RESPONSABILITE>1</NIVEAU_RESPONSABILITE>", "");

        var result = ImportReader.Read(Schools.Inputs(texts));

        Assert.That(result.Errors.Single().Reason, Does.StartWith("ni RESP_LEGAL ni NIVEAU_RESPONSABILITE"));
    }

    [Test]
    public void Read_Levels_ComeFromTheMefsAndTheirRattachement()
    {
        var read = Schools.Read(Schools.Inputs(Schools.Small));

        Assert.That(read.Levels.Select(l => (l.Code, l.Name, l.Order)), Is.EqualTo(new[] { ("6E", "6e", 1), ("5E", "5e", 2), ("4E", "4e", 3), ("3E", "3e", 4) }));
        var sixA = read.Structures.Single(s => s.Code == "6A");
        Assert.That(sixA.MefCodes, Has.Count.EqualTo(2), "6A has the bilangue variant, rattached to 6EME");
        Assert.That(sixA.LevelCode, Is.EqualTo("6E"));
        Assert.That(read.Structures.Single(s => s.Code == "5ESP1").LevelCode, Is.EqualTo("5E"));
    }

    [Test]
    public void Read_StsIndividuals_FunctionsAndLocalIds()
    {
        var read = Schools.Read(Schools.Inputs(Schools.Small));

        Assert.That(read.Staff.Select(s => s.Role), Is.SupersetOf(new[] { StaffRole.Direction, StaffRole.Cpe, StaffRole.AssistantSocial, StaffRole.Infirmier, StaffRole.Documentaliste }));
        var local = read.Staff.Single(s => s.StsType == "local");
        Assert.That(local.ExternalId, Is.EqualTo("local:" + local.StsId));
        Assert.That(read.Staff.Any(s => s.StsType == "epp" && s.StsId == local.StsId), Is.True, "a national id equal to the local one");
        var teacher = read.Staff.First(s => s.Kind == PersonKind.Enseignant);
        Assert.That((teacher.FirstName, teacher.LastName), Is.EqualTo(("Jean-Noël", "D'AUBIGNÉ")));
    }

    [Test]
    public void Read_StsServiceOnADivisionSiecleDoesNotHave_DroppedWithAWarning()
    {
        var sts = Schools.StsName(Schools.Small);
        var texts = Schools.Texts(Schools.Small);
        texts[sts] = texts[sts].InsertBefore("</DIVISIONS>", """
            <DIVISION CODE="6Z"><SERVICES><SERVICE CODE_MATIERE="020100"><ENSEIGNANTS><ENSEIGNANT ID="10030" TYPE="epp"/></ENSEIGNANTS></SERVICE></SERVICES></DIVISION>
            """);

        var result = ImportReader.Read(Schools.Inputs(texts));

        Assert.That(result.Succeeded, Is.True, string.Join("\n", result.Errors));
        Assert.That(result.Snapshot!.Services.Select(s => s.StructureCode), Does.Not.Contain("6Z"));
        Assert.That(result.Warnings.Single().Message, Does.Contain("division 6Z absent(e) de Structures.xml"));
    }

    [TestCase("MDS", "ASS. SERVICE SOCIAL", PersonKind.Personnel, StaffRole.AssistantSocial)]
    [TestCase("MDS", "INFIRMIER", PersonKind.Personnel, StaffRole.Infirmier)]
    [TestCase("ENS", "CERTIFIE", PersonKind.Enseignant, StaffRole.None)]
    [TestCase("EDU", null, PersonKind.Personnel, StaffRole.Cpe)]
    [TestCase("XYZ", null, PersonKind.Personnel, StaffRole.None)]
    [TestCase(null, null, PersonKind.Personnel, StaffRole.None)]
    public void StsFunctions_Map(string? fonction, string? grade, PersonKind kind, StaffRole role) =>
        Assert.That(Sts.StsFunctions.Map(fonction, grade), Is.EqualTo((kind, role)));
}
