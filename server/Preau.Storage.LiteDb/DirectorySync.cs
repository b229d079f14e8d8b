using System.Runtime.InteropServices;

namespace Preau.Storage.LiteDb;

/// <summary>Makes a directory's entries (a file just created or renamed into it) durable.</summary>
/// <remarks>
/// fsync of a file persists its content, not the name pointing at it: after a power cut a renamed
/// file can vanish unless the directory itself is fsynced. .NET cannot do this: File.OpenHandle
/// refuses directories (UnauthorizedAccessException on Linux, checked on .NET 10), so we call
/// open(2)/fsync(2) from libc. On Windows there is no portable equivalent (NTFS journals metadata
/// itself), so the call is skipped there.
/// </remarks>
internal static partial class DirectorySync
{
    private static readonly bool Supported = OperatingSystem.IsLinux() || OperatingSystem.IsMacOS() || OperatingSystem.IsFreeBSD();

    /// <summary>fsyncs <paramref name="directory"/>; throws <see cref="IOException"/> when the OS reports an error.</summary>
    public static void Flush(string directory)
    {
        if (!Supported)
        {
            return;
        }

        // O_RDONLY (0) opens a directory on every Unix; O_DIRECTORY's value differs per architecture.
        var fd = Open(directory, 0);
        if (fd < 0)
        {
            throw new IOException($"open({directory}) failed: errno {Marshal.GetLastPInvokeError()}");
        }

        try
        {
            if (FSync(fd) != 0)
            {
                throw new IOException($"fsync({directory}) failed: errno {Marshal.GetLastPInvokeError()}");
            }
        }
        finally
        {
            _ = Close(fd);
        }
    }

    [LibraryImport("libc", EntryPoint = "open", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Open(string path, int flags);

    [LibraryImport("libc", EntryPoint = "fsync", SetLastError = true)]
    private static partial int FSync(int fd);

    [LibraryImport("libc", EntryPoint = "close", SetLastError = true)]
    private static partial int Close(int fd);
}
