using Microsoft.Extensions.Logging;
using Preau.Core.Accounts;
using Preau.Core.Directory;
using Preau.Core.Extensions;
using Preau.Core.Policy;
using Preau.Core.Quota;
using Preau.Core.Storage;

namespace Preau.Core.Mail;

/// <summary>What to deliver: one raw message, to local accounts and outside addresses.</summary>
/// <param name="MailFrom">Envelope sender; empty for bounces.</param>
/// <param name="Sender">The local account that sent it, if any.</param>
/// <param name="Local">Local recipients (each gets an INBOX entry).</param>
/// <param name="External">Outside recipients (one relay queue item).</param>
/// <param name="Message">The raw message, trace headers included.</param>
/// <param name="SentCopy">Whether the sender gets a \Seen copy in Envoyés (webmail; SMTP clients save their own).</param>
/// <param name="QuotaExempt">The server's own message (a bounce): delivered even to a full mailbox.</param>
public sealed record DeliveryRequest(
    string MailFrom,
    Account? Sender,
    IReadOnlyList<Account> Local,
    IReadOnlyList<string> External,
    ReadOnlyMemory<byte> Message,
    bool SentCopy = false,
    bool QuotaExempt = false);

/// <summary>Where a delivered message went.</summary>
public sealed record DeliveryResult(string BlobHash, IReadOnlyList<DeliveredEntry> Entries, string? RelayId)
{
    /// <summary>Local recipients whose mailbox was too full: they did not get the message.</summary>
    public IReadOnlyList<QuotaRefusal> OverQuota { get; init; } = [];

    /// <summary>The sender's copy in Envoyés was not kept, their own mailbox being full (the message
    /// was sent all the same).</summary>
    public bool SentCopySkipped { get; init; }

    /// <summary>Whether any recipient got the message (a local entry other than the sent copy, or the relay queue).</summary>
    public bool ReachedAnyone { get; init; } = true;
}

/// <summary>Stores a message once and files it: blob first (durable), then every index entry, relay
/// item and reply grant in one durable commit, then tells the change bus. Nothing is reported
/// delivered before it is on disk. Each recipient's quota is checked by the store in the same
/// write: a full mailbox is left out (<see cref="DeliveryResult.OverQuota"/>), the others get the message.</summary>
public sealed partial class DeliveryService
{
    private readonly IBlobStore _blobs;
    private readonly IMailStore _mail;
    private readonly ChangeBus _bus;
    private readonly DirectoryService _directory;
    private readonly SendingPolicy _policy;
    private readonly Notices _notices;
    private readonly QuotaService _quotas;
    private readonly TimeProvider _time;
    private readonly ILogger<DeliveryService> _log;
    private readonly IReadOnlyList<IContentAnalyzer> _analyzers;
    private readonly Search.SearchIndex? _search;
    private readonly ExtensionPoints? _extensions;

    /// <summary>Creates the service.</summary>
    public DeliveryService(
        IBlobStore blobs,
        IMailStore mail,
        ChangeBus bus,
        DirectoryService directory,
        SendingPolicy policy,
        Notices notices,
        QuotaService quotas,
        TimeProvider time,
        ILogger<DeliveryService> log,
        IReadOnlyList<IContentAnalyzer>? analyzers = null,
        Search.SearchIndex? search = null,
        ExtensionPoints? extensions = null)
    {
        _quotas = quotas;
        _search = search;
        _analyzers = analyzers ?? [];
        _extensions = extensions;
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

    /// <summary>Delivers durably; completes once every entry is on disk. Recipients over quota are
    /// left out and reported in the result; if nobody is left, nothing is written.</summary>
    public async Task<DeliveryResult> DeliverAsync(DeliveryRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var started = _time.GetTimestamp();
        var hash = await _blobs.PutAsync(request.Message, cancellationToken);
        _search?.Enqueue(hash);
        var blobWritten = _time.GetTimestamp();
        var now = _time.GetUtcNow();
        var accounts = request.Local.DistinctBy(a => a.Id).ToList();
        var local = accounts.Select(a => new LocalDelivery(a.Id, DefaultMailboxes.Inbox, QuotaBytes: LimitFor(request, a))).ToList();
        LocalDelivery? sentCopy = null;
        if (request.SentCopy && request.Sender is { } sender)
        {
            sentCopy = new LocalDelivery(sender.Id, DefaultMailboxes.NameOf(SpecialUse.Sent), MessageFlags.Seen, QuotaBytes: LimitFor(request, sender));
            local.Add(sentCopy);
        }

        RelayItem? relay = request.External.Count == 0
            ? null
            : new RelayItem(NewId(), hash, request.MailFrom, request.External, request.Sender?.Id, now, now, 0, null);
        var summary = SummaryParser.Parse(request.Message, _analyzers);
        var grants = Grants(request);
        var prepared = _time.GetTimestamp();
        var (entries, refused) = await CommitWithinQuotaAsync(hash, request.Message.Length, now, summary, local, sentCopy, relay, grants, cancellationToken);
        var committed = _time.GetTimestamp();
        foreach (var entry in entries)
        {
            _bus.Publish(new MailboxChange(entry.AccountId, entry.MailboxId, ChangeKind.Added, entry.Uid, entry.ModSeq));
        }

        if (relay is not null)
        {
            RelayQueued?.Invoke();
        }

        Observe(request, hash, summary, now);

        _log.LogDebug(
            "Delivered {Hash} to {Local} local and {External} external recipients ({OverQuota} over quota): blob {Blob:0.0} ms, prepare {Prepare:0.0} ms, index {Index:0.0} ms",
            hash,
            entries.Count,
            request.External.Count,
            refused.Count,
            _time.GetElapsedTime(started, blobWritten).TotalMilliseconds,
            _time.GetElapsedTime(blobWritten, prepared).TotalMilliseconds,
            _time.GetElapsedTime(prepared, committed).TotalMilliseconds);
        var full = refused.Select(r => r.AccountId).ToHashSet(StringComparer.Ordinal);
        var reached = accounts.Where(a => !full.Contains(a.Id)).ToList();
        await _notices.NotifyAsync(request.Sender, reached, cancellationToken);
        if (!request.QuotaExempt)
        {
            await WarnNearlyFullAsync(entries, request.Message.Length, [.. accounts, .. request.Sender is { } s ? [s] : Array.Empty<Account>()], cancellationToken);
        }

        return new DeliveryResult(hash, entries, relay?.Id)
        {
            OverQuota = refused.Where(r => accounts.Exists(a => a.Id == r.AccountId)).ToList(),
            SentCopySkipped = sentCopy is not null && full.Contains(sentCopy.AccountId),
            ReachedAnyone = reached.Count > 0 || request.External.Count > 0,
        };
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

        await DeliverAsync(new DeliveryRequest("", null, [sender], [], Notices.Serialize(bounce), QuotaExempt: true), cancellationToken);
    }

    /// <summary>Tells the observers (plugins' delivery events); they only queue, so delivery never waits on them.</summary>
    private void Observe(DeliveryRequest request, string hash, MessageSummary summary, DateTimeOffset at)
    {
        if (_extensions is not { DeliveryObservers.IsEmpty: false } extensions)
        {
            return;
        }

        var delivered = new DeliveredMessage(hash, request.MailFrom, request.Sender, request.Local, request.External, request.Message.Length, summary, at);
        foreach (var observer in extensions.DeliveryObservers)
        {
            try
            {
                observer.OnDelivered(delivered);
            }
#pragma warning disable CA1031 // An observer is outside code: the message is delivered whatever it does.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                _log.LogWarning(ex, "A delivery observer failed on {Hash}", hash);
            }
        }
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
