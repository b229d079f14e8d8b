using Preau.Core.Accounts;
using Preau.Core.Directory;
using Preau.Core.Storage;

namespace Preau.Core.Mail;

/// <summary>The held queue: messages a submission hook put aside, which an administrator lists,
/// releases (delivered as decided at submission) or discards. Every release and discard is audited.</summary>
public sealed class HeldMessages
{
    private readonly IHeldMessageStore _store;
    private readonly IBlobStore _blobs;
    private readonly DeliveryService _delivery;
    private readonly DirectoryService _directory;
    private readonly IAuditLog _audit;
    private readonly TimeProvider _time;

    /// <summary>Creates the service.</summary>
    public HeldMessages(IHeldMessageStore store, IBlobStore blobs, DeliveryService delivery, DirectoryService directory, IAuditLog audit, TimeProvider time)
    {
        _store = store;
        _blobs = blobs;
        _delivery = delivery;
        _directory = directory;
        _audit = audit;
        _time = time;
    }

    /// <summary>Every held message, oldest first.</summary>
    public IReadOnlyList<HeldMessage> List() => _store.GetHeld();

    /// <summary>Stores the message and records it as held; durable on return.</summary>
    internal async Task<HeldMessage> HoldAsync(
        ReadOnlyMemory<byte> message,
        string mailFrom,
        Account? sender,
        IReadOnlyList<Account> local,
        IReadOnlyList<string> external,
        bool sentCopy,
        string hook,
        string reason,
        CancellationToken cancellationToken)
    {
        var hash = await _blobs.PutAsync(message, cancellationToken);
        var summary = SummaryParser.Parse(message, []);
        var held = new HeldMessage(
            DeliveryService.NewId()[..20],
            hash,
            mailFrom,
            sender?.Id,
            local.Select(a => a.Id).Distinct(StringComparer.Ordinal).ToArray(),
            external,
            sentCopy,
            hook,
            reason,
            _time.GetUtcNow(),
            summary.Subject,
            message.Length);
        _store.Hold(held);
        _audit.Append(new AuditEntry(held.HeldAt, hook, "held.hold", $"{held.Id} from <{mailFrom}>: {reason}"));
        return held;
    }

    /// <summary>Delivers a held message to the recipients decided at submission (those who can
    /// still receive mail). Throws <see cref="DirectoryException"/> when no such message is held.</summary>
    public async Task<DeliveryResult> ReleaseAsync(string id, string actor, CancellationToken cancellationToken = default)
    {
        var held = Take(id);
        try
        {
            byte[] content;
            await using (var stream = _blobs.Open(held.BlobHash))
            {
                using var copy = new MemoryStream();
                await stream.CopyToAsync(copy, cancellationToken);
                content = copy.ToArray();
            }

            var graph = _directory.Graph;
            var local = held.LocalAccountIds.Select(graph.FindById).OfType<Account>().Where(a => a.CanReceive).ToArray();
            var sender = held.SenderId is null ? null : graph.FindById(held.SenderId);
            var result = await _delivery.DeliverAsync(new DeliveryRequest(held.MailFrom, sender, local, held.External, content, held.SentCopy), cancellationToken);
            _audit.Append(new AuditEntry(_time.GetUtcNow(), actor, "held.release", $"{held.Id} from <{held.MailFrom}> to {local.Length + held.External.Count} recipients"));
            return result;
        }
        catch
        {
            _store.Hold(held); // Not delivered: it stays held.
            throw;
        }
    }

    /// <summary>Drops a held message without delivering it.</summary>
    public HeldMessage Discard(string id, string actor)
    {
        var held = Take(id);
        _audit.Append(new AuditEntry(_time.GetUtcNow(), actor, "held.discard", $"{held.Id} from <{held.MailFrom}>: {held.Subject}"));
        return held;
    }

    private HeldMessage Take(string id)
    {
        var held = _store.GetHeld().FirstOrDefault(h => string.Equals(h.Id, id, StringComparison.Ordinal))
            ?? throw new DirectoryException($"no held message '{id}'");
        if (!_store.TakeHeld(held.Id))
        {
            throw new DirectoryException($"held message '{id}' was already released or discarded");
        }

        return held;
    }
}
