using System.Text;
using System.Xml;

namespace Preau.Plugins.Directory.Reading;

/// <summary>How every export is parsed: the encoding its declaration names (UTF-8, ISO-8859-15,
/// ISO-8859-1, windows-1252), no DTD, no external resolution, comments and whitespace skipped.</summary>
/// <remarks>.NET knows UTF-8 and ISO-8859-1 by itself; ISO-8859-15 (œ, Œ, € where Latin-1 has ½, ¼,
/// ¤) and windows-1252 come from <see cref="CodePagesEncodingProvider"/>, which is part of the shared
/// framework and is registered once here.</remarks>
public static class XmlSetup
{
    static XmlSetup()
    {
        // Registered before the lookup below: field initialisers would run before this body.
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        Latin9 = Encoding.GetEncoding("ISO-8859-15");
    }

    /// <summary>ISO-8859-15 (Latin-9), the encoding of many SIECLE exports.</summary>
    public static Encoding Latin9 { get; }

    /// <summary>Makes sure the code-page encodings are registered (the static constructor does it).</summary>
    public static void EnsureEncodings() => _ = Latin9;

    /// <summary>A reader over an export: the declared encoding honoured, hostile constructs refused.</summary>
    internal static XmlReader CreateReader(Stream stream)
    {
        EnsureEncodings();
        return XmlReader.Create(stream, new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            IgnoreComments = true,
            IgnoreProcessingInstructions = true,
            IgnoreWhitespace = true,
            CloseInput = false,
            MaxCharactersFromEntities = 0,
            MaxCharactersInDocument = 2L * 1024 * 1024 * 1024,
        });
    }

    /// <summary>The local name of the root element, or null when the content is not XML.</summary>
    internal static string? RootOf(Stream stream)
    {
        try
        {
            using var reader = CreateReader(stream);
            return reader.MoveToContent() == XmlNodeType.Element ? reader.LocalName : null;
        }
        catch (XmlException)
        {
            return null;
        }
    }
}
