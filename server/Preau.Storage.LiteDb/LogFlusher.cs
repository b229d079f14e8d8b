using Microsoft.Win32.SafeHandles;

namespace Preau.Storage.LiteDb;

/// <summary>fsyncs LiteDB's write-ahead log (<c>index-log.db</c>) after a commit.</summary>
/// <remarks>
/// LiteDB 5.0.21 does not make a commit durable: TransactionService.Commit → DiskService.WriteLogDisk
/// writes the pages into the log FileStream and returns, with neither Flush(true) nor fsync (only
/// the checkpoint, which copies the log into the data file, calls FlushToDisk on the data file; read in
/// the decompiled 5.0.21 assembly, and seen with strace). Its pages are written whole (8 KiB, the size
/// of its FileStream buffer), so they reach the OS at once; we then fsync the same file through a
/// handle of our own: fsync acts on the file, whichever descriptor names it. The fsync also persists
/// the truncation done by a checkpoint, so stale pages can never be replayed after a crash.
/// LiteDB only deletes the log when the database is disposed, after we have closed this handle.
/// On Windows FlushFileBuffers would need a writable handle, which LiteDB's sharing mode forbids;
/// Linux, the target, fsyncs a read-only descriptor.
/// </remarks>
internal sealed class LogFlusher(string logPath) : IDisposable
{
    private readonly Lock _gate = new();
    private SafeFileHandle? _handle;
    private bool _retired;

    /// <summary>Makes everything LiteDB has committed so far durable.</summary>
    public void Flush()
    {
        if (Volatile.Read(ref _retired))
        {
            return;
        }

        var handle = Volatile.Read(ref _handle) ?? Open();
        if (handle is null)
        {
            return;
        }

        try
        {
            RandomAccess.FlushToDisk(handle);
        }
        catch (ObjectDisposedException) when (Volatile.Read(ref _retired))
        {
            // Retired meanwhile: Retire flushed everything committed through this log.
        }
    }

    /// <summary>Flushes, then closes: the store is reopening LiteDB, which may delete or recreate the log.
    /// A <see cref="Flush"/> after this returns at once, as there is nothing left that it must flush.</summary>
    public void Retire()
    {
        lock (_gate)
        {
            // Opened here if need be: a commit's own Flush may not have run yet (Lock is re-entrant).
            if ((_handle ?? Open()) is { } handle)
            {
                RandomAccess.FlushToDisk(handle);
            }

            Volatile.Write(ref _retired, true);
            _handle?.Dispose();
            _handle = null;
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        lock (_gate)
        {
            _handle?.Dispose();
            _handle = null;
        }
    }

    private SafeFileHandle? Open()
    {
        lock (_gate)
        {
            if (_handle is null && !_retired && File.Exists(logPath))
            {
                _handle = File.OpenHandle(logPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
                // LiteDB creates the log on its first commit: its name must be durable as well.
                DirectorySync.Flush(Path.GetDirectoryName(logPath)!);
            }

            // No log file means nothing was ever committed to it: nothing to flush.
            return _handle;
        }
    }
}
