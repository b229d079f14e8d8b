using System.Text;
using System.Xml;

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
