using System.Globalization;
using System.Xml;
using Preau.Core.Accounts;
using Preau.Core.Graph;

namespace Preau.Demo.Exports;

/// <summary>sts_emp_&lt;UAI&gt;_&lt;année&gt;.xml (root STS_EDT): codes as attributes; the subjects and
/// MEFs; each individual with their function, grade and the classes they are professeur principal
/// of; each division and group with its services and their teachers.</summary>
internal static class StsEmpWriter
{
    public static void Write(DemoFeeds feeds, Stream stream)
    {
        using var w = ExportXml.Create(stream, ExportXml.Utf8);
        var year = int.Parse(DemoExports.SchoolYear, CultureInfo.InvariantCulture);
        w.WriteStartElement("STS_EDT");
        w.WriteStartElement("PARAMETRES");
        w.WriteStartElement("UAJ");
        w.WriteAttributeString("CODE", DemoSchool.Uai);
        ExportXml.Text(w, "ACADEMIE", "19");
        w.WriteEndElement();
        w.WriteStartElement("ANNEE_SCOLAIRE");
        w.WriteAttributeString("ANNEE", DemoExports.SchoolYear);
        ExportXml.Text(w, "DATE_DEBUT", string.Create(CultureInfo.InvariantCulture, $"{year}-09-01"));
        ExportXml.Text(w, "DATE_FIN", string.Create(CultureInfo.InvariantCulture, $"{year + 1}-08-31"));
        w.WriteEndElement();
        ExportXml.Text(w, "HORODATAGE", DemoExports.ExportDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + "T07:30:00");
        w.WriteEndElement();

        WriteNomenclatures(w, feeds);

        w.WriteStartElement("DONNEES");
        w.WriteStartElement("INDIVIDUS");
        foreach (var person in feeds.Staff)
        {
            WriteIndividu(w, feeds, person);
        }

        w.WriteEndElement();
        w.WriteStartElement("STRUCTURE");
        w.WriteStartElement("DIVISIONS");
        foreach (var division in feeds.Classes)
        {
            w.WriteStartElement("DIVISION");
            w.WriteAttributeString("CODE", division.Code);
            ExportXml.Text(w, "LIBELLE_LONG", division.Name);
            w.WriteStartElement("MEFS_APPARTENANCE");
            if (division.LevelCode is { } level)
            {
                w.WriteStartElement("MEF_APPARTENANCE");
                w.WriteAttributeString("CODE", DemoMefs.Of(level).Code);
                w.WriteEndElement();
            }

            w.WriteEndElement();
            WriteServices(w, feeds, division);
            w.WriteEndElement();
        }

        w.WriteEndElement();
        w.WriteStartElement("GROUPES");
        foreach (var group in feeds.Groups)
        {
            w.WriteStartElement("GROUPE");
            w.WriteAttributeString("CODE", group.Code);
            ExportXml.Text(w, "LIBELLE_LONG", group.Name);
            w.WriteStartElement("DIVISIONS_APPARTENANCE");
            foreach (var division in group.ClassCodes)
            {
                w.WriteStartElement("DIVISION_APPARTENANCE");
                w.WriteAttributeString("CODE", division);
                w.WriteEndElement();
            }

            w.WriteEndElement();
            WriteServices(w, feeds, group);
            w.WriteEndElement();
        }

        w.WriteEndElement();
        w.WriteEndElement();
        w.WriteEndElement();
        w.WriteEndElement();
    }

    private static void WriteNomenclatures(XmlWriter w, DemoFeeds feeds)
    {
        w.WriteStartElement("NOMENCLATURES");
        w.WriteStartElement("MATIERES");
        foreach (var subject in feeds.School.Subjects)
        {
            w.WriteStartElement("MATIERE");
            w.WriteAttributeString("CODE", subject.Code);
            ExportXml.Text(w, "CODE_GESTION", SubjectCodes.GestionOf(subject.Code));
            ExportXml.Text(w, "LIBELLE_COURT", subject.Name);
            ExportXml.Text(w, "LIBELLE_LONG", subject.Name);
            ExportXml.Text(w, "LIBELLE_EDITION", subject.Name);
            w.WriteEndElement();
        }

        w.WriteEndElement();
        w.WriteStartElement("MEFS");
        foreach (var (code, formation, label) in feeds.Mefs)
        {
            w.WriteStartElement("MEF");
            w.WriteAttributeString("CODE", code);
            ExportXml.Text(w, "FORMATION", formation);
            ExportXml.Text(w, "LIBELLE_LONG", label);
            w.WriteEndElement();
        }

        w.WriteEndElement();
        w.WriteEndElement();
    }

    private static void WriteIndividu(XmlWriter w, DemoFeeds feeds, Account person)
    {
        var (fonction, grade) = StsFunctionCodes.Of(person);
        var hash = ExportXml.Hash(person.ExternalId!);
        w.WriteStartElement("INDIVIDU");
        w.WriteAttributeString("ID", person.ExternalId);
        w.WriteAttributeString("TYPE", "epp");
        ExportXml.Text(w, "SEXE", (1 + (hash % 2)).ToString(CultureInfo.InvariantCulture));
        ExportXml.Text(w, "NOM_USAGE", person.LastName);
        ExportXml.Text(w, "NOM_PATRONYMIQUE", person.LastName);
        ExportXml.Text(w, "PRENOM", person.FirstName);
        ExportXml.Text(w, "DATE_NAISSANCE", new DateOnly(1965 + (hash % 30), 1, 1).AddDays(hash / 30 % 365).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        ExportXml.Text(w, "GRADE", grade);
        ExportXml.Text(w, "FONCTION", fonction);
        var principal = feeds.PrincipalOf[person.Id].ToList();
        if (principal.Count > 0)
        {
            w.WriteStartElement("PROFS_PRINC");
            foreach (var classCode in principal)
            {
                w.WriteStartElement("PROF_PRINC");
                ExportXml.Text(w, "CODE_STRUCTURE", classCode);
                ExportXml.Text(w, "DATE_DEBUT", DemoExports.ExportDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                w.WriteEndElement();
            }

            w.WriteEndElement();
        }

        var subjects = feeds.SubjectsOf[person.Id].Distinct(StringComparer.Ordinal).ToList();
        if (subjects.Count > 0)
        {
            w.WriteStartElement("DISCIPLINES");
            foreach (var subject in subjects)
            {
                w.WriteStartElement("DISCIPLINE");
                w.WriteAttributeString("CODE", "L" + SubjectCodes.GestionOf(subject));
                ExportXml.Text(w, "NB_HEURES", "18");
                w.WriteEndElement();
            }

            w.WriteEndElement();
        }

        w.WriteEndElement();
    }

    private static void WriteServices(XmlWriter w, DemoFeeds feeds, Structure structure)
    {
        w.WriteStartElement("SERVICES");
        foreach (var bySubject in feeds.Services[structure.Code].GroupBy(t => t.SubjectCode, StringComparer.Ordinal))
        {
            w.WriteStartElement("SERVICE");
            w.WriteAttributeString("CODE_MATIERE", bySubject.Key);
            w.WriteAttributeString("CODE_MOD_COURS", "CG");
            w.WriteStartElement("ENSEIGNANTS");
            foreach (var teaching in bySubject)
            {
                w.WriteStartElement("ENSEIGNANT");
                w.WriteAttributeString("ID", feeds.StsIdOf(teaching.TeacherId));
                w.WriteAttributeString("TYPE", "epp");
                ExportXml.Text(w, "COTISATION", "2");
                w.WriteEndElement();
            }

            w.WriteEndElement();
            w.WriteEndElement();
        }

        w.WriteEndElement();
    }
}
