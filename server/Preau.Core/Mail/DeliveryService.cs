using Microsoft.Extensions.Logging;
using Preau.Core.Accounts;
using Preau.Core.Directory;
using Preau.Core.Policy;
using Preau.Core.Storage;

namespace Preau.Core.Mail;

/// <summary>What to deliver: one raw message, to local accounts and outside addresses.</summary>
/// <param name="MailFrom">Envelope sender; empty for bounces.</param>
/// <param name="Sender">The local account that sent it, if any.</param>
/// <param name="Local">Local recipients (each gets an INBOX entry).</param>
/// <param name="External">Outside recipients (one relay queue item).</param>
/// <param name="Message">The raw message, trace headers included.</param>
/// <param name="SentCopy">Whether the sender gets a \Seen copy in Envoyés (webmail; SMTP clients save their own).</param>
public sealed record DeliveryRequest(
    string MailFrom,
    Account? Sender,
    IReadOnlyList<Account> Local,
    IReadOnlyList<string> External,
    ReadOnlyMemory<byte> Message,
    bool SentCopy = false);

/// <summary>Where a delivered message went.</summary>
public sealed record DeliveryResult(string BlobHash, IReadOnlyList<DeliveredEntry> Entries, string? RelayId);

/// <summary>Stores a message once and files it: blob first (durable), then every index entry, relay
/// item and reply grant in one durable commit, then tells the change bus. Nothing is reported
/// delivered before it is on disk.</summary>
public sealed class DeliveryService
{
    private readonly IBlobStore _blobs;
    private readonly IMailStore _mail;
    private readonly ChangeBus _bus;
    private readonly DirectoryService _directory;
    private readonly SendingPolicy _policy;
    private readonly Notices _notices;
    private readonly TimeProvider _time;
    private readonly ILogger<DeliveryService> _log;
    private readonly IReadOnlyList<IContentAnalyzer> _analyzers;
    private readonly Search.SearchIndex? _search;

    /// <summary>Creates the service.</summary>
    public DeliveryService(
        IBlobStore blobs,
        IMailStore mail,
        ChangeBus bus,
        DirectoryService directory,
        SendingPolicy policy,
        Notices notices,
        TimeProvider time,
        ILogger<DeliveryService> log,
        IReadOnlyList<IContentAnalyzer>? analyzers = null,
        Search.SearchIndex? search = null)
    {
        _search = search;
        _analyzers = analyzers ?? [];
        _blobs = blobs;
        _mail = mail;
        _bus = bus;
        _directory = directory;
        _policy = policy;
        _notices = notices;
        _time = time;
        _log = log;
    }

    /// <summary>Raised after a delivery put an item in the relay queue, so the worker need not wait for its next poll.</summary>
    public event Action? RelayQueued;

    /// <summary>Delivers durably; completes once every entry is on disk.</summary>
    public async Task<DeliveryResult> DeliverAsync(DeliveryRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var started = _time.GetTimestamp();
        var hash = await _blobs.PutAsync(request.Message, cancellationToken);
        _search?.Enqueue(hash);
        var blobWritten = _time.GetTimestamp();
        var now = _time.GetUtcNow();
        var local = request.Local.DistinctBy(a => a.Id).Select(a => new LocalDelivery(a.Id, DefaultMailboxes.Inbox)).ToList();
        if (request.SentCopy && request.Sender is { } sender)
        {
            local.Add(new LocalDelivery(sender.Id, DefaultMailboxes.NameOf(SpecialUse.Sent), MessageFlags.Seen));
        }

        RelayItem? relay = request.External.Count == 0
            ? null
            : new RelayItem(NewId(), hash, request.MailFrom, request.External, request.Sender?.Id, now, now, 0, null);
        var batch = new DeliveryBatch(hash, request.Message.Length, now, SummaryParser.Parse(request.Message, _analyzers), local, relay, Grants(request));
        var prepared = _time.GetTimestamp();
        var entries = await _mail.CommitAsync(batch, cancellationToken);
        var committed = _time.GetTimestamp();
        foreach (var entry in entries)
        {
            _bus.Publish(new MailboxChange(entry.AccountId, entry.MailboxId, ChangeKind.Added, entry.Uid, entry.ModSeq));
        }

        if (relay is not null)
        {
            RelayQueued?.Invoke();
        }

        _log.LogDebug(
            "Delivered {Hash} to {Local} local and {External} external recipients: blob {Blob:0.0} ms, prepare {Prepare:0.0} ms, index {Index:0.0} ms",
            hash,
            local.Count,
            request.External.Count,
            _time.GetElapsedTime(started, blobWritten).TotalMilliseconds,
            _time.GetElapsedTime(blobWritten, prepared).TotalMilliseconds,
            _time.GetElapsedTime(prepared, committed).TotalMilliseconds);
        await _notices.NotifyAsync(request.Sender, request.Local, cancellationToken);
        return new DeliveryResult(hash, entries, relay?.Id);
    }

    /// <summary>Tells the local sender of a queued message that it could not leave the school:
    /// a delivery status notification lands in their INBOX. Bounces are never bounced.</summary>
    public async Task BounceAsync(RelayItem item, IReadOnlyList<string> failed, string reason, MailOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(item);
        if (item.MailFrom.Length == 0 || item.SenderAccountId is null || _directory.Graph.FindById(item.SenderAccountId) is not { } sender)
        {
            _log.LogWarning("Relay item {Id} failed for {Recipients} and has no local sender to tell: {Reason}", item.Id, string.Join(", ", failed), reason);
            return;
        }

        MimeKit.MimeMessage bounce;
        using (var original = _blobs.Open(item.BlobHash))
        {
            bounce = BounceBuilder.Build(options, _directory.AddressOf(sender), failed, reason, original, _time.GetUtcNow());
        }

        await DeliverAsync(new DeliveryRequest("", null, [sender], [], Notices.Serialize(bounce)), cancellationToken);
    }

    /// <summary>Creates a relay queue identifier.</summary>
    public static string NewId() => Guid.CreateVersion7().ToString("N");

    /// <summary>Recipients who could not write to the sender first may answer them: record that.
    /// Only the sender is granted, never the other recipients (reply-all does not widen the rules).</summary>
    private List<ReplyGrant> Grants(DeliveryRequest request)
    {
        var grants = new List<ReplyGrant>();
        if (request.Sender is not { } sender)
        {
            return grants;
        }

        var graph = _directory.Graph;
        var senderAddress = _directory.AddressOf(sender);
        foreach (var recipient in request.Local)
        {
            if (recipient.Id != sender.Id && _policy.CheckRules(graph, recipient, sender) is not null)
            {
                grants.Add(new ReplyGrant(recipient.Id, senderAddress.ToLowerInvariant()));
            }
        }

        return grants;
    }
}
