using Preau.Core.Storage;

namespace Preau.Storage.LiteDb;

/// <summary>Search text as files named by their blob's hash, under <c>&lt;dataDir&gt;/search/ab/&lt;hash&gt;</c>.</summary>
/// <remarks>
/// The text is derived from the blob, so it is written without fsync: a temporary file renamed into
/// place, so a reader sees a whole file or none; after a power cut a file may be empty or torn, which
/// the reader detects (<see cref="Core.Search.FoldedText.TryDeserialize"/>) and the index rebuilds.
/// </remarks>
public sealed class FileSearchTextStore : ISearchTextStore
{
    private readonly string _root;

    /// <summary>Opens (creating if needed) the search folder of a data directory.</summary>
    /// <param name="dataDirectory">The data directory.</param>
    public FileSearchTextStore(string dataDirectory)
    {
        ArgumentException.ThrowIfNullOrEmpty(dataDirectory);
        _root = Path.Combine(Path.GetFullPath(dataDirectory), "search");
        Directory.CreateDirectory(_root);
    }

    /// <inheritdoc />
    public byte[]? TryRead(string hash)
    {
        try
        {
            return File.ReadAllBytes(PathOf(hash));
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return null;
        }
    }

    /// <inheritdoc />
    public void Write(string hash, ReadOnlySpan<byte> record)
    {
        var path = PathOf(hash);
        var folder = Path.GetDirectoryName(path)!;
        Directory.CreateDirectory(folder);
        var temp = Path.Combine(folder, $".{hash}.{Guid.NewGuid():N}.tmp");
        using (var file = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1))
        {
            file.Write(record);
        }

        File.Move(temp, path, overwrite: true);
    }

    private string PathOf(string hash)
    {
        // The hash becomes a path: anything but 64 lower-case hex digits could escape the folder.
        ArgumentNullException.ThrowIfNull(hash);
        if (hash.Length != 64 || !hash.All(char.IsAsciiHexDigitLower))
        {
            throw new ArgumentException("Not a lower-case hex SHA-256.", nameof(hash));
        }

        return Path.Combine(_root, hash[..2], hash);
    }
}
