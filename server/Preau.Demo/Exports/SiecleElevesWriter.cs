using System.Globalization;

namespace Preau.Demo.Exports;

/// <summary>ElevesSansAdresses.xml (root BEE_ELEVES): each pupil with their INE, names, birth date
/// and MEF; their options (second language, Latin); their division and groups.</summary>
internal static class SiecleElevesWriter
{
    public static void Write(DemoFeeds feeds, Stream stream)
    {
        using var w = ExportXml.Create(stream, ExportXml.Latin9);
        w.WriteStartElement("BEE_ELEVES");
        w.WriteAttributeString("VERSION", "3.7");
        feeds.WriteSiecleParametres(w);
        w.WriteStartElement("DONNEES");

        w.WriteStartElement("ELEVES");
        foreach (var pupil in feeds.Pupils)
        {
            WritePupil(w, pupil);
        }

        w.WriteEndElement();

        w.WriteStartElement("OPTIONS");
        foreach (var pupil in feeds.Pupils.Where(p => p.GroupCodes.Count > 0))
        {
            WriteOptions(w, feeds, pupil);
        }

        w.WriteEndElement();

        w.WriteStartElement("STRUCTURES");
        foreach (var pupil in feeds.Pupils.Where(p => p.ClassCode is not null || p.GroupCodes.Count > 0))
        {
            w.WriteStartElement("STRUCTURES_ELEVE");
            w.WriteAttributeString("ELEVE_ID", pupil.EleveId);
            w.WriteAttributeString("ELENOET", pupil.Elenoet);
            if (pupil.ClassCode is { } classCode)
            {
                WriteStructure(w, classCode, "D");
            }

            foreach (var group in pupil.GroupCodes)
            {
                WriteStructure(w, group, "G");
            }

            w.WriteEndElement();
        }

        w.WriteEndElement();
        w.WriteEndElement();
        w.WriteEndElement();
    }

    private static void WritePupil(System.Xml.XmlWriter w, FedPupil pupil)
    {
        var account = pupil.Account;
        var hash = ExportXml.Hash(account.ExternalId!);
        // Born the year a pupil of the level usually is: 2015 for a 6e of 2026.
        var born = new DateOnly(int.Parse(DemoExports.SchoolYear, CultureInfo.InvariantCulture) - 10 - Math.Max(pupil.LevelOrder, 1), 1, 1).AddDays(hash % 365);
        w.WriteStartElement("ELEVE");
        w.WriteAttributeString("ELEVE_ID", pupil.EleveId);
        w.WriteAttributeString("ELENOET", pupil.Elenoet);
        ExportXml.Text(w, "ID_NATIONAL", account.ExternalId);
        ExportXml.Text(w, "NOM_DE_FAMILLE", account.LastName);
        ExportXml.Text(w, "NOM_USAGE", null);
        ExportXml.Text(w, "PRENOM", account.FirstName);
        ExportXml.Text(w, "DATE_NAISS", born.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture));
        ExportXml.Text(w, "CODE_SEXE", (1 + (hash / 365 % 2)).ToString(CultureInfo.InvariantCulture));
        ExportXml.Text(w, "CODE_PAYS_NAT", "100");
        ExportXml.Text(w, "CODE_REGIME", "2");
        ExportXml.Text(w, "CODE_MEF", pupil.MefCode);
        ExportXml.Text(w, "DATE_ENTREE", DemoExports.ExportDate.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture));
        ExportXml.Text(w, "DATE_SORTIE", null);
        w.WriteEndElement();
    }

    /// <summary>The subjects of the pupil's groups, as SIECLE lists options (LV2, Latin).</summary>
    private static void WriteOptions(System.Xml.XmlWriter w, DemoFeeds feeds, FedPupil pupil)
    {
        var subjects = pupil.GroupCodes
            .SelectMany(g => feeds.Services[g].Select(t => t.SubjectCode))
            .Distinct(StringComparer.Ordinal)
            .ToList();
        if (subjects.Count == 0)
        {
            return;
        }

        w.WriteStartElement("OPTION");
        w.WriteAttributeString("ELEVE_ID", pupil.EleveId);
        w.WriteAttributeString("ELENOET", pupil.Elenoet);
        for (var i = 0; i < subjects.Count; i++)
        {
            w.WriteStartElement("OPTIONS_ELEVE");
            ExportXml.Text(w, "NUM_OPTION", (i + 1).ToString(CultureInfo.InvariantCulture));
            ExportXml.Text(w, "CODE_MODALITE_ELECT", i == 0 ? "O" : "F");
            ExportXml.Text(w, "CODE_MATIERE", subjects[i]);
            w.WriteEndElement();
        }

        w.WriteEndElement();
    }

    private static void WriteStructure(System.Xml.XmlWriter w, string code, string type)
    {
        w.WriteStartElement("STRUCTURE");
        ExportXml.Text(w, "CODE_STRUCTURE", code);
        ExportXml.Text(w, "TYPE_STRUCTURE", type);
        w.WriteEndElement();
    }
}
