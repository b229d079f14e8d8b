using System.Text;
using System.Xml.Linq;
using Preau.Demo.Exports;

namespace Preau.Demo.Tests;

/// <summary>The demo school's exports, rendered once for the read-only tests, and parsed as any XML
/// reader would: in the encoding each file's declaration names.</summary>
internal static class ExportFixture
{
    private static readonly Lazy<IReadOnlyList<DemoExportFile>> LazyFiles = new(() => DemoExports.Render(DemoFixture.Data));

    static ExportFixture() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static IReadOnlyList<DemoExportFile> Files => LazyFiles.Value;

    public static DemoExportFile File(string name) => Files.Single(f => f.Name == name);

    /// <summary>The document, decoded as its XML declaration says (DTDs prohibited).</summary>
    public static XDocument Parse(string name)
    {
        using var stream = new MemoryStream(File(name).Content);
        using var reader = System.Xml.XmlReader.Create(stream, new System.Xml.XmlReaderSettings { DtdProcessing = System.Xml.DtdProcessing.Prohibit });
        return XDocument.Load(reader);
    }

    /// <summary>The encoding named in the file's XML declaration.</summary>
    public static string DeclaredEncoding(string name)
    {
        var head = Encoding.ASCII.GetString(File(name).Content, 0, 60);
        var start = head.IndexOf("encoding=\"", StringComparison.Ordinal) + "encoding=\"".Length;
        return head[start..head.IndexOf('"', start)];
    }

    public static string Text(this XElement element, string child) => (string?)element.Element(child) ?? "";
}
