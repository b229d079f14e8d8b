using System.Text;
using System.Xml;
using Preau.Plugins.Directory.Model;

namespace Preau.Plugins.Directory.Fixtures;

/// <summary>The XmlWriter the fixture writers share: the declaration names the encoding, as the
/// real exports' does.</summary>
internal static class FixtureXml
{
    public static XmlWriter Create(Stream stream, Encoding encoding) => XmlWriter.Create(stream, new XmlWriterSettings
    {
        Encoding = encoding,
        Indent = true,
        IndentChars = "  ",
        CloseOutput = false,
    });

    public static void Text(XmlWriter writer, string name, string? value)
    {
        writer.WriteStartElement(name);
        if (!string.IsNullOrEmpty(value))
        {
            writer.WriteString(value);
        }

        writer.WriteEndElement();
    }

    /// <summary>MATIERES: the subjects as both nomenclatures write them, SIECLE's keyed by
    /// <c>CODE_MATIERE</c>, STSweb's by <c>CODE</c>.</summary>
    public static void Subjects(XmlWriter writer, IEnumerable<ImportedSubject> subjects, string codeAttribute)
    {
        writer.WriteStartElement("MATIERES");
        foreach (var s in subjects)
        {
            writer.WriteStartElement("MATIERE");
            writer.WriteAttributeString(codeAttribute, s.Code);
            Text(writer, "CODE_GESTION", s.GestionCode);
            Text(writer, "LIBELLE_COURT", s.Name);
            Text(writer, "LIBELLE_LONG", s.LongLabel);
            Text(writer, "LIBELLE_EDITION", s.LongLabel ?? s.Name);
            writer.WriteEndElement();
        }

        writer.WriteEndElement();
    }

    /// <summary>A stable pseudo-random number from an id, for the fields the import does not read
    /// (birth dates, sex), so that the same snapshot always gives the same bytes.</summary>
    public static int Hash(string id)
    {
        var h = 17;
        foreach (var c in id)
        {
            h = unchecked((h * 31) + c);
        }

        return h & 0x7FFFFFFF;
    }
}
