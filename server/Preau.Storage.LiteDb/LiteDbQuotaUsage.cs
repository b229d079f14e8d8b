using LiteDB;
using Preau.Core.Mail;
using Preau.Core.Quota;
using Preau.Core.Storage;

namespace Preau.Storage.LiteDb;

// Quota usage: one counter document per account (octets and entries of all its mailboxes), changed
// by the same transaction as every insert, copy, move, expunge and mailbox deletion (WriteScope), so
// reading it is one lookup. A data folder written before the counters existed (no "usage" marker in
// `counters`) is recounted from the entries when the store opens.
public sealed partial class LiteDbStore
{
    /// <summary>The marker counter: present once the usage counters are complete.</summary>
    private const string UsageMarker = "usage";

    private ILiteCollection<UsageDoc> _usage = null!;

    /// <inheritdoc />
    public QuotaUsage GetUsage(string accountId)
    {
        ArgumentNullException.ThrowIfNull(accountId);
        return Read(() => _usage.FindById(accountId)) is { } usage ? new QuotaUsage(usage.Bytes, usage.Messages) : QuotaUsage.Empty;
    }

    /// <inheritdoc />
    public long UsedBytes(string accountId) => GetUsage(accountId).Bytes;

    /// <summary>Recounts every account's usage from the message entries, in one transaction; returns
    /// how many accounts hold messages. Done by itself when a data folder has no counters yet.</summary>
    public int RebuildQuotaUsage() => Write(RecountUsage);

    private void InitializeQuotaCollection() => _usage = Collection<UsageDoc>("quota_usage");

    /// <summary>At open: counts usage once for a data folder written before the counters existed.</summary>
    private void EnsureQuotaUsage()
    {
        if (_counters.FindById(UsageMarker) is null)
        {
            _ = RebuildQuotaUsage();
        }
    }

    private int RecountUsage()
    {
        var owners = _mailboxes.FindAll().ToDictionary(m => m.Id, m => m.AccountId);
        var totals = new Dictionary<string, UsageDoc>(StringComparer.Ordinal);
        foreach (var entry in _messages.FindAll())
        {
            if (!owners.TryGetValue(entry.MailboxId, out var account))
            {
                continue;
            }

            if (!totals.TryGetValue(account, out var usage))
            {
                usage = new UsageDoc { Id = account };
                totals[account] = usage;
            }

            usage.Bytes += entry.Size;
            usage.Messages++;
        }

        _ = _usage.DeleteAll();
        _ = _usage.Insert(totals.Values);
        _ = _counters.Upsert(new CounterDoc { Id = UsageMarker, Value = 1 });
        return totals.Count;
    }

    /// <summary>The accounts a delivery would take over their quota (nothing of it is written then).</summary>
    private static QuotaExceededException? CheckQuota(DeliveryBatch batch, WriteScope scope)
    {
        if (!batch.Local.Any(l => l.QuotaBytes is not null))
        {
            return null;
        }

        // Every copy of the batch for an account counts (a message to oneself with a sent copy).
        var copies = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var local in batch.Local)
        {
            copies[local.AccountId] = copies.GetValueOrDefault(local.AccountId) + 1;
        }

        List<QuotaRefusal>? refused = null;
        foreach (var local in batch.Local)
        {
            if (local.QuotaBytes is not { } limit || copies[local.AccountId] == 0)
            {
                continue;
            }

            var adding = batch.Size * copies[local.AccountId];
            copies[local.AccountId] = 0;
            var used = scope.Usage(local.AccountId).Bytes;
            if (used + adding > limit)
            {
                (refused ??= []).Add(new QuotaRefusal(local.AccountId, used, adding, limit));
            }
        }

        return refused is null ? null : new QuotaExceededException(refused);
    }
}

/// <summary>An account's quota usage, keyed by account id.</summary>
internal sealed class UsageDoc
{
    [BsonId(false)]
    public string Id { get; set; } = "";

    public long Bytes { get; set; }

    public long Messages { get; set; }
}
