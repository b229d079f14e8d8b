using LiteDB;
using Preau.Core.Storage;

namespace Preau.Storage.LiteDb;

/// <summary>The index of a data folder in one LiteDB file, <c>&lt;dataDir&gt;/index.db</c>: mailboxes,
/// message entries, expunged UIDs, subscriptions, relay queue, reply grants, the establishment graph,
/// policy state and audit log.</summary>
/// <remarks>
/// One instance per data folder and per process (LiteDB's direct mode locks the file). Reads go to
/// LiteDB directly (it is thread-safe and reads see committed snapshots). Every write runs in a LiteDB
/// transaction under one in-process lock, which keeps transactions on different collections from
/// deadlocking and keeps the counters (ids, UIDVALIDITY) consistent, and then fsyncs the log.
/// Deliveries go through a group-commit writer (see LiteDbStore.GroupCommit.cs); folder and flag
/// changes (<see cref="IMailboxStore"/>) run on the caller's thread under the same lock.
/// </remarks>
public sealed partial class LiteDbStore : IMailStore, IMailboxStore, IRelayQueueStore, IDirectoryStore, IPolicyStateStore, IAuditLog, IDisposable
{
    /// <summary>Name of the index file inside the data folder.</summary>
    public const string IndexFileName = "index.db";

    /// <summary>Name of the lock file that keeps a second process off the data folder.</summary>
    public const string LockFileName = "index.lock";

    private readonly FileStream _lock;
    private readonly LiteDatabase _db;
    private readonly LogFlusher _log;
    private readonly TimeProvider _time;
    private readonly Lock _writeLock = new();
    private int _disposed;

    /// <summary>Opens (creating if needed) the index of a data folder and starts the delivery writer.</summary>
    /// <param name="dataDirectory">The data folder.</param>
    /// <param name="timeProvider">Clock for UIDVALIDITY and grant dates; the system clock by default.</param>
    public LiteDbStore(string dataDirectory, TimeProvider? timeProvider = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(dataDirectory);
        _time = timeProvider ?? TimeProvider.System;
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

        var mapper = new BsonMapper
        {
            // The defaults would turn "" into null (a bounce's empty MAIL FROM) and trim subjects.
            EmptyStringToNull = false,
            TrimWhitespace = false,
        };
        var connection = new ConnectionString
        {
            Filename = file,
            Connection = ConnectionType.Direct,
            // Ordinal, culture-free comparisons: the default (current culture, ignore case) would make
            // ids "a" and "A" collide and depend on the locale the file was created under.
            Collation = Collation.Binary,
        };
        try
        {
            _db = new LiteDatabase(connection, mapper);
        }
        catch
        {
            _lock.Dispose();
            throw;
        }

        try
        {
            InitializeCollections();
            DirectorySync.Flush(folder);
            _log = new LogFlusher(Path.Combine(folder, Path.GetFileNameWithoutExtension(IndexFileName) + "-log" + Path.GetExtension(IndexFileName)));
            _log.Flush();
            EnsureQuotaUsage();
        }
        catch
        {
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
        _log.Dispose();
        _db.Dispose();
        _lock.Dispose();
    }

    private void InitializeCollections()
    {
        InitializeMailCollections();
        InitializeDirectoryCollections();
        InitializeAdminCollections();
        InitializeExtensionCollections();
    }

    /// <summary>Runs <paramref name="work"/> in one transaction under the write lock, then makes it durable.</summary>
    private T Write<T>(Func<T> work)
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        T result;
        lock (_writeLock)
        {
            result = Transact(work);
        }

        _log.Flush();
        return result;
    }

    private void Write(Action work) => Write(() =>
    {
        work();
        return true;
    });

    /// <summary>One LiteDB transaction; the caller holds <see cref="_writeLock"/>.</summary>
    /// <remarks>LiteDB binds a transaction to the calling thread, so nothing here may await.</remarks>
    private T Transact<T>(Func<T> work)
    {
        if (!_db.BeginTrans())
        {
            throw new InvalidOperationException("A LiteDB transaction is already open on this thread.");
        }

        try
        {
            var result = work();
            _db.Commit();
            return result;
        }
        catch
        {
            _db.Rollback();
            throw;
        }
    }

    /// <summary>Reads several collections from one snapshot (a transaction's reads share one version).</summary>
    private T ReadSnapshot<T>(Func<T> read)
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
            _db.Rollback();
        }
    }
}
