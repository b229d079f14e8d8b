using System.Globalization;
using System.Text;
using System.Xml;
using Preau.Plugins.Directory.Model;

namespace Preau.Plugins.Directory.Fixtures;

/// <summary>Writes a snapshot as the STSweb export <c>sts_emp_&lt;UAI&gt;_&lt;année&gt;.xml</c>: codes
/// as attributes, individuals with their function and professeurs principaux, services under each
/// division and group.</summary>
public static class StsWriter
{
    /// <summary>The export's file name for a snapshot.</summary>
    public static string FileName(ImportSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        return $"sts_emp_{snapshot.Uai}_{snapshot.SchoolYear}.xml";
    }

    /// <summary>Writes the export.</summary>
    public static void Write(ImportSnapshot snapshot, Stream stream, Encoding encoding)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        using var w = FixtureXml.Create(stream, encoding);
        var year = int.Parse(snapshot.SchoolYear, CultureInfo.InvariantCulture);
        w.WriteStartElement("STS_EDT");
        w.WriteStartElement("PARAMETRES");
        w.WriteStartElement("UAJ");
        w.WriteAttributeString("CODE", snapshot.Uai);
        FixtureXml.Text(w, "ACADEMIE", "99");
        w.WriteEndElement();
        w.WriteStartElement("ANNEE_SCOLAIRE");
        w.WriteAttributeString("ANNEE", snapshot.SchoolYear);
        FixtureXml.Text(w, "DATE_DEBUT", $"{year}-09-01");
        FixtureXml.Text(w, "DATE_FIN", $"{year + 1}-08-31");
        w.WriteEndElement();
        FixtureXml.Text(w, "HORODATAGE", $"{year}-09-01T07:30:00");
        w.WriteEndElement();

        w.WriteStartElement("NOMENCLATURES");
        FixtureXml.Subjects(w, snapshot.Subjects, "CODE");
        w.WriteStartElement("MEFS");
        foreach (var m in snapshot.Mefs)
        {
            w.WriteStartElement("MEF");
            w.WriteAttributeString("CODE", m.Code);
            FixtureXml.Text(w, "FORMATION", m.Formation);
            FixtureXml.Text(w, "LIBELLE_LONG", m.Label);
            w.WriteEndElement();
        }

        w.WriteEndElement();
        w.WriteEndElement();

        w.WriteStartElement("DONNEES");
        WriteIndividus(w, snapshot);
        w.WriteStartElement("STRUCTURE");
        var services = snapshot.Services.ToLookup(s => s.StructureCode, StringComparer.Ordinal);
        var staff = snapshot.Staff.ToDictionary(s => s.ExternalId, StringComparer.Ordinal);
        w.WriteStartElement("DIVISIONS");
        foreach (var d in snapshot.Structures.Where(s => s.Type == StructureType.Class))
        {
            w.WriteStartElement("DIVISION");
            w.WriteAttributeString("CODE", d.Code);
            FixtureXml.Text(w, "LIBELLE_LONG", d.Name);
            w.WriteStartElement("MEFS_APPARTENANCE");
            foreach (var mef in d.MefCodes)
            {
                w.WriteStartElement("MEF_APPARTENANCE");
                w.WriteAttributeString("CODE", mef);
                w.WriteEndElement();
            }

            w.WriteEndElement();
            WriteServices(w, services[d.Code], staff);
            w.WriteEndElement();
        }

        w.WriteEndElement();
        w.WriteStartElement("GROUPES");
        foreach (var g in snapshot.Structures.Where(s => s.Type == StructureType.Group))
        {
            w.WriteStartElement("GROUPE");
            w.WriteAttributeString("CODE", g.Code);
            FixtureXml.Text(w, "LIBELLE_LONG", g.Name);
            w.WriteStartElement("DIVISIONS_APPARTENANCE");
            foreach (var d in g.ClassCodes)
            {
                w.WriteStartElement("DIVISION_APPARTENANCE");
                w.WriteAttributeString("CODE", d);
                w.WriteEndElement();
            }

            w.WriteEndElement();
            WriteServices(w, services[g.Code], staff);
            w.WriteEndElement();
        }

        w.WriteEndElement();
        w.WriteEndElement();
        w.WriteEndElement();
        w.WriteEndElement();
    }

    private static void WriteIndividus(XmlWriter w, ImportSnapshot snapshot)
    {
        var principals = snapshot.ProfsPrincipaux.ToLookup(p => p.StaffExternalId, StringComparer.Ordinal);
        var disciplines = snapshot.Services.ToLookup(s => s.StaffExternalId, s => s.SubjectCode, StringComparer.Ordinal);
        w.WriteStartElement("INDIVIDUS");
        foreach (var s in snapshot.Staff)
        {
            var h = FixtureXml.Hash(s.ExternalId);
            w.WriteStartElement("INDIVIDU");
            w.WriteAttributeString("ID", s.StsId);
            w.WriteAttributeString("TYPE", s.StsType);
            FixtureXml.Text(w, "SEXE", (1 + (h % 2)).ToString(CultureInfo.InvariantCulture));
            FixtureXml.Text(w, "CIVILITE", (1 + (h % 2)).ToString(CultureInfo.InvariantCulture));
            FixtureXml.Text(w, "NOM_USAGE", s.LastName);
            FixtureXml.Text(w, "NOM_PATRONYMIQUE", s.LastName);
            FixtureXml.Text(w, "PRENOM", s.FirstName);
            if (s.StsType == "epp")
            {
                FixtureXml.Text(w, "DATE_NAISSANCE", $"{1960 + (h % 35)}-{1 + (h / 35 % 12):00}-{1 + (h % 28):00}");
            }

            FixtureXml.Text(w, "GRADE", s.Grade);
            FixtureXml.Text(w, "FONCTION", s.FunctionCode);
            if (principals[s.ExternalId].Any())
            {
                w.WriteStartElement("PROFS_PRINC");
                foreach (var pp in principals[s.ExternalId])
                {
                    w.WriteStartElement("PROF_PRINC");
                    FixtureXml.Text(w, "CODE_STRUCTURE", pp.ClassCode);
                    FixtureXml.Text(w, "DATE_DEBUT", $"{snapshot.SchoolYear}-09-01");
                    w.WriteEndElement();
                }

                w.WriteEndElement();
            }

            w.WriteStartElement("DISCIPLINES");
            foreach (var subject in disciplines[s.ExternalId].Distinct(StringComparer.Ordinal))
            {
                w.WriteStartElement("DISCIPLINE");
                w.WriteAttributeString("CODE", "L" + subject);
                FixtureXml.Text(w, "NB_HEURES", "18");
                w.WriteEndElement();
            }

            w.WriteEndElement();
            w.WriteEndElement();
        }

        w.WriteEndElement();
    }

    private static void WriteServices(XmlWriter w, IEnumerable<ImportedService> services, Dictionary<string, ImportedStaff> staff)
    {
        w.WriteStartElement("SERVICES");
        foreach (var bySubject in services.GroupBy(s => s.SubjectCode, StringComparer.Ordinal))
        {
            w.WriteStartElement("SERVICE");
            w.WriteAttributeString("CODE_MATIERE", bySubject.Key);
            w.WriteAttributeString("CODE_MOD_COURS", "CG");
            w.WriteStartElement("ENSEIGNANTS");
            foreach (var service in bySubject)
            {
                var teacher = staff[service.StaffExternalId];
                w.WriteStartElement("ENSEIGNANT");
                w.WriteAttributeString("ID", teacher.StsId);
                w.WriteAttributeString("TYPE", teacher.StsType);
                FixtureXml.Text(w, "COTISATION", "2");
                w.WriteEndElement();
            }

            w.WriteEndElement();
            w.WriteEndElement();
        }

        w.WriteEndElement();
    }
}
