using Microsoft.Extensions.Logging;
using Preau.Core.Accounts;
using Preau.Core.Quota;
using Preau.Core.Storage;

namespace Preau.Core.Mail;

// Quotas on the delivery path: the store refuses, inside the write, a batch that would take an
// account over its quota; the recipients concerned are left out and the rest is written again (at
// most once per full recipient). Then the owner of a mailbox that crossed the warning threshold gets
// one notice, and the sender of a message that some full mailboxes did not get, a report.
public sealed partial class DeliveryService
{
    /// <summary>Writes the batch; leaves out the accounts the store finds over quota, and writes
    /// nothing when only the sender's own copy would be left.</summary>
    private async Task<(IReadOnlyList<DeliveredEntry> Entries, List<QuotaRefusal> Refused)> CommitWithinQuotaAsync(
        string hash,
        long size,
        DateTimeOffset now,
        MessageSummary summary,
        List<LocalDelivery> local,
        LocalDelivery? sentCopy,
        RelayItem? relay,
        List<ReplyGrant> grants,
        CancellationToken cancellationToken)
    {
        var refused = new List<QuotaRefusal>();
        while (true)
        {
            if (refused.Count > 0 && relay is null && local.TrueForAll(l => ReferenceEquals(l, sentCopy)))
            {
                // Every recipient is full: the message goes nowhere, so no sent copy either.
                return ([], refused);
            }

            var kept = local.Select(l => l.AccountId).ToHashSet(StringComparer.Ordinal);
            var batch = new DeliveryBatch(hash, size, now, summary, local, relay, grants.Where(g => kept.Contains(g.AccountId)).ToList());
            try
            {
                return (await _mail.CommitAsync(batch, cancellationToken), refused);
            }
            catch (QuotaExceededException over)
            {
                var full = over.Refusals.Select(r => r.AccountId).ToHashSet(StringComparer.Ordinal);
                if (local.RemoveAll(l => full.Contains(l.AccountId)) == 0)
                {
                    throw;
                }

                refused.AddRange(over.Refusals);
            }
        }
    }

    /// <summary>The quota the store checks for one delivery; none for the server's own messages.</summary>
    private long? LimitFor(DeliveryRequest request, Account account) => request.QuotaExempt ? null : _quotas.LimitOf(account);

    /// <summary>Sends one notice to each account this delivery took across the warning threshold.
    /// A failure here is logged: the message itself is delivered and must be reported so.</summary>
    private async Task WarnNearlyFullAsync(IReadOnlyList<DeliveredEntry> entries, long size, IReadOnlyList<Account> accounts, CancellationToken cancellationToken)
    {
        if (_quotas.WarningPercent == 0 || entries.Count == 0)
        {
            return;
        }

        var byId = new Dictionary<string, Account>(StringComparer.Ordinal);
        foreach (var account in accounts)
        {
            byId.TryAdd(account.Id, account);
        }

        var warned = new HashSet<string>(StringComparer.Ordinal);
        foreach (var entry in entries)
        {
            if (!byId.TryGetValue(entry.AccountId, out var account)
                || _quotas.LimitOf(account) is not { } limit
                || !_quotas.CrossedWarning(limit, entry.AccountBytes - size, entry.AccountBytes)
                || !warned.Add(account.Id))
            {
                continue;
            }

            try
            {
                await DeliverNoticeAsync(account, _notices.QuotaWarning(account, _directory.AddressOf(account), entry.AccountBytes, limit), cancellationToken);
            }
#pragma warning disable CA1031 // The delivery that crossed the threshold succeeded; only the notice is lost.
            catch (Exception e) when (e is not OperationCanceledException)
#pragma warning restore CA1031
            {
                _log.LogWarning(e, "The quota notice for {Account} could not be delivered", account.Login);
            }
        }
    }

    /// <summary>The server's own notice: into the account's INBOX whatever its quota, and to its
    /// outside notification address if it set one (one blob, one write).</summary>
    private async Task DeliverNoticeAsync(Account account, MimeKit.MimeMessage notice, CancellationToken cancellationToken)
    {
        var raw = Notices.Serialize(notice);
        var hash = await _blobs.PutAsync(raw, cancellationToken);
        _search?.Enqueue(hash);
        var now = _time.GetUtcNow();
        var relay = account.NotificationAddress is { } outside
            ? new RelayItem(NewId(), hash, "", [outside], null, now, now, 0, null)
            : null;
        var batch = new DeliveryBatch(hash, raw.Length, now, SummaryParser.Parse(raw, _analyzers), [new LocalDelivery(account.Id, DefaultMailboxes.Inbox)], relay, []);
        foreach (var entry in await _mail.CommitAsync(batch, cancellationToken))
        {
            _bus.Publish(new MailboxChange(entry.AccountId, entry.MailboxId, ChangeKind.Added, entry.Uid, entry.ModSeq));
        }

        if (relay is not null)
        {
            RelayQueued?.Invoke();
        }
    }

    /// <summary>After a message was accepted (250) but some local mailboxes were full when it was
    /// written: tells the sender, as SMTP requires of a server that accepted mail it cannot deliver
    /// (RFC 5321 §6.1). A local sender finds the report in their INBOX; an outside sender gets it
    /// through the relay queue; a bounce is never bounced. A failure here is logged, never thrown: the
    /// message is delivered, and the client must not be told otherwise (it would send it again).</summary>
    public async Task ReportOverQuotaAsync(DeliveryRequest request, DeliveryResult result, MailOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(options);
        if (result.OverQuota.Count == 0)
        {
            return;
        }

        try
        {
            await SendOverQuotaReportAsync(request, result, options, cancellationToken);
        }
#pragma warning disable CA1031 // The message was delivered to the others; only the report is lost.
        catch (Exception e) when (e is not OperationCanceledException)
#pragma warning restore CA1031
        {
            _log.LogWarning(e, "The over-quota report for {Hash} could not be delivered", result.BlobHash);
        }
    }

    private async Task SendOverQuotaReportAsync(DeliveryRequest request, DeliveryResult result, MailOptions options, CancellationToken cancellationToken)
    {
        var failed = result.OverQuota
            .Select(r => _directory.Graph.FindById(r.AccountId) is { } a ? _directory.AddressOf(a) : r.AccountId)
            .ToList();
        var to = request.Sender is { } sender ? _directory.AddressOf(sender) : request.MailFrom;
        if (to.Length == 0)
        {
            _log.LogWarning("A bounce to {Recipients} was not delivered, their mailboxes being full", string.Join(", ", failed));
            return;
        }

        MimeKit.MimeMessage report;
        using (var original = _blobs.Open(result.BlobHash))
        {
            report = BounceBuilder.Build(options, to, failed, "boîte aux lettres pleine, quota atteint (mailbox full)", original, _time.GetUtcNow(), "5.2.2");
        }

        var raw = Notices.Serialize(report);
        var bounce = request.Sender is { } local
            ? new DeliveryRequest("", null, [local], [], raw, QuotaExempt: true)
            : new DeliveryRequest("", null, [], [request.MailFrom], raw, QuotaExempt: true);
        _ = await DeliverAsync(bounce, cancellationToken);
    }
}
