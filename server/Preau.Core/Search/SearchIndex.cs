using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using MimeKit;
using Preau.Core.Storage;

namespace Preau.Core.Search;

/// <summary>
/// The folded text of each stored message, for text search (IMAP SEARCH TEXT/BODY/HEADER, the
/// webmail's search). Built once per blob — after delivery, in the background, or on the first search
/// that needs it — and kept in the <see cref="ISearchTextStore"/>, so a search reads a few kilobytes of
/// ready text per message instead of parsing and decoding its MIME.
/// </summary>
public sealed class SearchIndex : IDisposable
{
    private static readonly ParserOptions Lenient = CreateLenient();
    private readonly IBlobStore _blobs;
    private readonly ISearchTextStore _store;
    private readonly ILogger _log;
    private readonly Channel<string> _pending = Channel.CreateBounded<string>(
        new BoundedChannelOptions(10_000) { FullMode = BoundedChannelFullMode.DropWrite, SingleReader = true });
    private readonly Task _worker;

    /// <summary>Starts the background indexer.</summary>
    /// <param name="blobs">The raw messages.</param>
    /// <param name="store">Where the folded text is kept.</param>
    /// <param name="log">Where failures are told.</param>
    public SearchIndex(IBlobStore blobs, ISearchTextStore store, ILogger log)
    {
        _blobs = blobs;
        _store = store;
        _log = log;
        _worker = Task.Run(IndexPendingAsync);
    }

    /// <summary>
    /// Asks for a blob to be indexed in the background. Never blocks: when the queue is full the blob
    /// is indexed by the first search that needs it instead.
    /// </summary>
    /// <param name="hash">The blob's hash.</param>
    public void Enqueue(string hash) => _pending.Writer.TryWrite(hash);

    /// <summary>The folded text of a blob, built and stored now if it was not yet.</summary>
    /// <param name="hash">The blob's hash.</param>
    public FoldedText Get(string hash)
    {
        ArgumentNullException.ThrowIfNull(hash);
        if (_store.TryRead(hash) is { } record && FoldedText.TryDeserialize(record, out var stored))
        {
            return stored;
        }

        return Build(hash);
    }

    /// <summary>Stops the background indexer (what is still queued is indexed on demand later).</summary>
    public void Dispose()
    {
        _pending.Writer.TryComplete();
        _worker.Wait(TimeSpan.FromSeconds(5));
    }

    /// <summary>Reads a blob's text from the blob itself, without any store.</summary>
    /// <param name="blobs">The raw messages.</param>
    /// <param name="hash">The blob's hash.</param>
    public static FoldedText Read(IBlobStore blobs, string hash)
    {
        ArgumentNullException.ThrowIfNull(blobs);
        using var stream = blobs.Open(hash);
        try
        {
            return FoldedText.From(MimeMessage.Load(Lenient, stream));
        }
        catch (FormatException)
        {
            // A message MimeKit cannot read at all has no searchable text; it still matches non-text keys.
            return FoldedText.From(new MimeMessage());
        }
    }

    private FoldedText Build(string hash)
    {
        var text = Read(_blobs, hash);
        try
        {
            _store.Write(hash, text.Serialize());
        }
        catch (IOException e)
        {
            // The text is derived: a failed write only means the next search builds it again.
            _log.LogWarning(e, "Could not keep the search text of {Hash}", hash);
        }

        return text;
    }

    private async Task IndexPendingAsync()
    {
        await foreach (var hash in _pending.Reader.ReadAllAsync())
        {
            try
            {
                if (_store.TryRead(hash) is null)
                {
                    Build(hash);
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                _log.LogWarning(e, "Could not index {Hash} for search", hash);
            }
        }
    }

    private static ParserOptions CreateLenient()
    {
        var options = ParserOptions.Default.Clone();
        options.AddressParserComplianceMode = RfcComplianceMode.Looser;
        options.AllowAddressesWithoutDomain = true;
        options.AllowUnquotedCommasInAddresses = true;
        return options;
    }
}
