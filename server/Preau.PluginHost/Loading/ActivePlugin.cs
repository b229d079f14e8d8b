using System.Reflection;
using System.Text.Json;
using McMaster.NETCore.Plugins;
using Microsoft.Extensions.DependencyInjection;
using Preau.Core.Extensions;
using Preau.PluginHost.Adapters;
using Preau.PluginHost.Http;
using Preau.PluginHost.Jobs;
using Preau.Plugins.Commands;
using Preau.Plugins.Http;
using Preau.Plugins.Rights;

namespace Preau.PluginHost.Loading;

/// <summary>One plugin while it is active: its load context, its service provider and what it
/// contributes. Every call into the plugin holds a lease (<see cref="TryEnter"/>/<see cref="Exit"/>),
/// so that stopping can wait for calls in progress before disposing and unloading.</summary>
internal sealed class ActivePlugin
{
    private readonly CancellationTokenSource _stopping = new();
    private readonly TaskCompletionSource _drained = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private PluginLoader? _loader;
    private ServiceProvider? _provider;
    private int _calls;
    private volatile bool _closing;
    private int _failed;
    private int _attached;

    public ActivePlugin(PluginManifest manifest, string folder, PluginLoader loader, Assembly assembly, JsonSerializerOptions json)
    {
        Manifest = manifest;
        Folder = folder;
        _loader = loader;
        Assembly = assembly;
        Json = json;
        LoadContext = new WeakReference(loader.LoadContext);
    }

    public string Id => Manifest.Id;

    public PluginManifest Manifest { get; }

    public string Folder { get; }

    public Assembly Assembly { get; private set; }

    /// <summary>The plugin's own JSON options (its types stay out of the host's serializer caches).</summary>
    public JsonSerializerOptions Json { get; }

    /// <summary>The collectible load context, weakly: it must be collectable once the plugin is stopped.</summary>
    public WeakReference LoadContext { get; }

    public CancellationToken Stopping => _stopping.Token;

    public IReadOnlyList<HookAdapter> Hooks { get; set; } = [];

    public IReadOnlyList<ListAdapter> Lists { get; set; } = [];

    public IReadOnlyList<ListenerAdapter> Listeners { get; set; } = [];

    public IReadOnlyList<ServiceDeclaration> Services { get; set; } = [];

    public IReadOnlyList<IPluginCommand> Commands { get; set; } = [];

    public IReadOnlyList<JobSlot> Jobs { get; set; } = [];

    public RouteTable Routes { get; set; } = RouteTable.Empty;

    public WebmailModule? Webmail { get; set; }

    /// <summary>Embedded UI files: path under <c>ui/</c> → manifest resource name.</summary>
    public IReadOnlyDictionary<string, string> UiFiles { get; set; } = new Dictionary<string, string>();

    public void SetProvider(ServiceProvider provider) => _provider = provider;

    /// <summary>Starts a call into the plugin; false once it is stopping (the caller skips it).</summary>
    public bool TryEnter()
    {
        Interlocked.Increment(ref _calls);
        if (_closing)
        {
            Exit();
            return false;
        }

        return true;
    }

    /// <summary>Ends a call started by <see cref="TryEnter"/>.</summary>
    public void Exit()
    {
        if (Interlocked.Decrement(ref _calls) == 0 && _closing)
        {
            _drained.TrySetResult();
        }
    }

    /// <summary>Marks the plugin failed; true only for the first report.</summary>
    public bool MarkFailed() => Interlocked.Exchange(ref _failed, 1) == 0;

    /// <summary>Puts the hooks, lists and observers in place.</summary>
    public void Attach(ExtensionPoints extensions)
    {
        if (Interlocked.Exchange(ref _attached, 1) != 0)
        {
            return;
        }

        foreach (var hook in Hooks)
        {
            extensions.Add(hook);
        }

        foreach (var list in Lists)
        {
            extensions.Add(list);
        }

        foreach (var listener in Listeners)
        {
            listener.Start();
            extensions.Add(listener);
        }
    }

    /// <summary>Takes them out: no new message reaches the plugin. Idempotent.</summary>
    public void Detach(ExtensionPoints extensions)
    {
        if (Interlocked.Exchange(ref _attached, 2) != 1)
        {
            return;
        }

        foreach (var hook in Hooks)
        {
            extensions.Remove(hook);
        }

        foreach (var list in Lists)
        {
            extensions.Remove(list);
        }

        foreach (var listener in Listeners)
        {
            extensions.Remove(listener);
        }
    }

    /// <summary>Stops for good: cancels jobs and listeners, waits (bounded) for calls in progress,
    /// disposes the service provider and unloads the load context. Idempotent.</summary>
    /// <returns>False when calls were still running at the deadline (the context unloads once they end).</returns>
    public async Task<bool> StopAsync(TimeSpan drainTimeout)
    {
        _closing = true;
        Thread.MemoryBarrier();
        if (Volatile.Read(ref _calls) == 0)
        {
            _drained.TrySetResult();
        }

        await _stopping.CancelAsync();
        foreach (var listener in Listeners)
        {
            await listener.DisposeAsync();
        }

        var drained = true;
        try
        {
            await _drained.Task.WaitAsync(drainTimeout);
        }
        catch (TimeoutException)
        {
            drained = false;
        }

        if (Interlocked.Exchange(ref _provider, null) is { } provider)
        {
            try
            {
                await provider.DisposeAsync();
            }
#pragma warning disable CA1031 // A plugin's Dispose that throws must not stop the unloading.
            catch (Exception)
#pragma warning restore CA1031
            {
                drained = false;
            }
        }

        // Drop every reference into the plugin before unloading, so the context can be collected.
        Hooks = [];
        Lists = [];
        Listeners = [];
        Services = [];
        Commands = [];
        Jobs = [];
        Routes = RouteTable.Empty;
        Webmail = null;
        UiFiles = new Dictionary<string, string>();
        Assembly = typeof(ActivePlugin).Assembly;
        Interlocked.Exchange(ref _loader, null)?.Dispose();

        // The awaits above may have completed on a thread still running a frame of the plugin's code
        // (a listener loop ending): let the caller continue on a fresh stack, or that frame would keep
        // the load context alive while the caller goes on.
        await Task.Yield();
        return drained;
    }
}
