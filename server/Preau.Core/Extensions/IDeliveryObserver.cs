using Preau.Core.Accounts;
using Preau.Core.Mail;

namespace Preau.Core.Extensions;

/// <summary>Told about each delivery once it is durable. Called on the delivery path: an observer
/// must only queue the event and return (the plugin host dispatches it asynchronously).</summary>
public interface IDeliveryObserver
{
    /// <summary>A message was filed; must not block or throw.</summary>
    void OnDelivered(DeliveredMessage message);
}

/// <summary>One durable delivery.</summary>
/// <param name="BlobHash">The stored message (its content hash).</param>
/// <param name="MailFrom">The envelope sender (empty for bounces).</param>
/// <param name="Sender">The local account that sent it, if any.</param>
/// <param name="Local">The local recipients filed.</param>
/// <param name="External">The outside recipients queued for relay.</param>
/// <param name="Size">Size in octets.</param>
/// <param name="Summary">Subject, From, To, Date as parsed at delivery.</param>
/// <param name="DeliveredAt">When it was committed.</param>
public sealed record DeliveredMessage(
    string BlobHash,
    string MailFrom,
    Account? Sender,
    IReadOnlyList<Account> Local,
    IReadOnlyList<string> External,
    long Size,
    MessageSummary Summary,
    DateTimeOffset DeliveredAt);
