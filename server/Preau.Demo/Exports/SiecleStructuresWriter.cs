namespace Preau.Demo.Exports;

/// <summary>Structures.xml (root BEE_STRUCTURES): the divisions with the MEF of their level and the
/// groups with the divisions they draw on.</summary>
internal static class SiecleStructuresWriter
{
    public static void Write(DemoFeeds feeds, Stream stream)
    {
        using var w = ExportXml.Create(stream, ExportXml.Latin9);
        w.WriteStartElement("BEE_STRUCTURES");
        w.WriteAttributeString("VERSION", "3.7");
        feeds.WriteSiecleParametres(w);
        w.WriteStartElement("DONNEES");

        w.WriteStartElement("DIVISIONS");
        foreach (var division in feeds.Classes)
        {
            w.WriteStartElement("DIVISION");
            w.WriteAttributeString("CODE_STRUCTURE", division.Code);
            ExportXml.Text(w, "LIBELLE_LONG", division.Name);
            w.WriteStartElement("MEFS_APPARTENANCE");
            if (division.LevelCode is { } level)
            {
                w.WriteStartElement("MEF_APPARTENANCE");
                ExportXml.Text(w, "CODE_MEF", DemoMefs.Of(level).Code);
                w.WriteEndElement();
            }

            w.WriteEndElement();
            w.WriteEndElement();
        }

        w.WriteEndElement();

        w.WriteStartElement("GROUPES");
        foreach (var group in feeds.Groups)
        {
            w.WriteStartElement("GROUPE");
            w.WriteAttributeString("CODE_STRUCTURE", group.Code);
            ExportXml.Text(w, "LIBELLE_LONG", group.Name);
            w.WriteStartElement("DIVISIONS_APPARTENANCE");
            foreach (var division in group.ClassCodes)
            {
                w.WriteStartElement("DIVISION_APPARTENANCE");
                ExportXml.Text(w, "CODE_STRUCTURE", division);
                w.WriteEndElement();
            }

            w.WriteEndElement();
            w.WriteEndElement();
        }

        w.WriteEndElement();
        w.WriteEndElement();
        w.WriteEndElement();
    }
}
