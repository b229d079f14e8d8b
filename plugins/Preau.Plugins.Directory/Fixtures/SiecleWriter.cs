using System.Globalization;
using System.Text;
using System.Xml;
using Preau.Plugins.Directory.Model;

namespace Preau.Plugins.Directory.Fixtures;

/// <summary>Writes a snapshot as the four SIECLE exports, shaped like the real ones (PARAMETRES,
/// DONNEES, uppercase element names, dd/mm/yyyy dates), with the synthetic fields the import skips
/// (birth dates, options, addresses) so that the readers are shown to skip them.</summary>
public static class SiecleWriter
{
    /// <summary>ElevesSansAdresses.xml.</summary>
    public static void WriteEleves(ImportSnapshot snapshot, Stream stream, Encoding encoding)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        using var w = FixtureXml.Create(stream, encoding);
        w.WriteStartElement("BEE_ELEVES");
        w.WriteAttributeString("VERSION", "3.7");
        Parametres(w, snapshot);
        w.WriteStartElement("DONNEES");
        w.WriteStartElement("ELEVES");
        foreach (var p in snapshot.Pupils)
        {
            var h = FixtureXml.Hash(p.EleveId);
            w.WriteStartElement("ELEVE");
            w.WriteAttributeString("ELEVE_ID", p.EleveId);
            if (p.Elenoet is not null)
            {
                w.WriteAttributeString("ELENOET", p.Elenoet);
            }

            FixtureXml.Text(w, "ID_NATIONAL", p.Ine);
            FixtureXml.Text(w, "NOM_DE_FAMILLE", p.LastName);
            FixtureXml.Text(w, "NOM_USAGE", null);
            FixtureXml.Text(w, "PRENOM", p.FirstName);
            FixtureXml.Text(w, "DATE_NAISS", $"{1 + (h % 28):00}/{1 + (h / 28 % 12):00}/{2008 + (h % 8)}");
            FixtureXml.Text(w, "CODE_SEXE", (1 + (h % 2)).ToString(CultureInfo.InvariantCulture));
            FixtureXml.Text(w, "CODE_MEF", p.MefCode);
            FixtureXml.Text(w, "DATE_ENTREE", $"01/09/{snapshot.SchoolYear}");
            FixtureXml.Text(w, "DATE_SORTIE", null);
            w.WriteEndElement();
        }

        w.WriteEndElement();
        w.WriteStartElement("OPTIONS");
        foreach (var p in snapshot.Pupils.Take(3))
        {
            w.WriteStartElement("OPTION");
            w.WriteAttributeString("ELEVE_ID", p.EleveId);
            w.WriteStartElement("OPTIONS_ELEVE");
            FixtureXml.Text(w, "NUM_OPTION", "1");
            FixtureXml.Text(w, "CODE_MODALITE_ELECT", "O");
            FixtureXml.Text(w, "CODE_MATIERE", snapshot.Subjects.FirstOrDefault()?.Code);
            w.WriteEndElement();
            w.WriteEndElement();
        }

        w.WriteEndElement();
        w.WriteStartElement("STRUCTURES");
        foreach (var p in snapshot.Pupils.Where(p => p.ClassCode is not null || p.GroupCodes.Count > 0))
        {
            w.WriteStartElement("STRUCTURES_ELEVE");
            w.WriteAttributeString("ELEVE_ID", p.EleveId);
            foreach (var (code, type) in new[] { (p.ClassCode, "D") }.Where(c => c.ClassCode is not null).Concat(p.GroupCodes.Select(g => ((string?)g, "G"))))
            {
                w.WriteStartElement("STRUCTURE");
                FixtureXml.Text(w, "CODE_STRUCTURE", code);
                FixtureXml.Text(w, "TYPE_STRUCTURE", type);
                w.WriteEndElement();
            }

            w.WriteEndElement();
        }

        w.WriteEndElement();
        w.WriteEndElement();
        w.WriteEndElement();
    }

    /// <summary>ResponsablesAvecAdresses.xml: RESP_LEGAL and NIVEAU_RESPONSABILITE both written.</summary>
    public static void WriteResponsables(ImportSnapshot snapshot, Stream stream, Encoding encoding)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        using var w = FixtureXml.Create(stream, encoding);
        w.WriteStartElement("BEE_RESPONSABLES");
        w.WriteAttributeString("VERSION", "3.7");
        Parametres(w, snapshot);
        w.WriteStartElement("DONNEES");
        w.WriteStartElement("PERSONNES");
        foreach (var r in snapshot.Responsables)
        {
            w.WriteStartElement("PERSONNE");
            w.WriteAttributeString("PERSONNE_ID", r.PersonneId);
            FixtureXml.Text(w, "NOM_DE_FAMILLE", r.LastName);
            FixtureXml.Text(w, "NOM_USAGE", null);
            FixtureXml.Text(w, "PRENOM", r.FirstName);
            FixtureXml.Text(w, "LC_CIVILITE", FixtureXml.Hash(r.PersonneId) % 2 == 0 ? "MME" : "M.");
            FixtureXml.Text(w, "ACCEPTE_SMS", "0");
            FixtureXml.Text(w, "ADRESSE_ID", "A" + r.PersonneId);
            w.WriteEndElement();
        }

        w.WriteEndElement();
        w.WriteStartElement("RESPONSABLES");
        foreach (var l in snapshot.ParentLinks)
        {
            w.WriteStartElement("RESPONSABLE_ELEVE");
            FixtureXml.Text(w, "ELEVE_ID", l.EleveId);
            FixtureXml.Text(w, "PERSONNE_ID", l.PersonneId);
            FixtureXml.Text(w, "RESP_LEGAL", l.Responsibility == Responsibility.Legal ? l.LegalLevel.ToString(CultureInfo.InvariantCulture) : "0");
            FixtureXml.Text(w, "NIVEAU_RESPONSABILITE", l.Responsibility switch
            {
                Responsibility.Legal => "1",
                Responsibility.EnCharge => "2",
                _ => "3",
            });
            FixtureXml.Text(w, "CODE_PARENTE", l.CodeParente);
            FixtureXml.Text(w, "RESP_FINANCIER", l.LegalLevel == 1 ? "1" : "0");
            FixtureXml.Text(w, "PERS_PAIMENT", "0");
            FixtureXml.Text(w, "PERS_CONTACT", l.Responsibility == Responsibility.Contact ? "1" : "0");
            w.WriteEndElement();
        }

        w.WriteEndElement();
        w.WriteStartElement("ADRESSES");
        foreach (var r in snapshot.Responsables.Take(5))
        {
            w.WriteStartElement("ADRESSE");
            w.WriteAttributeString("ADRESSE_ID", "A" + r.PersonneId);
            FixtureXml.Text(w, "LIGNE1_ADRESSE", "1 rue des Écoles");
            FixtureXml.Text(w, "CODE_POSTAL", "99999");
            FixtureXml.Text(w, "LIBELLE_POSTAL", "VILLE-SUR-DÉMO");
            w.WriteEndElement();
        }

        w.WriteEndElement();
        w.WriteEndElement();
        w.WriteEndElement();
    }

    /// <summary>Nomenclature.xml: subjects and MEFs.</summary>
    public static void WriteNomenclature(ImportSnapshot snapshot, Stream stream, Encoding encoding)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        using var w = FixtureXml.Create(stream, encoding);
        w.WriteStartElement("BEE_NOMENCLATURES");
        w.WriteAttributeString("VERSION", "3.7");
        Parametres(w, snapshot);
        w.WriteStartElement("DONNEES");
        FixtureXml.Subjects(w, snapshot.Subjects, "CODE_MATIERE");
        w.WriteStartElement("MEFS");
        foreach (var m in snapshot.Mefs)
        {
            w.WriteStartElement("MEF");
            w.WriteAttributeString("CODE_MEF", m.Code);
            FixtureXml.Text(w, "FORMATION", m.Formation);
            FixtureXml.Text(w, "LIBELLE_LONG", m.Label);
            FixtureXml.Text(w, "LIBELLE_EDITION", m.Label);
            FixtureXml.Text(w, "MEF_RATTACHEMENT", m.RattachementCode);
            w.WriteEndElement();
        }

        w.WriteEndElement();
        w.WriteEndElement();
        w.WriteEndElement();
    }

    /// <summary>Structures.xml: divisions with their MEFs, groups with their divisions.</summary>
    public static void WriteStructures(ImportSnapshot snapshot, Stream stream, Encoding encoding)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        using var w = FixtureXml.Create(stream, encoding);
        w.WriteStartElement("BEE_STRUCTURES");
        w.WriteAttributeString("VERSION", "3.7");
        Parametres(w, snapshot);
        w.WriteStartElement("DONNEES");
        w.WriteStartElement("DIVISIONS");
        foreach (var d in snapshot.Structures.Where(s => s.Type == StructureType.Class))
        {
            w.WriteStartElement("DIVISION");
            w.WriteAttributeString("CODE_STRUCTURE", d.Code);
            FixtureXml.Text(w, "LIBELLE_LONG", d.Name);
            w.WriteStartElement("MEFS_APPARTENANCE");
            foreach (var mef in d.MefCodes)
            {
                w.WriteStartElement("MEF_APPARTENANCE");
                FixtureXml.Text(w, "CODE_MEF", mef);
                w.WriteEndElement();
            }

            w.WriteEndElement();
            w.WriteEndElement();
        }

        w.WriteEndElement();
        w.WriteStartElement("GROUPES");
        foreach (var g in snapshot.Structures.Where(s => s.Type == StructureType.Group))
        {
            w.WriteStartElement("GROUPE");
            w.WriteAttributeString("CODE_STRUCTURE", g.Code);
            FixtureXml.Text(w, "LIBELLE_LONG", g.Name);
            w.WriteStartElement("DIVISIONS_APPARTENANCE");
            foreach (var d in g.ClassCodes)
            {
                w.WriteStartElement("DIVISION_APPARTENANCE");
                FixtureXml.Text(w, "CODE_STRUCTURE", d);
                w.WriteEndElement();
            }

            w.WriteEndElement();
            w.WriteEndElement();
        }

        w.WriteEndElement();
        w.WriteEndElement();
        w.WriteEndElement();
    }

    private static void Parametres(XmlWriter w, ImportSnapshot snapshot)
    {
        var date = snapshot.ExportDate ?? new DateOnly(int.Parse(snapshot.SchoolYear, CultureInfo.InvariantCulture), 9, 1);
        w.WriteStartElement("PARAMETRES");
        FixtureXml.Text(w, "UAJ", snapshot.Uai);
        FixtureXml.Text(w, "ANNEE_SCOLAIRE", snapshot.SchoolYear);
        FixtureXml.Text(w, "DATE_EXPORT", date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture));
        FixtureXml.Text(w, "HORODATAGE", date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture) + " 07:30:00");
        w.WriteEndElement();
    }
}
