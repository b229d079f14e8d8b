namespace Preau.Demo.Exports;

/// <summary>One export of the demo school, ready to be written: the feed's folder, the file name
/// the national tool gives it, and its bytes (in the encoding its XML declaration names).</summary>
/// <param name="Folder"><see cref="DemoExports.SiecleFolder"/> or <see cref="DemoExports.StsFolder"/>.</param>
/// <param name="Name">The file name, e.g. <c>ElevesSansAdresses.xml</c>.</param>
/// <param name="Content">The file's bytes.</param>
public sealed record DemoExportFile(string Folder, string Name, byte[] Content)
{
    /// <summary>Where the file goes under the exports folder: <c>siecle/ElevesSansAdresses.xml</c>.</summary>
    public string RelativePath => Folder + "/" + Name;
}
