using System.Collections.Concurrent;
using System.Security.Cryptography;
using Preau.Core.Storage;

namespace Preau.Storage.LiteDb;

/// <summary>Raw messages as files named by their SHA-256, under <c>&lt;dataDir&gt;/blobs/ab/&lt;hash&gt;</c> (256 folders, as git does:
/// few enough that creating them, and fsyncing their parent, is paid 256 times in the store's life).</summary>
/// <remarks>
/// A blob is written to a temporary file in its final folder, fsynced, renamed into place and the
/// folder fsynced: a reader never sees a partial blob, and once <see cref="PutAsync"/> returns the
/// blob survives a power cut, so the index may point at it. Files are never modified afterwards.
/// </remarks>
public sealed class FileBlobStore : IBlobStore
{
    private const string TempSuffix = ".tmp";

    private readonly string _root;

    // Fan-out folders whose creation has been made durable in this process. The value is a Lazy so
    // that a second writer into a brand-new folder waits until the first has fsynced its parents.
    private readonly ConcurrentDictionary<string, Lazy<bool>> _durableFolders = new(StringComparer.Ordinal);

    /// <summary>Opens (creating if needed) the blob folder of a data directory.</summary>
    public FileBlobStore(string dataDirectory)
    {
        ArgumentException.ThrowIfNullOrEmpty(dataDirectory);
        Directory.CreateDirectory(dataDirectory);
        _root = Path.Combine(Path.GetFullPath(dataDirectory), "blobs");
        Directory.CreateDirectory(_root);
        DirectorySync.Flush(Path.GetDirectoryName(_root)!);
    }

    /// <inheritdoc />
    public async Task<string> PutAsync(ReadOnlyMemory<byte> content, CancellationToken cancellationToken = default)
    {
        var hash = Convert.ToHexStringLower(SHA256.HashData(content.Span));
        var folder = EnsureFolder(hash);
        var path = Path.Combine(folder, hash);
        if (File.Exists(path))
        {
            // Another put may have renamed it a moment ago without having fsynced the folder yet;
            // the caller is about to index the blob, so its name must be durable now.
            DirectorySync.Flush(folder);
            return hash;
        }

        var temp = Path.Combine(folder, $".{hash}.{Guid.NewGuid():N}{TempSuffix}");
        try
        {
            using (var handle = File.OpenHandle(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, FileOptions.None, content.Length))
            {
                await RandomAccess.WriteAsync(handle, content, 0, cancellationToken).ConfigureAwait(false);
                RandomAccess.FlushToDisk(handle);
            }

            try
            {
                File.Move(temp, path, overwrite: false);
            }
            catch (IOException) when (File.Exists(path))
            {
                // A concurrent put of the same content won the rename: same bytes, keep theirs.
                File.Delete(temp);
            }

            DirectorySync.Flush(folder);
            return hash;
        }
        catch
        {
            TryDelete(temp);
            throw;
        }
    }

    /// <inheritdoc />
    public Stream Open(string hash)
    {
        var path = PathOf(hash);
        try
        {
            return new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 16384, FileOptions.SequentialScan);
        }
        catch (DirectoryNotFoundException e)
        {
            // The fan-out folder is created on first use; its absence means the blob is absent.
            throw new FileNotFoundException($"Blob {hash} not found.", path, e);
        }
    }

    /// <inheritdoc />
    public bool Exists(string hash) => File.Exists(PathOf(hash));

    /// <inheritdoc />
    public long Count() =>
        Directory.EnumerateFiles(_root, "*", SearchOption.AllDirectories)
            .LongCount(f => !f.EndsWith(TempSuffix, StringComparison.Ordinal));

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

    private string EnsureFolder(string hash)
    {
        var folder = Path.Combine(_root, hash[..2]);
        var created = _durableFolders.GetOrAdd(folder, f => new Lazy<bool>(() => CreateDurably(f)));
        try
        {
            _ = created.Value;
        }
        catch
        {
            // A Lazy keeps its exception: forget it so that the next put tries again.
            _durableFolders.TryRemove(new KeyValuePair<string, Lazy<bool>>(folder, created));
            throw;
        }

        return folder;
    }

    private bool CreateDurably(string folder)
    {
        Directory.CreateDirectory(folder);
        // Done even when the folder already existed: a previous run may have crashed between
        // creating it and fsyncing its parent. Once per folder per process is cheap.
        var parent = Path.GetDirectoryName(folder)!;
        DirectorySync.Flush(parent);
        DirectorySync.Flush(_root);
        return true;
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
            // Best effort: a leftover temp file is ignored by Count and harmless.
        }
        catch (UnauthorizedAccessException)
        {
            // Same as above.
        }
    }
}
