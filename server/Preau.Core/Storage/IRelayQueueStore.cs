using Preau.Core.Mail;

namespace Preau.Core.Storage;

/// <summary>The persistent queue of mail leaving the school. Items are added by <see cref="IMailStore.CommitAsync"/>.</summary>
public interface IRelayQueueStore
{
    /// <summary>Items whose next attempt is due, oldest first.</summary>
    IReadOnlyList<RelayItem> GetDue(DateTimeOffset now, int max);

    /// <summary>All items (for the CLI and tests).</summary>
    IReadOnlyList<RelayItem> GetAll();

    /// <summary>Adds an item outside a delivery (bounces, notifications).</summary>
    void Enqueue(RelayItem item);

    /// <summary>Saves an item after an attempt.</summary>
    void Update(RelayItem item);

    /// <summary>Removes a delivered or expired item.</summary>
    void Remove(string id);
}
