using System.Text;
using System.Xml.Linq;
using Preau.Core.Accounts;
using Preau.Core.Graph;
using Preau.Demo.Exports;

namespace Preau.Demo.Tests;

/// <summary>The SIECLE and STSweb exports the demo is imported from: real file names and roots,
/// declared encodings, and every person and relation of the generated school in them.</summary>
public class ExportTests
{
    private const string Eleves = "ElevesSansAdresses.xml";
    private const string Responsables = "ResponsablesAvecAdresses.xml";
    private const string Nomenclature = "Nomenclature.xml";
    private const string Structures = "Structures.xml";
    private const string Sts = "sts_emp_0519999Z_2026.xml";

    private static GraphData School => DemoFixture.Data;

    [Test]
    public void Files_HaveTheNationalToolsNamesRootsAndEncodings()
    {
        using (Assert.EnterMultipleScope())
        {
            Assert.That(ExportFixture.Files.Select(f => f.RelativePath), Is.EqualTo(new[]
            {
                "siecle/" + Eleves, "siecle/" + Responsables, "siecle/" + Nomenclature, "siecle/" + Structures, "sts/" + Sts,
            }));
            foreach (var (name, root) in new[] { (Eleves, "BEE_ELEVES"), (Responsables, "BEE_RESPONSABLES"), (Nomenclature, "BEE_NOMENCLATURES"), (Structures, "BEE_STRUCTURES") })
            {
                var doc = ExportFixture.Parse(name);
                Assert.That(doc.Root!.Name.LocalName, Is.EqualTo(root), name);
                Assert.That(ExportFixture.DeclaredEncoding(name), Is.EqualTo("iso-8859-15"), name);
                var parametres = doc.Root.Element("PARAMETRES")!;
                Assert.That((parametres.Text("UAJ"), parametres.Text("ANNEE_SCOLAIRE"), parametres.Text("DATE_EXPORT")), Is.EqualTo(("0519999Z", "2026", "01/09/2026")), name);
            }

            var sts = ExportFixture.Parse(Sts).Root!;
            Assert.That(sts.Name.LocalName, Is.EqualTo("STS_EDT"));
            Assert.That(ExportFixture.DeclaredEncoding(Sts), Is.EqualTo("utf-8"));
            Assert.That(sts.Element("PARAMETRES")!.Element("UAJ")!.Attribute("CODE")!.Value, Is.EqualTo("0519999Z"));
            Assert.That(sts.Element("PARAMETRES")!.Element("ANNEE_SCOLAIRE")!.Attribute("ANNEE")!.Value, Is.EqualTo("2026"));
        }
    }

    [Test]
    public void Latin9File_CarriesTheLettersLatin1Lacks()
    {
        // « Le Bœuf » is among the family names: œ is 0xBD in ISO-8859-15 (½ in Latin-1).
        var person = School.Accounts.First(a => a.LastName.Contains('œ', StringComparison.Ordinal) && a.Profile is Profile.Eleve or Profile.Responsable);
        var file = person.Profile == Profile.Eleve ? Eleves : Responsables;
        var bytes = ExportFixture.File(file).Content;
        using (Assert.EnterMultipleScope())
        {
            Assert.That(bytes, Does.Contain((byte)0xBD));
            Assert.That(ExportFixture.Parse(file).Descendants("NOM_DE_FAMILLE").Select(e => e.Value), Does.Contain(person.LastName));
            Assert.That(Encoding.UTF8.GetString(bytes), Does.Not.Contain(person.LastName), "the bytes are Latin-9, not UTF-8");
        }
    }

    [Test]
    public void Eleves_HoldEveryPupilWithIneNamesMefDivisionAndGroups()
    {
        var root = ExportFixture.Parse(Eleves).Root!.Element("DONNEES")!;
        var eleves = root.Element("ELEVES")!.Elements("ELEVE").ToList();
        var structures = root.Element("STRUCTURES")!.Elements("STRUCTURES_ELEVE")
            .ToDictionary(s => s.Attribute("ELEVE_ID")!.Value, s => s.Elements("STRUCTURE").Select(x => (x.Text("CODE_STRUCTURE"), x.Text("TYPE_STRUCTURE"))).ToList());
        var pupils = School.Accounts.Where(a => a.Profile == Profile.Eleve).ToList();
        var classes = School.Structures.ToDictionary(s => s.Code, s => s.Kind);
        Assert.That(eleves.Select(e => e.Text("ID_NATIONAL")), Is.EquivalentTo(pupils.Select(p => p.ExternalId)));
        Assert.That(eleves.Select(e => e.Attribute("ELEVE_ID")!.Value).Distinct().Count(), Is.EqualTo(pupils.Count), "ELEVE_ID is unique");
        foreach (var eleve in eleves)
        {
            var pupil = pupils.Single(p => p.ExternalId == eleve.Text("ID_NATIONAL"));
            var expected = School.Memberships.Where(m => m.PupilId == pupil.Id)
                .Select(m => (m.StructureCode, classes[m.StructureCode] == StructureKind.Class ? "D" : "G"));
            Assert.That((eleve.Text("NOM_DE_FAMILLE"), eleve.Text("PRENOM")), Is.EqualTo((pupil.LastName, pupil.FirstName)));
            Assert.That(eleve.Text("CODE_MEF"), Has.Length.EqualTo(11));
            Assert.That(structures[eleve.Attribute("ELEVE_ID")!.Value], Is.EquivalentTo(expected), pupil.Login);
        }
    }

    [Test]
    public void Responsables_HoldEveryParentAndLinkWithItsLegalLevel()
    {
        var root = ExportFixture.Parse(Responsables).Root!.Element("DONNEES")!;
        var ine = ExportFixture.Parse(Eleves).Root!.Element("DONNEES")!.Element("ELEVES")!.Elements("ELEVE")
            .ToDictionary(e => e.Attribute("ELEVE_ID")!.Value, e => e.Text("ID_NATIONAL"));
        var byId = School.Accounts.ToDictionary(a => a.Id);
        var parents = School.Accounts.Where(a => a.Profile == Profile.Responsable).ToList();
        var links = root.Element("RESPONSABLES")!.Elements("RESPONSABLE_ELEVE")
            .Select(l => (ine[l.Text("ELEVE_ID")], l.Text("PERSONNE_ID"), l.Text("RESP_LEGAL"), l.Text("NIVEAU_RESPONSABILITE")));
        var expected = School.ParentLinks.Select(l => (byId[l.PupilId].ExternalId!, byId[l.ParentId].ExternalId!, l.LegalLevel.ToString(System.Globalization.CultureInfo.InvariantCulture), "1"));
        using (Assert.EnterMultipleScope())
        {
            Assert.That(root.Element("PERSONNES")!.Elements("PERSONNE").Select(p => (p.Attribute("PERSONNE_ID")!.Value, p.Text("NOM_DE_FAMILLE"), p.Text("PRENOM"))),
                Is.EquivalentTo(parents.Select(p => (p.ExternalId!, p.LastName, p.FirstName))));
            Assert.That(links, Is.EquivalentTo(expected));
            Assert.That(root.Element("ADRESSES")!.Elements("ADRESSE").Count(), Is.EqualTo(parents.Count));
        }
    }

    [Test]
    public void NomenclatureAndStructures_HoldSubjectsMefsDivisionsAndGroups()
    {
        var nomenclature = ExportFixture.Parse(Nomenclature).Root!.Element("DONNEES")!;
        var structures = ExportFixture.Parse(Structures).Root!.Element("DONNEES")!;
        var mefs = nomenclature.Element("MEFS")!.Elements("MEF").ToDictionary(m => m.Attribute("CODE_MEF")!.Value, m => m.Text("FORMATION"));
        using (Assert.EnterMultipleScope())
        {
            Assert.That(nomenclature.Element("MATIERES")!.Elements("MATIERE").Select(m => (m.Attribute("CODE_MATIERE")!.Value, m.Text("LIBELLE_COURT"))),
                Is.EqualTo(School.Subjects.Select(s => (s.Code, s.Name))));
            Assert.That(mefs.Values, Is.EqualTo(new[] { "6EME", "5EME", "4EME", "3EME" }));
            Assert.That(structures.Element("DIVISIONS")!.Elements("DIVISION").Select(d => (d.Attribute("CODE_STRUCTURE")!.Value, d.Text("LIBELLE_LONG"), mefs[d.Descendants("CODE_MEF").Single().Value][..1])),
                Is.EqualTo(School.Structures.Where(s => s.Kind == StructureKind.Class).Select(s => (s.Code, s.Name, s.LevelCode![..1]))));
            Assert.That(structures.Element("GROUPES")!.Elements("GROUPE").Select(g => (g.Attribute("CODE_STRUCTURE")!.Value, g.Text("LIBELLE_LONG"), string.Join(",", g.Descendants("CODE_STRUCTURE").Select(c => c.Value)))),
                Is.EqualTo(School.Structures.Where(s => s.Kind == StructureKind.Group).Select(s => (s.Code, s.Name, string.Join(",", s.ClassCodes)))));
        }
    }

    [Test]
    public void Sts_HoldsEveryStaffMemberWithAnStsIdTheirServicesAndProfsPrincipaux()
    {
        var donnees = ExportFixture.Parse(Sts).Root!.Element("DONNEES")!;
        var individus = donnees.Element("INDIVIDUS")!.Elements("INDIVIDU").ToList();
        var byId = School.Accounts.ToDictionary(a => a.Id);
        var staff = School.Accounts.Where(a => a.Profile is Profile.Enseignant or Profile.Personnel && a.ExternalId is not null).ToList();
        var services = donnees.Element("STRUCTURE")!.Descendants("SERVICE")
            .SelectMany(s => s.Descendants("ENSEIGNANT").Select(e => (e.Attribute("ID")!.Value, s.Attribute("CODE_MATIERE")!.Value, s.Parent!.Parent!.Attribute("CODE")!.Value)));
        var principals = individus.SelectMany(i => i.Descendants("PROF_PRINC").Select(p => (i.Attribute("ID")!.Value, p.Text("CODE_STRUCTURE"))));
        using (Assert.EnterMultipleScope())
        {
            Assert.That(individus.Select(i => (i.Attribute("ID")!.Value, i.Attribute("TYPE")!.Value, i.Text("NOM_USAGE"), i.Text("PRENOM"))),
                Is.EquivalentTo(staff.Select(a => (a.ExternalId!, "epp", a.LastName, a.FirstName))));
            Assert.That(individus.Where(i => i.Text("FONCTION") == "ENS").Select(i => i.Attribute("ID")!.Value),
                Is.EquivalentTo(staff.Where(a => a.Profile == Profile.Enseignant).Select(a => a.ExternalId)));
            Assert.That(individus.Single(i => i.Attribute("ID")!.Value == DemoFixture.Login("principal").ExternalId).Text("FONCTION"), Is.EqualTo("DIR"));
            Assert.That(individus.Single(i => i.Attribute("ID")!.Value == DemoFixture.Login("cpe").ExternalId).Text("FONCTION"), Is.EqualTo("EDU"));
            Assert.That(services, Is.EquivalentTo(School.Teachings.Select(t => (byId[t.TeacherId].ExternalId!, t.SubjectCode, t.StructureCode))));
            Assert.That(principals, Is.EquivalentTo(School.Teachings.Where(t => t.ProfPrincipal).Select(t => (byId[t.TeacherId].ExternalId!, t.StructureCode))));
        }
    }

    [Test]
    public void AccountsWithoutNationalId_AreInNoFile()
    {
        var all = string.Concat(ExportFixture.Files.Select(f => ExportFixture.Parse(f.Name).ToString()));
        foreach (var login in new[] { "admin", "principal.admin", "dane" })
        {
            Assert.That(DemoFixture.Login(login).ExternalId, Is.Null, login);
        }

        Assert.That(all, Does.Not.Contain("Support DANE").And.Not.Contain("Administrateur ENT"));
    }

    [Test]
    public void Write_PutsEachFeedInItsFolder()
    {
        var folder = Path.Combine(Path.GetTempPath(), "preau-demo-exports-" + Guid.NewGuid().ToString("N")[..8]);
        try
        {
            var paths = DemoExports.Write(School, folder);
            Assert.That(paths.Select(p => Path.GetRelativePath(folder, p).Replace('\\', '/')), Is.EqualTo(ExportFixture.Files.Select(f => f.RelativePath)));
            Assert.That(paths.Select(File.ReadAllBytes), Is.EqualTo(ExportFixture.Files.Select(f => f.Content)));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
