namespace Preau.Plugins.Directory.Reading;

/// <summary>One file handed to an import: an XML export or a zip of them. The import opens it as
/// often as it needs (once to recognise it, once to read it).</summary>
/// <param name="Name">The name shown in errors (the file's name, or the uploaded name).</param>
/// <param name="Open">Opens the content from its start; the import disposes the stream.</param>
public sealed record ImportInput(string Name, Func<Stream> Open)
{
    /// <summary>A file on disk, shown by its file name.</summary>
    public static ImportInput FromFile(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return new ImportInput(Path.GetFileName(path), () => new FileStream(
            path, FileMode.Open, FileAccess.Read, FileShare.Read, 64 * 1024, FileOptions.SequentialScan));
    }

    /// <summary>Bytes in memory (an upload).</summary>
    public static ImportInput FromBytes(string name, byte[] content)
    {
        ArgumentNullException.ThrowIfNull(content);
        return new ImportInput(name, () => new MemoryStream(content, writable: false));
    }
}
