using System.Text;
using System.Xml;

namespace Preau.Demo.Exports;

/// <summary>What the export writers share: the two encodings, an <see cref="XmlWriter"/> whose
/// declaration names the encoding (as the real exports' does), and small helpers.</summary>
internal static class ExportXml
{
    static ExportXml()
    {
        // ISO-8859-15 comes from the code-page provider, part of the shared framework.
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        Latin9 = Encoding.GetEncoding("ISO-8859-15");
    }

    /// <summary>ISO-8859-15 (Latin-9), the encoding of the SIECLE files.</summary>
    public static Encoding Latin9 { get; }

    /// <summary>UTF-8 without a byte-order mark, the encoding of the STSweb file.</summary>
    public static Encoding Utf8 { get; } = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);

    /// <summary>A writer over <paramref name="stream"/>: indented, "\n" line ends on every machine.</summary>
    public static XmlWriter Create(Stream stream, Encoding encoding) => XmlWriter.Create(stream, new XmlWriterSettings
    {
        Encoding = encoding,
        Indent = true,
        IndentChars = "  ",
        NewLineChars = "\n",
        NewLineHandling = NewLineHandling.Replace,
        CloseOutput = false,
    });

    /// <summary>An element holding <paramref name="value"/> (empty when null, as the exports write a field they lack).</summary>
    public static void Text(XmlWriter writer, string name, string? value)
    {
        writer.WriteStartElement(name);
        if (!string.IsNullOrEmpty(value))
        {
            writer.WriteString(value);
        }

        writer.WriteEndElement();
    }

    /// <summary>A stable number from an id (FNV-1a), for the fields the import never reads (birth
    /// dates, civilité, street numbers): the same school gives the same bytes on every machine.</summary>
    public static int Hash(string id)
    {
        var hash = 2166136261u;
        foreach (var c in id)
        {
            hash = unchecked((hash ^ c) * 16777619u);
        }

        return (int)(hash & 0x7FFFFFFF);
    }
}
