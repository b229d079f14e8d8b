using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Preau.Core.Extensions;
using Preau.Core.Storage;
using Preau.PluginHost.Loading;
using CoreDelivered = Preau.Core.Extensions.DeliveredMessage;
using PluginDelivered = Preau.Plugins.Mail.DeliveredMessage;
using PluginListener = Preau.Plugins.Mail.IDeliveryListener;

namespace Preau.PluginHost.Adapters;

/// <summary>A plugin's delivery listener: Core's observer call only queues the event (bounded, oldest
/// dropped when 1,000 are waiting); a background loop hands events to the listener one at a time,
/// each within its timeout. A timeout drops that event; an exception marks the plugin failed.</summary>
internal sealed partial class ListenerAdapter : IDeliveryObserver, IAsyncDisposable
{
    private const int Capacity = 1000;

    private readonly ActivePlugin _plugin;
    private readonly PluginListener _listener;
    private readonly IBlobStore _blobs;
    private readonly ILogger _log;
    private readonly Action<ActivePlugin, string> _fail;
    private readonly Channel<CoreDelivered> _queue;
    private Task _loop = Task.CompletedTask;

    public ListenerAdapter(ActivePlugin plugin, PluginListener listener, TimeSpan maxTimeout, IBlobStore blobs, ILogger log, Action<ActivePlugin, string> fail)
    {
        _plugin = plugin;
        _listener = listener;
        _blobs = blobs;
        _log = log;
        _fail = fail;
        var timeout = listener.Timeout;
        Timeout = timeout <= TimeSpan.Zero || timeout > maxTimeout ? maxTimeout : timeout;
        _queue = Channel.CreateBounded<CoreDelivered>(
            new BoundedChannelOptions(Capacity) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true },
            dropped => LogDropped(_log, _plugin.Id, dropped.BlobHash, "the listener is more than 1,000 events behind"));
    }

    public TimeSpan Timeout { get; }

    public void Start() => _loop = Task.Run(LoopAsync);

    public void OnDelivered(CoreDelivered message) => _queue.Writer.TryWrite(message);

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _loop;
    }

    private async Task LoopAsync()
    {
        try
        {
            await foreach (var message in _queue.Reader.ReadAllAsync(_plugin.Stopping))
            {
                if (!await DispatchAsync(message))
                {
                    return;
                }
            }
        }
        catch (OperationCanceledException) when (_plugin.Stopping.IsCancellationRequested)
        {
            // Disabled: the remaining events are dropped.
        }
    }

    /// <summary>Hands one event over; false when the loop must end.</summary>
    private async Task<bool> DispatchAsync(CoreDelivered message)
    {
        if (!_plugin.TryEnter())
        {
            return false;
        }

        using var limit = CancellationTokenSource.CreateLinkedTokenSource(_plugin.Stopping);
        limit.CancelAfter(Timeout);
        try
        {
            await _listener.OnDeliveredAsync(Map(message), limit.Token).WaitAsync(Timeout, _plugin.Stopping);
            return true;
        }
        catch (OperationCanceledException) when (_plugin.Stopping.IsCancellationRequested)
        {
            return false;
        }
        catch (Exception ex) when (ex is TimeoutException or OperationCanceledException)
        {
            LogDropped(_log, _plugin.Id, message.BlobHash, $"no answer within {Timeout.TotalSeconds:0.###} s");
            return true;
        }
#pragma warning disable CA1031 // Plugin code: any failure marks the plugin failed; delivery is never affected.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            _fail(_plugin, $"delivery listener threw {ex.GetType().Name}: {ex.Message}");
            return false;
        }
        finally
        {
            _plugin.Exit();
        }
    }

    private PluginDelivered Map(CoreDelivered m)
    {
        var blobs = _blobs;
        var hash = m.BlobHash;
        return new PluginDelivered(
            hash,
            m.MailFrom,
            m.Sender?.Login,
            m.Local.Select(a => a.Login).ToArray(),
            m.External,
            m.Summary.Subject,
            m.Size,
            m.DeliveredAt,
            () => blobs.Open(hash));
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Delivery event {Hash} dropped for plugin {Plugin}: {Why}")]
    private static partial void LogDropped(ILogger logger, string plugin, string hash, string why);
}
