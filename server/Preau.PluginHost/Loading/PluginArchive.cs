using System.IO.Compression;

namespace Preau.PluginHost.Loading;

/// <summary>Unpacks a plugin archive into a staging folder, refusing the whole archive when any entry
/// would land outside it (absolute paths, "..", drive letters, symbolic links) or when it is too big.</summary>
internal static class PluginArchive
{
    private const int MaxEntries = 10_000;
    private const int UnixFileTypeMask = 0xF000;
    private const int UnixSymlink = 0xA000;

    public static void Extract(Stream zip, string destination, long maxSize)
    {
        ZipArchive archive;
        try
        {
            archive = new ZipArchive(zip, ZipArchiveMode.Read, leaveOpen: true);
        }
        catch (InvalidDataException ex)
        {
            throw new PluginException($"not a zip archive: {ex.Message}", ex);
        }

        using (archive)
        {
            var root = Path.GetFullPath(destination);
            var rootWithSeparator = root.EndsWith(Path.DirectorySeparatorChar) ? root : root + Path.DirectorySeparatorChar;
            if (archive.Entries.Count > MaxEntries)
            {
                throw new PluginException($"the archive has more than {MaxEntries} entries");
            }

            var planned = new List<(ZipArchiveEntry Entry, string Path, bool Folder)>();
            long total = 0;
            foreach (var entry in archive.Entries)
            {
                var name = entry.FullName.Replace('\\', '/');
                var segments = name.Split('/');
                if (name.Length == 0 || name[0] == '/' || name.Contains(':', StringComparison.Ordinal)
                    || segments.Any(s => s == "..") || name.Contains('\0', StringComparison.Ordinal))
                {
                    throw new PluginException($"refused: the archive entry '{entry.FullName}' would be written outside the plugin folder");
                }

                if (((entry.ExternalAttributes >> 16) & UnixFileTypeMask) == UnixSymlink)
                {
                    throw new PluginException($"refused: the archive entry '{entry.FullName}' is a symbolic link");
                }

                var path = Path.GetFullPath(Path.Combine(root, name));
                if (!path.StartsWith(rootWithSeparator, StringComparison.Ordinal) && path != root)
                {
                    throw new PluginException($"refused: the archive entry '{entry.FullName}' would be written outside the plugin folder");
                }

                total += entry.Length;
                if (total > maxSize)
                {
                    throw new PluginException($"refused: the archive unpacks to more than {maxSize / (1024 * 1024)} MiB");
                }

                planned.Add((entry, path, name.EndsWith('/')));
            }

            Directory.CreateDirectory(root);
            foreach (var (entry, path, folder) in planned)
            {
                if (folder)
                {
                    Directory.CreateDirectory(path);
                    continue;
                }

                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                try
                {
                    entry.ExtractToFile(path, overwrite: false);
                }
                catch (InvalidDataException ex)
                {
                    throw new PluginException($"the archive entry '{entry.FullName}' is damaged: {ex.Message}", ex);
                }
                catch (IOException ex)
                {
                    throw new PluginException($"the archive entry '{entry.FullName}' cannot be written: {ex.Message}", ex);
                }
            }
        }
    }

    /// <summary>Copies a plugin folder (files only; links are not followed).</summary>
    public static void CopyFolder(string source, string destination)
    {
        var options = new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = FileAttributes.ReparsePoint, IgnoreInaccessible = false };
        Directory.CreateDirectory(destination);
        foreach (var file in Directory.EnumerateFiles(source, "*", options))
        {
            var target = Path.Combine(destination, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target, overwrite: true);
        }
    }
}
