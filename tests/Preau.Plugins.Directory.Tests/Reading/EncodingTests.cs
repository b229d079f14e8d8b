using System.Text;
using Preau.Plugins.Directory.Fixtures;
using Preau.Plugins.Directory.Reading;
using Preau.Plugins.Directory.Tests.Support;

namespace Preau.Plugins.Directory.Tests.Reading;

/// <summary>Each file is decoded in the encoding its XML declaration names, and only that.</summary>
public class EncodingTests
{
    private static Dictionary<string, byte[]> Latin9Files() =>
        FixtureFiles.Contents(Schools.Small, XmlSetup.Latin9).ToDictionary(f => f.Name, f => f.Bytes);

    private static byte[] Redeclare(byte[] bytes, string encoding)
    {
        var head = Encoding.ASCII.GetString(bytes, 0, 60);
        var declared = head[..(head.IndexOf("?>", StringComparison.Ordinal) + 2)];
        var replaced = declared.Replace("iso-8859-15", encoding, StringComparison.Ordinal);
        return [.. Encoding.ASCII.GetBytes(replaced), .. bytes.AsSpan(declared.Length)];
    }

    private static ReadResult Read(Dictionary<string, byte[]> files) =>
        ImportReader.Read(files.Select(f => ImportInput.FromBytes(f.Key, f.Value)));

    [Test]
    public void Read_Latin9BytesDeclaredUtf8_RefusedAsBadlyEncoded()
    {
        var files = Latin9Files();
        files["ResponsablesAvecAdresses.xml"] = Redeclare(files["ResponsablesAvecAdresses.xml"], "utf-8");

        var result = Read(files);

        Assert.That(result.Snapshot, Is.Null);
        var error = result.Errors.Single();
        Assert.That(error.File, Is.EqualTo("ResponsablesAvecAdresses.xml"));
        Assert.That(error.Reason, Does.StartWith("XML invalide ou mal encodé"));
        Assert.That(error.Line, Is.GreaterThan(1));
    }

    [Test]
    public void Read_SameBytesDeclaredLatin1_DecodedAsLatin1()
    {
        // 0xBD is œ in ISO-8859-15 and ½ in ISO-8859-1: the declaration decides.
        var files = Latin9Files();
        files["Structures.xml"] = Redeclare(files["Structures.xml"], "iso-8859-1");

        var read = Schools.Read(files.Select(f => ImportInput.FromBytes(f.Key, f.Value)));

        Assert.That(read.Structures.Single(s => s.Code == "3ATELIER").Name, Is.EqualTo("Atelier « budget en ¤ » à l'½il"));
    }

    [Test]
    public void Read_UnknownEncoding_Refused()
    {
        var files = Latin9Files();
        files["Nomenclature.xml"] = Redeclare(files["Nomenclature.xml"], "x-klingon");

        var result = Read(files);

        Assert.That(result.Errors.Single().File, Is.EqualTo("Nomenclature.xml"));
    }

    [Test]
    public void Read_Utf8WithByteOrderMark_Accepted()
    {
        var files = FixtureFiles.Contents(Schools.Small, new UTF8Encoding(true)).ToDictionary(f => f.Name, f => f.Bytes);
        Assert.That(files["ElevesSansAdresses.xml"][..3], Is.EqualTo(new byte[] { 0xEF, 0xBB, 0xBF }));

        var read = Schools.Read(files.Select(f => ImportInput.FromBytes(f.Key, f.Value)));

        Assert.That(Schools.Dump(read), Is.EqualTo(Schools.Dump(Schools.Small)));
    }

    [Test]
    public void Read_Windows1252Declared_Accepted()
    {
        var files = Latin9Files();
        var text = Encoding.GetEncoding("ISO-8859-15").GetString(files["Structures.xml"]).Replace("iso-8859-15", "windows-1252", StringComparison.Ordinal);
        files["Structures.xml"] = Encoding.GetEncoding(1252).GetBytes(text);

        var read = Schools.Read(files.Select(f => ImportInput.FromBytes(f.Key, f.Value)));

        Assert.That(read.Structures.Single(s => s.Code == "3ATELIER").Name, Is.EqualTo("Atelier « budget en € » à l'œil"));
    }
}
