using Preau.Core.Accounts;
using Preau.Core.Quota;
using Preau.Core.Search;
using Preau.Core.Storage;

namespace Preau.Core.Mail;

/// <summary>What a user does to their own mailboxes after delivery (IMAP, the webmail): folders,
/// APPEND, flags, expunge, copy and move. Every call names the account and works only on that
/// account's mailboxes: a mailbox id of someone else's is answered as not found, never served.
/// Each change is durable when the call returns and is then published on the <see cref="ChangeBus"/>.</summary>
public sealed class MailboxService
{
    private readonly IMailStore _mail;
    private readonly IMailboxStore _boxes;
    private readonly IBlobStore _blobs;
    private readonly ChangeBus _bus;
    private readonly MailOptions _options;
    private readonly QuotaService _quotas;
    private readonly TimeProvider _time;
    private readonly IReadOnlyList<IContentAnalyzer> _analyzers;
    private readonly SearchIndex? _search;
    private readonly VersionedReads<string, Mailbox?> _mailboxReads;
    private readonly VersionedReads<(string Mailbox, uint After), IReadOnlyList<MessageEntry>> _afterReads;

    /// <summary>Creates the service.</summary>
    public MailboxService(
        IMailStore mail,
        IMailboxStore boxes,
        IBlobStore blobs,
        ChangeBus bus,
        MailOptions options,
        QuotaService quotas,
        TimeProvider time,
        IReadOnlyList<IContentAnalyzer>? analyzers = null,
        SearchIndex? search = null)
    {
        _quotas = quotas;
        _search = search;
        _mailboxReads = new(bus);
        _afterReads = new(bus);
        _analyzers = analyzers ?? [];
        _mail = mail;
        _boxes = boxes;
        _blobs = blobs;
        _bus = bus;
        _options = options;
        _time = time;
    }

    /// <summary>The account's mailboxes (the default set is created on first use).</summary>
    public IReadOnlyList<Mailbox> List(Account account)
    {
        ArgumentNullException.ThrowIfNull(account);
        _mail.EnsureDefaultMailboxes(account.Id);
        return _mail.GetMailboxes(account.Id);
    }

    /// <summary>One of the account's mailboxes by name, or null.</summary>
    public Mailbox? Find(Account account, string name)
    {
        ArgumentNullException.ThrowIfNull(account);
        return _boxes.FindMailbox(account.Id, name);
    }

    /// <summary>The current state of a mailbox of the account (NotFound when it is not theirs).</summary>
    public Mailbox Get(Account account, string mailboxId) => Owned(account, mailboxId);

    /// <summary>Creates a mailbox (and its parents).</summary>
    public Mailbox Create(Account account, string name)
    {
        ArgumentNullException.ThrowIfNull(account);
        var created = _boxes.CreateMailbox(account.Id, name);
        _bus.Touch();
        return created;
    }

    /// <summary>Deletes a mailbox and its messages. INBOX and the default folders (Envoyés, Brouillons,
    /// Corbeille, Indésirables, Archives) are refused (<see cref="MailboxError.NotAllowed"/>): deliveries
    /// and clients rely on them, and a deleted one would only come back empty at the next listing.</summary>
    public void Delete(Account account, string name)
    {
        ArgumentNullException.ThrowIfNull(account);
        ArgumentNullException.ThrowIfNull(name);
        if (DefaultMailboxes.IsDefault(name))
        {
            throw new MailboxStoreException(
                MailboxError.NotAllowed,
                $"Le dossier \"{name}\" est un dossier par défaut : il ne peut pas être supprimé (a default folder cannot be deleted)");
        }

        _boxes.DeleteMailbox(account.Id, name);
        _bus.Touch();
    }

    /// <summary>Renames a mailbox and its children.</summary>
    public void Rename(Account account, string oldName, string newName)
    {
        ArgumentNullException.ThrowIfNull(account);
        _boxes.RenameMailbox(account.Id, oldName, newName);
        _bus.Touch();
    }

    /// <summary>Subscribes or unsubscribes a name.</summary>
    public void SetSubscribed(Account account, string name, bool subscribed)
    {
        ArgumentNullException.ThrowIfNull(account);
        _boxes.SetSubscribed(account.Id, name, subscribed);
        _bus.Touch();
    }

    /// <summary>The account's subscriptions.</summary>
    public IReadOnlyList<string> Subscriptions(Account account)
    {
        ArgumentNullException.ThrowIfNull(account);
        return _boxes.GetSubscriptions(account.Id);
    }

    /// <summary>The entries of one of the account's mailboxes, in UID order.</summary>
    public IReadOnlyList<MessageEntry> Messages(Account account, string mailboxId) =>
        _mail.GetMessages(Owned(account, mailboxId).Id);

    /// <summary>Some entries of one of the account's mailboxes, by UID.</summary>
    public IReadOnlyList<MessageEntry> Messages(Account account, string mailboxId, IReadOnlyCollection<uint> uids) =>
        _mail.GetMessages(Owned(account, mailboxId).Id, uids);

    /// <summary>Entries of one of the account's mailboxes above a UID (new arrivals).</summary>
    /// <remarks>Sessions woken by the same change share one store read (<see cref="VersionedReads{TKey, TValue}"/>).</remarks>
    public IReadOnlyList<MessageEntry> MessagesAfter(Account account, string mailboxId, uint uid)
    {
        var id = Owned(account, mailboxId).Id;
        return _afterReads.Get((id, uid), () => _mail.GetMessagesAfter(id, uid));
    }

    /// <summary>The raw message of an entry of the account's.</summary>
    public Stream Open(Account account, MessageEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        Owned(account, entry.MailboxId);
        return _blobs.Open(entry.BlobHash);
    }

    /// <summary>Reads the messages of one of the account's mailboxes, ownership checked once (for a
    /// search that reads every message).</summary>
    public MailboxReader Reader(Account account, string mailboxId) => new(Owned(account, mailboxId).Id, _blobs, _search);

    /// <summary>The largest message APPEND accepts (APPENDLIMIT).</summary>
    public int MaxMessageSize => _options.MaxMessageSize;

    /// <summary>Stores a message given by the user into one of their mailboxes (IMAP APPEND, drafts).</summary>
    public async Task<DeliveredEntry> AppendAsync(
        Account account,
        string mailboxName,
        ReadOnlyMemory<byte> message,
        MessageFlags flags,
        IReadOnlyList<string> keywords,
        DateTimeOffset? internalDate,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(account);
        if (message.IsEmpty)
        {
            throw new MailboxStoreException(MailboxError.NotAllowed, "Message vide : rien à enregistrer (an empty message is not a message)");
        }

        if (message.Length > _options.MaxMessageSize)
        {
            throw new MailboxStoreException(MailboxError.NotAllowed, $"message too big: {message.Length} octets, at most {_options.MaxMessageSize}");
        }

        var mailbox = _boxes.FindMailbox(account.Id, mailboxName)
            ?? throw new MailboxStoreException(MailboxError.NotFound, $"no mailbox named {mailboxName}");
        var limit = _quotas.LimitOf(account);
        if (limit is { } max && _quotas.StatusOf(account).Usage.Bytes is var used && used + message.Length > max)
        {
            // Refused before the blob is written; the store checks again in the write itself.
            throw OverQuota(new QuotaRefusal(account.Id, used, message.Length, max));
        }

        var hash = await _blobs.PutAsync(message, cancellationToken);
        _search?.Enqueue(hash);
        var batch = new DeliveryBatch(
            hash,
            message.Length,
            internalDate ?? _time.GetUtcNow(),
            SummaryParser.Parse(message, _analyzers),
            [new LocalDelivery(account.Id, mailbox.Name, flags, keywords, limit)],
            null,
            []);
        DeliveredEntry entry;
        try
        {
            entry = (await _mail.CommitAsync(batch, cancellationToken)).Single();
        }
        catch (QuotaExceededException over) when (over.Refusals.Count > 0)
        {
            throw OverQuota(over.Refusals[0]);
        }

        _bus.Publish(new MailboxChange(account.Id, entry.MailboxId, ChangeKind.Added, entry.Uid, entry.ModSeq));
        return entry;
    }

    /// <summary>Changes flags; publishes one change per message changed.</summary>
    public FlagUpdateResult UpdateFlags(Account account, string mailboxId, IReadOnlyCollection<uint> uids, FlagUpdate update)
    {
        var mailbox = Owned(account, mailboxId);
        var result = _boxes.UpdateFlags(mailbox.Id, uids, update);
        foreach (var changed in result.Changed)
        {
            _bus.Publish(new MailboxChange(account.Id, mailbox.Id, ChangeKind.FlagsChanged, changed.Uid, changed.ModSeq));
        }

        return result;
    }

    /// <summary>Removes the messages flagged \Deleted (among <paramref name="onlyUids"/> when given).</summary>
    public ExpungeResult Expunge(Account account, string mailboxId, IReadOnlyCollection<uint>? onlyUids)
    {
        var mailbox = Owned(account, mailboxId);
        var result = _boxes.Expunge(mailbox.Id, onlyUids);
        foreach (var uid in result.Uids)
        {
            _bus.Publish(new MailboxChange(account.Id, mailbox.Id, ChangeKind.Expunged, uid, result.HighestModSeq));
        }

        return result;
    }

    /// <summary>Copies or moves messages to another of the account's mailboxes.</summary>
    public CopyResult Copy(Account account, string sourceMailboxId, IReadOnlyCollection<uint> uids, string targetName, bool move)
    {
        var source = Owned(account, sourceMailboxId);
        var target = _boxes.FindMailbox(account!.Id, targetName)
            ?? throw new MailboxStoreException(MailboxError.NotFound, $"no mailbox named {targetName}");
        CopyResult result;
        try
        {
            // A move stays within the account: it changes nothing to its usage.
            result = _boxes.Copy(source.Id, uids, target.Id, move, move ? null : _quotas.LimitOf(account));
        }
        catch (QuotaExceededException over) when (over.Refusals.Count > 0)
        {
            throw OverQuota(over.Refusals[0]);
        }

        var after = _boxes.GetMailbox(target.Id);
        foreach (var uid in result.TargetUids)
        {
            _bus.Publish(new MailboxChange(account.Id, target.Id, ChangeKind.Added, uid, after?.HighestModSeq ?? 0));
        }

        var sourceAfter = result.Moved.Count > 0 ? _boxes.GetMailbox(source.Id) : null;
        foreach (var uid in result.Moved)
        {
            _bus.Publish(new MailboxChange(account.Id, source.Id, ChangeKind.Expunged, uid, sourceAfter?.HighestModSeq ?? 0));
        }

        return result;
    }

    /// <summary>UIDs expunged after a MODSEQ (QRESYNC).</summary>
    public IReadOnlyList<ExpungedEntry> ExpungedSince(Account account, string mailboxId, ulong modSeq) =>
        _boxes.GetExpungedSince(Owned(account, mailboxId).Id, modSeq);

    /// <summary>IMAP \Recent (RFC 3501 §2.3.2): claims the messages of one of the account's mailboxes up to
    /// <paramref name="upTo"/> for the calling session; returns the mark before, so the UIDs above it (up
    /// to <paramref name="upTo"/>) are recent for that session and no other.</summary>
    public uint ClaimRecent(Account account, string mailboxId, uint upTo)
    {
        var before = _boxes.ClaimRecent(Owned(account, mailboxId).Id, upTo);
        if (before < upTo)
        {
            // The mailbox record changed without a message change: shared reads of it are stale.
            _bus.Touch();
        }

        return before;
    }

    /// <summary>Octets used by the account (QUOTA).</summary>
    public long UsedBytes(Account account)
    {
        ArgumentNullException.ThrowIfNull(account);
        return _boxes.UsedBytes(account.Id);
    }

    /// <summary>The account's quota and usage (QUOTA, GETQUOTAROOT).</summary>
    public QuotaStatus Quota(Account account) => _quotas.StatusOf(account);

    private static MailboxStoreException OverQuota(QuotaRefusal refusal) =>
        new(MailboxError.OverQuota, QuotaService.OverQuotaText(refusal.UsedBytes, refusal.RequestedBytes, refusal.LimitBytes));

    private Mailbox Owned(Account account, string mailboxId)
    {
        ArgumentNullException.ThrowIfNull(account);
        var mailbox = _mailboxReads.Get(mailboxId, () => _boxes.GetMailbox(mailboxId));
        return mailbox is not null && mailbox.AccountId == account.Id
            ? mailbox
            : throw new MailboxStoreException(MailboxError.NotFound, "no such mailbox");
    }
}
