using LiteDB;
using Preau.Core.Mail;

namespace Preau.Storage.LiteDb;

// IRelayQueueStore: the persistent queue of outgoing mail. Deliveries add items inside their own
// transaction (LiteDbMailStore.Apply); the methods here serve the relay worker and the CLI.
public sealed partial class LiteDbStore
{
    private ILiteCollection<RelayDoc> _relay = null!;

    /// <inheritdoc />
    /// <remarks>Ordered by next attempt: the longest overdue first.</remarks>
    public IReadOnlyList<RelayItem> GetDue(DateTimeOffset now, int max)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(max);
        return Read(() => _relay.Query()
            .Where(Filters.AtMost(nameof(RelayDoc.NextAttempt), Ticks.Of(now)))
            .OrderBy(nameof(RelayDoc.NextAttempt))
            .Limit(max)
            .ToEnumerable()
            .Select(r => r.ToRecord())
            .ToList());
    }

    /// <inheritdoc />
    public IReadOnlyList<RelayItem> GetAll() =>
        Read(() => _relay.Query().OrderBy(nameof(RelayDoc.Created)).ToEnumerable().Select(r => r.ToRecord()).ToList());

    /// <inheritdoc />
    public void Enqueue(RelayItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        Write(() => _relay.Insert(RelayDoc.Of(item)));
    }

    /// <inheritdoc />
    /// <remarks>An item removed meanwhile (by the CLI) stays removed: the update is dropped.</remarks>
    public void Update(RelayItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        Write(() => _relay.Update(RelayDoc.Of(item)));
    }

    /// <inheritdoc />
    public void Remove(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        Write(() => _relay.Delete(id));
    }

    private void InitializeRelayCollection()
    {
        _relay = Collection<RelayDoc>("relay_queue");
        _ = _relay.EnsureIndex(r => r.NextAttempt);
    }
}
