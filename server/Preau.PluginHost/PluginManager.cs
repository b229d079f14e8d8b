using System.Collections.Immutable;
using Microsoft.Extensions.Logging;
using Preau.Core.Rights;
using Preau.Core.Storage;
using Preau.PluginHost.Loading;
using Preau.PluginHost.Services;
using Preau.Plugins;

namespace Preau.PluginHost;

/// <summary>The installed plugins and their states; loads, enables, disables, installs, upgrades and
/// removes them at runtime, each change persisted and audited.</summary>
/// <remarks>
/// Changes are serialised by one gate; readers (the dispatcher, the policy through the extension
/// points, the CLI) read an immutable snapshot and never wait. A plugin that throws while loading,
/// registering or in a hook is marked <see cref="PluginStatus.Failed"/> at once and unloaded in the
/// background; nothing else stops. See README.md for the states and the failure policies.
/// </remarks>
public sealed partial class PluginManager : IAsyncDisposable
{
    private readonly PluginHostOptions _options;
    private readonly PluginHostServices _host;
    private readonly PluginStateStore _state;
    private readonly ILogger _log;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly List<Task> _stopping = [];
    private ImmutableDictionary<string, PluginSlot> _slots = ImmutableDictionary.Create<string, PluginSlot>(StringComparer.OrdinalIgnoreCase);

    /// <summary>Creates the manager; nothing is loaded before <see cref="LoadAllAsync"/>.</summary>
    public PluginManager(PluginHostOptions options, PluginHostServices host)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(host);
        _options = options;
        _host = host;
        _state = new PluginStateStore(host.Documents);
        _log = host.Loggers.CreateLogger<PluginManager>();
    }

    /// <summary>Raised after any plugin became active or stopped being active.</summary>
    public event Action? Changed;

    /// <summary>The plugins folder.</summary>
    public string Directory => _options.EffectiveDirectory;

    /// <summary>First words of the server's own CLI verbs, which no plugin verb may start with.</summary>
    public IReadOnlySet<string> ReservedVerbs { get; init; } = new HashSet<string>();

    /// <summary>Every installed plugin, by id.</summary>
    public IReadOnlyList<PluginInfo> List() => _slots.Values.OrderBy(s => s.Id, StringComparer.OrdinalIgnoreCase).Select(Describe).ToArray();

    /// <summary>One installed plugin, or null.</summary>
    public PluginInfo? Find(string id) => _slots.TryGetValue(id ?? "", out var slot) ? Describe(slot) : null;

    /// <summary>The active plugin with this id.</summary>
    internal ActivePlugin? FindActive(string id) => _slots.TryGetValue(id ?? "", out var slot) ? slot.Active : null;

    /// <summary>Every active plugin.</summary>
    internal IEnumerable<ActivePlugin> ActivePlugins() => _slots.Values.Select(s => s.Active).OfType<ActivePlugin>();

    /// <summary>Loads every plugin of the folder (server start and CLI runs): enabled ones become active,
    /// failed or incompatible, disabled ones stay disabled. Leftovers of interrupted installs are removed.</summary>
    public async Task LoadAllAsync()
    {
        await _gate.WaitAsync();
        try
        {
            if (!System.IO.Directory.Exists(Directory))
            {
                return;
            }

            foreach (var leftover in System.IO.Directory.EnumerateDirectories(Directory, ".*"))
            {
                TryDelete(leftover);
            }

            foreach (var folder in System.IO.Directory.EnumerateDirectories(Directory).Order(StringComparer.Ordinal))
            {
                if (Path.GetFileName(folder).StartsWith('.'))
                {
                    continue;
                }

                var slot = Read(folder);
                if (_slots.ContainsKey(slot.Id))
                {
                    LogSkipped(_log, folder, slot.Id);
                    continue;
                }

                var state = _state.Get(slot.Id);
                Publish(state is { Enabled: false } ? slot with { Status = PluginStatus.Disabled } : await ActivateAsync(slot));
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Stops every active plugin (server stop): states are not changed.</summary>
    public async ValueTask DisposeAsync()
    {
        await _gate.WaitAsync();
        try
        {
            foreach (var slot in _slots.Values.Where(s => s.Active is not null))
            {
                Publish(slot with { Active = null });
                await StopAsync(slot.Active!);
            }

            Task[] pending;
            lock (_stopping)
            {
                pending = [.. _stopping];
            }

            await Task.WhenAll(pending);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Called by adapters when plugin code threw: the plugin leaves the mail path at once,
    /// is marked failed, and is unloaded in the background.</summary>
    internal void ReportFailure(ActivePlugin plugin, string reason)
    {
        if (!plugin.MarkFailed())
        {
            return;
        }

        plugin.Detach(_host.Extensions);
        var replaced = false;
        ImmutableInterlocked.Update(ref _slots, slots =>
        {
            replaced = slots.TryGetValue(plugin.Id, out var slot) && ReferenceEquals(slot.Active, plugin);
            return replaced ? slots.SetItem(plugin.Id, slot! with { Status = PluginStatus.Failed, Reason = reason, Active = null }) : slots;
        });
        LogFailed(_log, plugin.Id, reason);
        if (replaced)
        {
            Audit("system", "plugin.failed", $"{plugin.Id} {plugin.Manifest.Version}: {reason}");
            Changed?.Invoke();
        }

        var stop = Task.Run(() => StopAsync(plugin));
        lock (_stopping)
        {
            _stopping.RemoveAll(t => t.IsCompleted);
            _stopping.Add(stop);
        }
    }

    /// <summary>Waits until plugins that failed are unloaded (tests).</summary>
    internal Task StoppedAsync()
    {
        lock (_stopping)
        {
            return Task.WhenAll(_stopping.ToArray());
        }
    }

    /// <summary>Loads a plugin whose slot was read; returns its new slot (active, failed or incompatible).</summary>
    private async Task<PluginSlot> ActivateAsync(PluginSlot slot)
    {
        if (slot.Manifest is not { } manifest)
        {
            return slot;
        }

        if (!PluginApi.IsCompatible(manifest.HostApiVersion))
        {
            return slot with { Status = PluginStatus.Incompatible, Reason = $"built for the plugin API {manifest.HostApiVersion}; this server offers {PluginApi.Version}", Active = null };
        }

        ActivePlugin? plugin = null;
        try
        {
            plugin = PluginActivator.Load(manifest, slot.Folder, _host, _options, ReportFailure);
            CheckConflicts(plugin);
            foreach (var service in plugin.Services)
            {
                _host.Rights.Register(RightsMapping.ToDefinition(service, plugin.Id));
            }

            plugin.Attach(_host.Extensions);
            LogActivated(_log, plugin.Id, manifest.Version.ToString());
            return slot with { Status = PluginStatus.Active, Reason = null, Active = plugin };
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            if (plugin is not null)
            {
                await StopAsync(plugin);
            }

            var reason = PluginActivator.Describe(ex);
            LogFailed(_log, manifest.Id, reason);
            return slot with { Status = PluginStatus.Failed, Reason = reason, Active = null };
        }
    }

    /// <summary>Takes an active plugin out of every path, then unloads it.</summary>
    private async Task StopAsync(ActivePlugin plugin)
    {
        plugin.Detach(_host.Extensions);
        foreach (var service in plugin.Services)
        {
            try
            {
                if (_host.Rights.Services.Any(s => s.Id == service.Id && s.Owner == plugin.Id))
                {
                    _host.Rights.Unregister(service.Id);
                }
            }
#pragma warning disable CA1031 // The plugin must be unloaded whatever the rights model says.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                LogUnregisterFailed(_log, plugin.Id, service.Id, ex);
            }
        }

        if (!await plugin.StopAsync(_options.DrainTimeout))
        {
            LogNotDrained(_log, plugin.Id);
        }
    }

    private void CheckConflicts(ActivePlugin plugin)
    {
        var others = ActivePlugins().Where(p => !string.Equals(p.Id, plugin.Id, StringComparison.OrdinalIgnoreCase)).ToArray();
        foreach (var service in plugin.Services)
        {
            if (_host.Rights.Services.FirstOrDefault(s => string.Equals(s.Id, service.Id, StringComparison.OrdinalIgnoreCase)) is { } taken)
            {
                throw new PluginException($"the service '{service.Id}' is already declared by {(taken.Owner == CoreRights.Owner ? "the server" : taken.Owner)}");
            }
        }

        foreach (var command in plugin.Commands)
        {
            var first = command.Verb.Split(' ')[0];
            if (ReservedVerbs.Contains(first))
            {
                throw new PluginException($"the verb '{command.Verb}' belongs to the server ('preau {first} …')");
            }

            if (others.FirstOrDefault(p => p.Commands.Any(c => string.Equals(c.Verb, command.Verb, StringComparison.OrdinalIgnoreCase))) is { } owner)
            {
                throw new PluginException($"the verb '{command.Verb}' is already declared by {owner.Id}");
            }
        }
    }

    /// <summary>Reads a plugin folder's manifest into a slot (failed when unreadable).</summary>
    private static PluginSlot Read(string folder)
    {
        var name = Path.GetFileName(folder);
        try
        {
            var manifest = PluginManifest.Read(folder);
            return manifest.Id == name
                ? new PluginSlot(manifest.Id, folder, manifest, PluginStatus.Disabled, null, null)
                : new PluginSlot(name, folder, null, PluginStatus.Failed, $"plugin.json: the folder {name} holds the plugin {manifest.Id} (the folder must be named after the id)", null);
        }
        catch (PluginException ex)
        {
            return new PluginSlot(name, folder, null, PluginStatus.Failed, ex.Message.StartsWith("plugin.json", StringComparison.Ordinal) ? ex.Message : $"plugin.json: {ex.Message}", null);
        }
    }

    private void Publish(PluginSlot slot)
    {
        ImmutableInterlocked.Update(ref _slots, s => s.SetItem(slot.Id, slot));
        Changed?.Invoke();
    }

    private void Unpublish(string id)
    {
        ImmutableInterlocked.Update(ref _slots, s => s.Remove(id));
        Changed?.Invoke();
    }

    private void Audit(string actor, string action, string detail) =>
        _host.Audit.Append(new AuditEntry(_host.Time.GetUtcNow(), actor, action, detail));

    private static PluginInfo Describe(PluginSlot slot) => new(
        slot.Id,
        slot.Manifest?.Name ?? slot.Id,
        slot.Manifest?.Version.ToString() ?? "",
        slot.Manifest?.Description ?? "",
        slot.Manifest?.HostApiVersion.ToString() ?? "",
        slot.Status,
        slot.Reason,
        slot.Active is { } active ? Contributions(active) : null);

    private static PluginContributions Contributions(ActivePlugin p) => new(
        p.Services.Select(s => s.Id).ToArray(),
        p.Commands.Select(c => c.Verb).ToArray(),
        p.Jobs.Select(j => $"{j.Name} ({j.Schedule})").ToArray(),
        p.Hooks.Select(h => h.HookName).ToArray(),
        p.Listeners.Count,
        p.Lists.Count,
        p.Routes.Routes.Select(r => r.ToString()).ToArray(),
        p.Webmail);

    private static void TryDelete(string folder)
    {
        try
        {
            if (System.IO.Directory.Exists(folder))
            {
                System.IO.Directory.Delete(folder, recursive: true);
            }
            else if (File.Exists(folder))
            {
                File.Delete(folder);
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // A leftover that cannot be removed now is removed at the next start.
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Plugin {Plugin} {Version} active")]
    private static partial void LogActivated(ILogger logger, string plugin, string version);

    [LoggerMessage(Level = LogLevel.Error, Message = "Plugin {Plugin} failed: {Reason}")]
    private static partial void LogFailed(ILogger logger, string plugin, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Plugin folder {Folder} skipped: plugin {Plugin} is already loaded from another folder")]
    private static partial void LogSkipped(ILogger logger, string folder, string plugin);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Plugin {Plugin} still had calls running when unloaded; its load context is freed when they end")]
    private static partial void LogNotDrained(ILogger logger, string plugin);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Plugin {Plugin}: unregistering service {Service} failed")]
    private static partial void LogUnregisterFailed(ILogger logger, string plugin, string service, Exception exception);

    /// <summary>One installed plugin: its folder, manifest (null when unreadable), status and, when active, the loaded plugin.</summary>
    private sealed record PluginSlot(string Id, string Folder, PluginManifest? Manifest, PluginStatus Status, string? Reason, ActivePlugin? Active);
}
