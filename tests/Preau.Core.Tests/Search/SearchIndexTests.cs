using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging.Abstractions;
using Preau.Core.Search;
using Preau.Core.Storage;

namespace Preau.Core.Tests.Search;

public class SearchIndexTests
{
    private const string Raw = "From: a@b.test\r\nSubject: Conseil de classe\r\n\r\nLe trimestre se termine.\r\n";

    [Test]
    public void Get_BuildsOnceThenReadsTheStore()
    {
        var blobs = new CountingBlobs();
        var store = new MemoryTextStore();
        using var index = new SearchIndex(blobs, store, NullLogger.Instance);
        var hash = blobs.Put(Raw);

        Assert.That(index.Get(hash).InText(FoldedText.Needle("TRIMESTRE")), Is.True);
        Assert.That(index.Get(hash).InField("subject", FoldedText.Needle("conseil")), Is.True);
        Assert.That(blobs.Opens, Is.EqualTo(1));
        Assert.That(store.Records.ContainsKey(hash), Is.True);
    }

    [Test]
    public void Get_TornRecord_IsRebuiltFromTheBlob()
    {
        var blobs = new CountingBlobs();
        var store = new MemoryTextStore();
        using var index = new SearchIndex(blobs, store, NullLogger.Instance);
        var hash = blobs.Put(Raw);
        store.Records[hash] = [1, 2, 3];

        Assert.That(index.Get(hash).InBody(FoldedText.Needle("trimestre")), Is.True);
        Assert.That(FoldedText.TryDeserialize(store.Records[hash], out _), Is.True);
    }

    [Test]
    public void Enqueue_IndexesInTheBackground()
    {
        var blobs = new CountingBlobs();
        var store = new MemoryTextStore();
        var hash = blobs.Put(Raw);
        using (var index = new SearchIndex(blobs, store, NullLogger.Instance))
        {
            index.Enqueue(hash);
        }

        // Dispose drains the queue: the record exists without any search having asked for it.
        Assert.That(store.Records.ContainsKey(hash), Is.True);
        Assert.That(blobs.Opens, Is.EqualTo(1));
    }

    private sealed class MemoryTextStore : ISearchTextStore
    {
        public ConcurrentDictionary<string, byte[]> Records { get; } = new();

        public byte[]? TryRead(string hash) => Records.TryGetValue(hash, out var r) ? r : null;

        public void Write(string hash, ReadOnlySpan<byte> record) => Records[hash] = record.ToArray();
    }

    private sealed class CountingBlobs : IBlobStore
    {
        private readonly ConcurrentDictionary<string, byte[]> _blobs = new();
        private int _opens;

        public int Opens => _opens;

        public string Put(string text)
        {
            var bytes = Encoding.UTF8.GetBytes(text);
            var hash = Convert.ToHexStringLower(SHA256.HashData(bytes));
            _blobs[hash] = bytes;
            return hash;
        }

        public Task<string> PutAsync(ReadOnlyMemory<byte> content, CancellationToken cancellationToken = default) =>
            Task.FromResult(Put(Encoding.UTF8.GetString(content.Span)));

        public Stream Open(string hash)
        {
            Interlocked.Increment(ref _opens);
            return new MemoryStream(_blobs[hash], writable: false);
        }

        public bool Exists(string hash) => _blobs.ContainsKey(hash);

        public long Count() => _blobs.Count;
    }
}
