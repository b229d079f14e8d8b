using Preau.Plugins.Mail;
using Preau.Plugins.Storage;

namespace Preau.TestPlugins.Echo;

/// <summary>Records every delivery (subject and recipients) in the plugin's store.</summary>
public sealed class DeliveryRecorder(IPluginStore store) : IDeliveryListener
{
    /// <inheritdoc />
    public TimeSpan Timeout => TimeSpan.FromSeconds(5);

    /// <inheritdoc />
    public async Task OnDeliveredAsync(DeliveredMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        await using var content = message.OpenContent();
        var delivered = new Delivered(message.Subject, message.SenderLogin, message.LocalRecipients, content.Length);
        store.Collection<Delivered>("delivered").Put($"{message.DeliveredAt.UtcTicks:D20}-{message.MessageId[..12]}", delivered);
    }
}

/// <summary>A recorded delivery.</summary>
public sealed record Delivered(string Subject, string? Sender, IReadOnlyList<string> Recipients, long Size);

/// <summary>A counter document.</summary>
public sealed record Counter(int Count);
