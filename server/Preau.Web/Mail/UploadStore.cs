using System.Collections.Concurrent;
using System.Security.Cryptography;
using Preau.Web.Sessions;

namespace Preau.Web.Mail;

/// <summary>An attachment uploaded for a message being written.</summary>
/// <param name="Id">Its id (random, 32 hex digits).</param>
/// <param name="Name">The cleaned file name.</param>
/// <param name="Size">Octets.</param>
/// <param name="ContentType">The MIME type given by the browser (checked for form).</param>
/// <param name="Path">Where its bytes are.</param>
/// <param name="Created">When it was uploaded.</param>
internal sealed record Upload(string Id, string Name, long Size, string ContentType, string Path, DateTimeOffset Created);

/// <summary>Why an upload was refused.</summary>
internal sealed class UploadTooLargeException(long limit) : Exception($"uploads are limited to {limit} octets per session")
{
    public long Limit { get; } = limit;
}

/// <summary>
/// Attachments uploaded per web session, kept as files under <c>&lt;data&gt;/uploads/&lt;random&gt;/</c>
/// until sent, removed, or expired. A session's uploads together are bounded so that the message they
/// make still fits <c>Mail:MaxMessageSize</c> once base64-encoded; a session sees only its own uploads.
/// The folder is emptied when the server starts (sessions do not survive a restart), and uploads older
/// than a session's lifetime are swept at most once a minute, on use.
/// </summary>
internal sealed class UploadStore
{
    private static readonly TimeSpan SweepInterval = TimeSpan.FromMinutes(1);
    private readonly string _root;
    private readonly long _limit;
    private readonly TimeSpan _lifetime;
    private readonly TimeProvider _time;
    private readonly ConcurrentDictionary<string, SessionUploads> _sessions = new(StringComparer.Ordinal);
    private long _nextSweepTicks;

    public UploadStore(string root, long limit, TimeSpan lifetime, TimeProvider time)
    {
        _root = root;
        _limit = limit;
        _lifetime = lifetime;
        _time = time;
        if (Directory.Exists(root))
        {
            Directory.Delete(root, recursive: true);
        }

        Directory.CreateDirectory(root);
    }

    /// <summary>Octets one session may upload in all.</summary>
    public long Limit => _limit;

    /// <summary>The raw octets that still fit a message of <paramref name="maxMessageSize"/> once base64
    /// grows them by a third, keeping 64 KB for the text and headers.</summary>
    public static long LimitFor(int maxMessageSize) => Math.Max(0, (maxMessageSize - 64L * 1024) / 4 * 3);

    /// <summary>Octets the session has uploaded and not yet used.</summary>
    public long Used(WebSession session) => _sessions.TryGetValue(session.Key, out var uploads) ? uploads.Total : 0;

    /// <summary>Stores an upload, streaming; throws <see cref="UploadTooLargeException"/> past the session's bound.</summary>
    public async Task<Upload> SaveAsync(WebSession session, string name, string contentType, Stream content, CancellationToken cancellationToken)
    {
        Sweep();
        var uploads = _sessions.GetOrAdd(session.Key, _ => new SessionUploads(Path.Combine(_root, RandomId())));
        Directory.CreateDirectory(uploads.Folder);
        var id = RandomId();
        var path = Path.Combine(uploads.Folder, id);
        long size = 0;
        try
        {
            await using (var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, FileOptions.Asynchronous))
            {
                var buffer = new byte[81920];
                int read;
                while ((read = await content.ReadAsync(buffer, cancellationToken)) > 0)
                {
                    size += read;
                    if (uploads.Total + size > _limit)
                    {
                        throw new UploadTooLargeException(_limit);
                    }

                    await file.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
                }
            }

            var upload = new Upload(id, name, size, contentType, path, _time.GetUtcNow());
            if (!uploads.TryAdd(upload, _limit))
            {
                throw new UploadTooLargeException(_limit);
            }

            return upload;
        }
        catch
        {
            File.Delete(path);
            throw;
        }
    }

    /// <summary>One of the session's uploads, or null.</summary>
    public Upload? Find(WebSession session, string id) =>
        _sessions.TryGetValue(session.Key, out var uploads) ? uploads.Find(id) : null;

    /// <summary>Forgets uploads and deletes their files (sent, or removed by the user).</summary>
    public void Remove(WebSession session, IEnumerable<string> ids)
    {
        if (_sessions.TryGetValue(session.Key, out var uploads))
        {
            foreach (var id in ids)
            {
                uploads.Remove(id);
            }
        }
    }

    private void Sweep()
    {
        var now = _time.GetUtcNow();
        var next = Interlocked.Read(ref _nextSweepTicks);
        if (now.UtcTicks < next || Interlocked.CompareExchange(ref _nextSweepTicks, (now + SweepInterval).UtcTicks, next) != next)
        {
            return;
        }

        foreach (var (key, uploads) in _sessions)
        {
            uploads.RemoveOlderThan(now - _lifetime);
            if (uploads.IsEmpty && _sessions.TryRemove(new KeyValuePair<string, SessionUploads>(key, uploads)))
            {
                uploads.DeleteFolder();
            }
        }
    }

    private static string RandomId() => Convert.ToHexString(RandomNumberGenerator.GetBytes(16)).ToLowerInvariant();

    /// <summary>One session's uploads; its own lock, so sessions never wait on each other.</summary>
    private sealed class SessionUploads(string folder)
    {
        private readonly Lock _lock = new();
        private readonly Dictionary<string, Upload> _uploads = new(StringComparer.Ordinal);
        private long _total;

        public string Folder { get; } = folder;

        public long Total
        {
            get
            {
                lock (_lock)
                {
                    return _total;
                }
            }
        }

        public bool IsEmpty
        {
            get
            {
                lock (_lock)
                {
                    return _uploads.Count == 0;
                }
            }
        }

        public bool TryAdd(Upload upload, long limit)
        {
            lock (_lock)
            {
                if (_total + upload.Size > limit)
                {
                    return false;
                }

                _uploads[upload.Id] = upload;
                _total += upload.Size;
                return true;
            }
        }

        public Upload? Find(string id)
        {
            lock (_lock)
            {
                return _uploads.GetValueOrDefault(id);
            }
        }

        public void Remove(string id)
        {
            lock (_lock)
            {
                if (_uploads.Remove(id, out var upload))
                {
                    _total -= upload.Size;
                    File.Delete(upload.Path);
                }
            }
        }

        public void RemoveOlderThan(DateTimeOffset limit)
        {
            lock (_lock)
            {
                foreach (var old in _uploads.Values.Where(u => u.Created < limit).ToArray())
                {
                    _uploads.Remove(old.Id);
                    _total -= old.Size;
                    File.Delete(old.Path);
                }
            }
        }

        public void DeleteFolder()
        {
            try
            {
                Directory.Delete(Folder, recursive: true);
            }
            catch (DirectoryNotFoundException)
            {
                // Never created: nothing was uploaded.
            }
        }
    }
}
