using MimeKit;
using MimeKit.Text;
using Preau.Core.Accounts;
using Preau.Core.Quota;
using Preau.Core.Storage;

namespace Preau.Core.Mail;

/// <summary>Short notices to the outside notification address of users who set one: "you have a new
/// message". The notice never carries the message itself, only that one arrived and from whom.</summary>
public sealed class Notices
{
    private readonly IBlobStore _blobs;
    private readonly IRelayQueueStore _relay;
    private readonly MailOptions _options;
    private readonly TimeProvider _time;

    /// <summary>Creates the service.</summary>
    public Notices(IBlobStore blobs, IRelayQueueStore relay, MailOptions options, TimeProvider time)
    {
        _blobs = blobs;
        _relay = relay;
        _options = options;
        _time = time;
    }

    /// <summary>The address the server's own mail comes from.</summary>
    public string NoReplyAddress => _options.SystemAddress;

    /// <summary>Queues one notice (one blob, one relay item) for all recipients who asked for one.</summary>
    public async Task NotifyAsync(Account? sender, IReadOnlyList<Account> recipients, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(recipients);
        var addresses = recipients
            .Where(r => r.NotificationAddress is not null && r.Id != sender?.Id)
            .Select(r => r.NotificationAddress!)
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .ToArray();
        if (addresses.Length == 0)
        {
            return;
        }

        var from = sender?.DisplayName ?? "l'extérieur";
        var message = new MimeMessage();
        message.From.Add(new MailboxAddress(_options.SystemName, NoReplyAddress));
        message.To.Add(new GroupAddress("destinataires non divulgués", []));
        message.Subject = $"Nouveau message de {from}";
        message.Date = _time.GetUtcNow();
        message.MessageId = MimeKit.Utils.MimeUtils.GenerateMessageId(_options.Domain);
        message.Headers.Add("Auto-Submitted", "auto-generated");
        message.Body = new TextPart(TextFormat.Plain)
        {
            Text = $"Bonjour,\n\nVous avez reçu un nouveau message de {from} dans votre messagerie {_options.SystemName}.\n"
                + "Connectez-vous pour le lire.\n\nCe message est envoyé automatiquement ; merci de ne pas y répondre.\n",
        };
        var raw = Serialize(message);
        var hash = await _blobs.PutAsync(raw, cancellationToken);
        var now = _time.GetUtcNow();
        _relay.Enqueue(new RelayItem(DeliveryService.NewId(), hash, "", addresses, null, now, now, 0, null));
    }

    /// <summary>The one notice an account gets when a delivery takes it across the warning share of its
    /// quota: how full it is, what happens when it is full, and how to make room.</summary>
    public MimeMessage QuotaWarning(Account account, string address, long usedBytes, long limitBytes)
    {
        ArgumentNullException.ThrowIfNull(account);
        var percent = limitBytes > 0 ? Math.Min(100, 100 * usedBytes / limitBytes) : 100;
        var message = new MimeMessage();
        message.From.Add(new MailboxAddress(_options.SystemName, NoReplyAddress));
        message.To.Add(new MailboxAddress(account.DisplayName, address));
        message.Subject = $"Votre messagerie est presque pleine ({percent} %)";
        message.Date = _time.GetUtcNow();
        message.MessageId = MimeKit.Utils.MimeUtils.GenerateMessageId(_options.Domain);
        message.Headers.Add("Auto-Submitted", "auto-generated");
        message.Body = new TextPart(TextFormat.Plain)
        {
            Text = $"Bonjour {account.DisplayName},\n\n"
                + $"Votre messagerie {_options.SystemName} utilise {ByteSize.Format(usedBytes)} sur les {ByteSize.Format(limitBytes)} autorisés ({percent} %).\n"
                + "Quand elle sera pleine, les messages qui vous sont envoyés seront refusés et leurs expéditeurs prévenus.\n\n"
                + "Pour libérer de la place, supprimez les messages dont vous n'avez plus besoin, en particulier ceux qui ont "
                + "de grosses pièces jointes (dans la Boîte de réception, les Envoyés et les Archives), puis videz la Corbeille.\n\n"
                + "Ce message est envoyé automatiquement ; merci de ne pas y répondre.\n",
        };
        return message;
    }

    /// <summary>A message as the octets stored and sent.</summary>
    public static byte[] Serialize(MimeMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        using var stream = new MemoryStream();
        message.WriteTo(FormatOptions.Default, stream);
        return stream.ToArray();
    }
}
