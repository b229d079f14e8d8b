using LiteDB;
using Microsoft.Extensions.Logging;
using Preau.Core.Storage;

namespace Preau.Storage.LiteDb;

/// <summary>The index of a data folder in one LiteDB file, <c>&lt;dataDir&gt;/index.db</c>: mailboxes,
/// message entries, expunged UIDs, subscriptions, relay queue, reply grants, the establishment graph,
/// policy state and audit log.</summary>
/// <remarks>
/// One instance per data folder and per process (LiteDB's direct mode locks the file). Every LiteDB
/// call, read or write, runs under one in-process lock, the gate (LiteDbStore.Gate.cs): LiteDB 5.0.21's
/// page cache is not safe for concurrent use. Reads return materialised results; every write runs in
/// a LiteDB transaction, which the gate also keeps consistent (counters, ids, UIDVALIDITY), and then
/// fsyncs the log outside the gate. Deliveries go through a group-commit writer (see
/// LiteDbStore.GroupCommit.cs); folder and flag changes (<see cref="IMailboxStore"/>) run on the
/// caller's thread. If LiteDB's engine closes itself after an internal error, the store reopens the
/// file at the next call.
/// </remarks>
public sealed partial class LiteDbStore : IMailStore, IMailboxStore, IRelayQueueStore, IDirectoryStore, IPolicyStateStore, IAuditLog, IDisposable
{
    /// <summary>Name of the index file inside the data folder.</summary>
    public const string IndexFileName = "index.db";

    /// <summary>Name of the lock file that keeps a second process off the data folder.</summary>
    public const string LockFileName = "index.lock";

    private readonly FileStream _lock;
    private readonly ConnectionString _connection;
    private readonly BsonMapper _mapper;
    private readonly string _logPath;
    private readonly TimeProvider _time;
    private LiteDatabase _db;
    private LogFlusher _log;
    private int _disposed;

    /// <summary>Opens (creating if needed) the index of a data folder and starts the delivery writer.</summary>
    /// <param name="dataDirectory">The data folder.</param>
    /// <param name="timeProvider">Clock for UIDVALIDITY and grant dates; the system clock by default.</param>
    /// <param name="logger">Where a reopening after a LiteDB engine failure is reported; none by default.</param>
    public LiteDbStore(string dataDirectory, TimeProvider? timeProvider = null, ILogger? logger = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(dataDirectory);
        _time = timeProvider ?? TimeProvider.System;
        _logger = logger;
        var folder = Path.GetFullPath(dataDirectory);
        Directory.CreateDirectory(folder);
        var file = Path.Combine(folder, IndexFileName);

        // LiteDB's direct mode does not keep another process out on Linux (it opens the file with
        // FileShare.Read, a shared flock), and two writers silently lose data: take an exclusive lock.
        try
        {
            _lock = new FileStream(Path.Combine(folder, LockFileName), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException e)
        {
            throw new DataFolderInUseException(folder, e);
        }

        _mapper = new BsonMapper
        {
            // The defaults would turn "" into null (a bounce's empty MAIL FROM) and trim subjects.
            EmptyStringToNull = false,
            TrimWhitespace = false,
        };
        _connection = new ConnectionString
        {
            Filename = file,
            Connection = ConnectionType.Direct,
            // Ordinal, culture-free comparisons: the default (current culture, ignore case) would make
            // ids "a" and "A" collide and depend on the locale the file was created under.
            Collation = Collation.Binary,
        };
        _logPath = Path.Combine(folder, Path.GetFileNameWithoutExtension(IndexFileName) + "-log" + Path.GetExtension(IndexFileName));
        try
        {
            _db = OpenDatabase();
        }
        catch
        {
            _lock.Dispose();
            throw;
        }

        _log = new LogFlusher(_logPath);
        try
        {
            lock (_gate)
            {
                InitializeCollections();
                DirectorySync.Flush(folder);
                _log.Flush();
                EnsureQuotaUsage();
            }
        }
        catch
        {
            _log.Dispose();
            _db.Dispose();
            _lock.Dispose();
            throw;
        }

        _writer = StartWriter();
    }

    /// <summary>Finishes the queued deliveries, stops the writer and closes the file.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        StopWriter();
        lock (_gate)
        {
            // Reads still running finish first; later ones see the store disposed.
            _log.Dispose();
            _db.Dispose();
        }

        _lock.Dispose();
    }

    private LiteDatabase OpenDatabase() => new(_connection, _mapper);

    /// <summary>A collection of the index, reached only under the gate (see <see cref="GatedProxy"/>).</summary>
    internal ILiteCollection<T> Collection<T>(string name) => GatedProxy.Collection<T>(this, name);

    private void InitializeCollections()
    {
        InitializeMailCollections();
        InitializeDirectoryCollections();
        InitializeAdminCollections();
        InitializeExtensionCollections();
    }

    /// <summary>Runs <paramref name="work"/> in one transaction under the gate, then makes it durable
    /// (the fsync runs outside the gate, so reads and the next writes go on meanwhile).</summary>
    private T Write<T>(Func<T> work)
    {
        T result;
        LogFlusher log;
        lock (_gate)
        {
            EnterOutermost();
            result = Transact(work);
            log = _log;
        }

        log.Flush();
        return result;
    }

    private void Write(Action work) => Write(() =>
    {
        work();
        return true;
    });

    /// <summary>One LiteDB transaction; the caller holds the gate at its outermost entry.</summary>
    /// <remarks>LiteDB binds a transaction to the calling thread, so nothing here may await. An engine
    /// found closed at the start (by an earlier failure) is reopened and the transaction begun there,
    /// as nothing was done yet. When it closes in the middle, there is nothing left to roll back: the
    /// caller gets the error, the store reopens the engine at the next call, and LiteDB's log recovery
    /// drops the unfinished transaction as after a crash (a failure inside the commit leaves its outcome
    /// unknown, exactly as a crash would).</remarks>
    private T Transact<T>(Func<T> work)
    {
        if (!BeginTransaction())
        {
            throw new InvalidOperationException("A LiteDB transaction is already open on this thread.");
        }

        try
        {
            var result = work();
            _ = _db.Commit();
            return result;
        }
        catch (Exception e) when (IsEngineFailure(e))
        {
            EngineFailed(e);
            throw;
        }
        catch
        {
            try
            {
                _ = _db.Rollback();
            }
            catch (Exception rollback) when (IsEngineFailure(rollback))
            {
                EngineFailed(rollback);
            }

            throw;
        }
    }

    private bool BeginTransaction()
    {
        try
        {
            return _db.BeginTrans();
        }
        catch (Exception e) when (IsEngineFailure(e))
        {
            EngineFailed(e);
            EnsureOpen();
            return _db.BeginTrans();
        }
    }

    /// <summary>Reads several collections from one snapshot (a transaction's reads share one version).</summary>
    private T ReadSnapshot<T>(Func<T> read) => Read(() =>
    {
        if (!_db.BeginTrans())
        {
            return read();
        }

        try
        {
            return read();
        }
        finally
        {
            _ = _db.Rollback();
        }
    });
}
