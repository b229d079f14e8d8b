namespace Preau.Plugins.Mail;

/// <summary>Told about every message once it is durably delivered. Events are queued and dispatched
/// in the background, one at a time per listener: a listener never slows delivery.</summary>
/// <remarks>Failure policy: the message is delivered whatever the listener does. A listener past its
/// <see cref="Timeout"/> is cancelled and that event is dropped (logged); one that throws marks its
/// plugin failed. When a listener falls more than 1,000 events behind, the oldest are dropped (logged).</remarks>
public interface IDeliveryListener
{
    /// <summary>How long one event may take.</summary>
    TimeSpan Timeout { get; }

    /// <summary>Handles one delivery.</summary>
    Task OnDeliveredAsync(DeliveredMessage message, CancellationToken cancellationToken);
}

/// <summary>One durable delivery.</summary>
public sealed class DeliveredMessage
{
    private readonly Func<Stream> _open;

    /// <summary>Creates the event (the host does).</summary>
    /// <param name="messageId">The stored message's id (its content hash).</param>
    /// <param name="mailFrom">The envelope sender ("" for bounces).</param>
    /// <param name="senderLogin">The local sender's login, if any.</param>
    /// <param name="localRecipients">Logins of the local recipients.</param>
    /// <param name="externalRecipients">Outside addresses queued for relay.</param>
    /// <param name="subject">The decoded subject.</param>
    /// <param name="size">Size in octets.</param>
    /// <param name="deliveredAt">When it was committed.</param>
    /// <param name="open">Opens the stored message.</param>
    public DeliveredMessage(
        string messageId,
        string mailFrom,
        string? senderLogin,
        IReadOnlyList<string> localRecipients,
        IReadOnlyList<string> externalRecipients,
        string subject,
        long size,
        DateTimeOffset deliveredAt,
        Func<Stream> open)
    {
        MessageId = messageId;
        MailFrom = mailFrom;
        SenderLogin = senderLogin;
        LocalRecipients = localRecipients;
        ExternalRecipients = externalRecipients;
        Subject = subject;
        Size = size;
        DeliveredAt = deliveredAt;
        _open = open ?? throw new ArgumentNullException(nameof(open));
    }

    /// <summary>The stored message's id (its content hash).</summary>
    public string MessageId { get; }

    /// <summary>The envelope sender ("" for bounces).</summary>
    public string MailFrom { get; }

    /// <summary>The local sender's login, if any.</summary>
    public string? SenderLogin { get; }

    /// <summary>Logins of the local recipients.</summary>
    public IReadOnlyList<string> LocalRecipients { get; }

    /// <summary>Outside addresses queued for relay.</summary>
    public IReadOnlyList<string> ExternalRecipients { get; }

    /// <summary>The decoded subject.</summary>
    public string Subject { get; }

    /// <summary>Size in octets.</summary>
    public long Size { get; }

    /// <summary>When it was committed.</summary>
    public DateTimeOffset DeliveredAt { get; }

    /// <summary>Opens the stored message (RFC 5322) for reading; dispose the stream.</summary>
    public Stream OpenContent() => _open();
}
