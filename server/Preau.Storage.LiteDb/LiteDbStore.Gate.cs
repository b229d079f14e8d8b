using System.Diagnostics.CodeAnalysis;
using LiteDB;
using Microsoft.Extensions.Logging;

namespace Preau.Storage.LiteDb;

// The gate: one lock that every LiteDB call of the process runs under. LiteDB 5.0.21 is not safe for
// concurrent use, even by readers alone: its page cache (MemoryCache) hands a cached page to a reader
// (ConcurrentDictionary.GetOrAdd) and only then counts the reader in (Interlocked.Increment of
// ShareCounter); when the cache is full another thread's read or write recycles the pages nobody
// counts (Extend), and may take that very page in between. The reader then decodes a page that now
// holds other bytes ("Page type must be data page"), or the next thread to take the page from the
// free list finds it counted ("pages in memory store must be non-shared"). Either is a LiteException
// 999 (invalid datafile state), on which the engine closes itself for good: every later call throws the
// same exception until the process restarts (litedb-org/LiteDB #2252, #2817). A reader-writer lock
// would not help: two readers suffice. Hence one exclusive lock, results materialised inside it, and
// GatedProxy to make any call or lazy enumeration outside it fail loudly in tests.
public sealed partial class LiteDbStore
{
    /// <summary>LiteDB's code for "invalid datafile state": an internal check failed and the engine closed.</summary>
    private const int InvalidDatafileState = 999;

    /// <summary>LiteDB's code for a call on a closed engine.</summary>
    private const int EngineDisposed = 137;

    private readonly Lock _gate = new();
    private readonly ILogger? _logger;

    // Both change only under the gate.
    private int _generation;
    private Exception? _engineFailure;

    /// <summary>The database open now; changes when the store reopens it after an engine failure.</summary>
    internal LiteDatabase Database => _db;

    /// <summary>Bumped at each reopening, so collection proxies fetch their new collection.</summary>
    internal int Generation => _generation;

    /// <summary>Throws unless the calling thread holds the gate (GatedProxy calls this before each LiteDB call).</summary>
    internal void EnsureInsideGate()
    {
        if (!_gate.IsHeldByCurrentThread)
        {
            throw new InvalidOperationException(
                "LiteDB used outside the store's gate: run the call in Read/Write and materialise its results there.");
        }
    }

    /// <summary>Runs <paramref name="action"/> under the gate (re-entrant).</summary>
    internal void InsideGate(Action action)
    {
        lock (_gate)
        {
            action();
        }
    }

    /// <summary>Runs a read under the gate; <paramref name="read"/> must return materialised results.</summary>
    /// <remarks>If LiteDB's engine has closed itself (see the remarks at the top of this file), the
    /// database is reopened and the read run once more: a read changes nothing, so running it again is
    /// safe, and the caller never sees a failure the reopening cured.</remarks>
    private T Read<T>(Func<T> read)
    {
        if (_gate.IsHeldByCurrentThread)
        {
            // Inside a write or another read: already checked, and nothing may be reopened mid-way.
            return read();
        }

        lock (_gate)
        {
            EnterOutermost();
            try
            {
                return read();
            }
            catch (Exception e) when (IsEngineFailure(e))
            {
                EngineFailed(e);
                EnsureOpen();
                return read();
            }
        }
    }

    /// <summary>Checks, under the gate at the outermost entry, that the store is usable, reopening the
    /// database if its engine failed since.</summary>
    private void EnterOutermost()
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        EnsureOpen();
    }

    /// <summary>Whether <paramref name="e"/>, thrown by a LiteDB call, means its engine has closed itself: an
    /// internal check failed (999) or an I/O error hit a transaction (LiteDB closes its engine on both),
    /// or the engine is closed already (its own error, or ObjectDisposedException from its disposed locks).</summary>
    private static bool IsEngineFailure(Exception e) =>
        e is LiteException { ErrorCode: InvalidDatafileState or EngineDisposed } or IOException or ObjectDisposedException;

    /// <summary>Records that the engine is closed; the next entry into the gate reopens it.</summary>
    private void EngineFailed(Exception e)
    {
        if (_engineFailure is null)
        {
            _logger?.LogError(e, "The LiteDB engine of the index closed itself after this error; reopening the index.");
        }

        _engineFailure = e;
    }

    /// <summary>Reopens the database if its engine failed. The caller holds the gate at its outermost
    /// entry: no transaction is open and no LiteDB cursor is alive.</summary>
    [SuppressMessage("Design", "CA1031:Do not catch general exception types", Justification = "The closed engine's own disposal may throw anything; the reopening is what matters.")]
    private void EnsureOpen()
    {
        if (_engineFailure is null)
        {
            return;
        }

        // What was committed before the failure is in the log: make it durable through the old handle,
        // whose file the new engine reads, before LiteDB may delete or recreate that file.
        _log.Retire();
        try
        {
            _db.Dispose();
        }
        catch (Exception e)
        {
            _logger?.LogWarning(e, "Closing the failed LiteDB engine threw; opening the index again anyway.");
        }

        _db = OpenDatabase();
        _log = new LogFlusher(_logPath);
        _generation++;
        _engineFailure = null;
        _logger?.LogWarning("The index was reopened (generation {Generation}).", _generation);
    }
}
