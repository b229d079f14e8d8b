namespace Preau.Demo.Exports;

/// <summary>Nomenclature.xml (root BEE_NOMENCLATURES): the subjects (CODE_MATIERE, CODE_GESTION,
/// labels) and the MEFs of the four levels.</summary>
internal static class SiecleNomenclatureWriter
{
    public static void Write(DemoFeeds feeds, Stream stream)
    {
        using var w = ExportXml.Create(stream, ExportXml.Latin9);
        w.WriteStartElement("BEE_NOMENCLATURES");
        w.WriteAttributeString("VERSION", "3.7");
        feeds.WriteSiecleParametres(w);
        w.WriteStartElement("DONNEES");

        w.WriteStartElement("MATIERES");
        foreach (var subject in feeds.School.Subjects)
        {
            w.WriteStartElement("MATIERE");
            w.WriteAttributeString("CODE_MATIERE", subject.Code);
            ExportXml.Text(w, "CODE_GESTION", SubjectCodes.GestionOf(subject.Code));
            ExportXml.Text(w, "LIBELLE_COURT", subject.Name);
            ExportXml.Text(w, "LIBELLE_LONG", subject.Name);
            ExportXml.Text(w, "LIBELLE_EDITION", subject.Name);
            ExportXml.Text(w, "MATIERE_ETP", "0");
            w.WriteEndElement();
        }

        w.WriteEndElement();

        w.WriteStartElement("MEFS");
        foreach (var (code, formation, label) in feeds.Mefs)
        {
            w.WriteStartElement("MEF");
            w.WriteAttributeString("CODE_MEF", code);
            ExportXml.Text(w, "FORMATION", formation);
            ExportXml.Text(w, "LIBELLE_LONG", label);
            ExportXml.Text(w, "LIBELLE_EDITION", label);
            ExportXml.Text(w, "MEF_RATTACHEMENT", code);
            ExportXml.Text(w, "MEF_INSCRIPTION", code);
            w.WriteEndElement();
        }

        w.WriteEndElement();
        w.WriteEndElement();
        w.WriteEndElement();
    }
}
