using Preau.PluginHost.Loading;

namespace Preau.PluginHost;

// The administrator's operations: enable, disable, install (or upgrade), remove. Each one is
// persisted (enabled flag, installed version) and audited with the actor and the outcome.
public sealed partial class PluginManager
{
    /// <summary>Enables a plugin and loads it now (it may end failed or incompatible, with the reason).</summary>
    /// <exception cref="PluginException">No such plugin.</exception>
    public async Task<PluginInfo> EnableAsync(string id, string actor)
    {
        await _gate.WaitAsync();
        try
        {
            var slot = Get(id);
            _state.Save(slot.Id, new StoredPluginState(true, slot.Manifest?.Version.ToString() ?? ""));
            if (slot.Active is null)
            {
                slot = await ActivateAsync(slot);
                Publish(slot);
            }

            var info = Describe(slot);
            Audit(actor, "plugin.enable", $"{info.Id} {info.Version}: {Outcome(info)}");
            return info;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Disables a plugin: out of every path at once, unloaded, and kept disabled across restarts.</summary>
    /// <exception cref="PluginException">No such plugin.</exception>
    public async Task<PluginInfo> DisableAsync(string id, string actor)
    {
        await _gate.WaitAsync();
        try
        {
            var slot = Get(id);
            _state.Save(slot.Id, new StoredPluginState(false, slot.Manifest?.Version.ToString() ?? ""));
            var disabled = slot with { Status = PluginStatus.Disabled, Reason = null, Active = null };
            Publish(disabled);
            if (slot.Active is { } active)
            {
                await StopAsync(active);
            }

            var info = Describe(disabled);
            Audit(actor, "plugin.disable", $"{info.Id} {info.Version}");
            return info;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Installs a plugin from a folder or a zip archive, or upgrades the installed plugin with
    /// the same id (its data and enabled state are kept). A new plugin starts enabled.</summary>
    /// <exception cref="PluginException">Not a plugin, or an unsafe archive: nothing was changed.</exception>
    public async Task<PluginInfo> InstallAsync(string path, string actor)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        path = Path.GetFullPath(path);
        var staging = NewWorkFolder("install");
        try
        {
            if (System.IO.Directory.Exists(path))
            {
                PluginArchive.CopyFolder(path, staging);
            }
            else if (File.Exists(path))
            {
                if (new FileInfo(path).Length > _options.MaxArchiveSize)
                {
                    throw new PluginException($"refused: the archive is larger than {_options.MaxArchiveSize / (1024 * 1024)} MiB");
                }

                await using var zip = File.OpenRead(path);
                PluginArchive.Extract(zip, staging, _options.MaxArchiveSize);
            }
            else
            {
                throw new PluginException($"no folder or file '{path}'");
            }

            return await InstallStagedAsync(staging, actor);
        }
        finally
        {
            TryDelete(staging);
        }
    }

    /// <summary>Installs or upgrades from an uploaded zip archive (the admin API).</summary>
    /// <exception cref="PluginException">Not a plugin, too large, or an unsafe archive: nothing was changed.</exception>
    public async Task<PluginInfo> InstallArchiveAsync(Stream archive, string actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(archive);
        System.IO.Directory.CreateDirectory(Directory);
        var upload = Path.Combine(Directory, $".upload-{Guid.NewGuid():N}.zip");
        try
        {
            await using (var file = new FileStream(upload, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                var buffer = new byte[81920];
                long total = 0;
                int read;
                while ((read = await archive.ReadAsync(buffer, cancellationToken)) > 0)
                {
                    total += read;
                    if (total > _options.MaxArchiveSize)
                    {
                        throw new PluginException($"refused: the archive is larger than {_options.MaxArchiveSize / (1024 * 1024)} MiB");
                    }

                    await file.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
                }
            }

            return await InstallAsync(upload, actor);
        }
        finally
        {
            TryDelete(upload);
        }
    }

    /// <summary>Removes a plugin: unloaded, its folder and state deleted; its stored data too with <paramref name="purge"/>.</summary>
    /// <exception cref="PluginException">No such plugin.</exception>
    public async Task<PluginInfo> RemoveAsync(string id, string actor, bool purge = false)
    {
        await _gate.WaitAsync();
        try
        {
            var slot = Get(id);
            Unpublish(slot.Id);
            if (slot.Active is { } active)
            {
                await StopAsync(active);
            }

            var trash = NewWorkFolder("old");
            System.IO.Directory.Move(slot.Folder, trash);
            TryDelete(trash);
            _state.Delete(slot.Id);
            var purged = purge ? _host.Documents.DeleteSpace(slot.Id.ToLowerInvariant()) : 0;
            var info = Describe(slot with { Status = PluginStatus.Disabled, Reason = null, Active = null });
            Audit(actor, "plugin.remove", $"{info.Id} {info.Version}{(purge ? $", {purged} stored documents deleted" : ", stored data kept")}");
            return info;
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task<PluginInfo> InstallStagedAsync(string staging, string actor)
    {
        var root = File.Exists(Path.Combine(staging, PluginManifest.FileName))
            ? staging
            : System.IO.Directory.GetDirectories(staging).Where(d => File.Exists(Path.Combine(d, PluginManifest.FileName))).ToArray() switch
            {
                [var single] => single,
                _ => throw new PluginException($"refused: no {PluginManifest.FileName} at the top of the folder or archive"),
            };
        var manifest = PluginManifest.Read(root);
        if (!File.Exists(Path.Combine(root, manifest.AssemblyFileName)))
        {
            throw new PluginException($"refused: {manifest.AssemblyFileName} is missing beside {PluginManifest.FileName}");
        }

        await _gate.WaitAsync();
        try
        {
            var previous = _slots.GetValueOrDefault(manifest.Id);
            var target = Path.Combine(Directory, manifest.Id);
            if (previous is not null)
            {
                Publish(previous with { Active = null, Status = PluginStatus.Disabled });
                if (previous.Active is { } active)
                {
                    await StopAsync(active);
                }
            }

            var old = NewWorkFolder("old");
            if (System.IO.Directory.Exists(previous?.Folder ?? target))
            {
                System.IO.Directory.Move(previous?.Folder ?? target, old);
            }

            System.IO.Directory.Move(root, target);
            TryDelete(old);
            var enabled = _state.Get(manifest.Id)?.Enabled ?? true;
            _state.Save(manifest.Id, new StoredPluginState(enabled, manifest.Version.ToString()));
            var slot = new PluginSlot(manifest.Id, target, manifest, PluginStatus.Disabled, null, null);
            if (enabled)
            {
                slot = await ActivateAsync(slot);
            }

            Publish(slot);
            var info = Describe(slot);
            var was = previous?.Manifest?.Version.ToString();
            Audit(actor, previous is null ? "plugin.install" : "plugin.upgrade", $"{info.Id} {(was is null ? "" : $"{was} → ")}{info.Version}: {Outcome(info)}");
            return info;
        }
        finally
        {
            _gate.Release();
        }
    }

    private PluginSlot Get(string id) =>
        _slots.TryGetValue(id ?? "", out var slot) ? slot : throw new PluginException($"no plugin '{id}' is installed");

    private string NewWorkFolder(string kind)
    {
        System.IO.Directory.CreateDirectory(Directory);
        return Path.Combine(Directory, $".{kind}-{Guid.NewGuid():N}");
    }

    private static string Outcome(PluginInfo info) => info.Reason is null ? info.Status.ToString().ToLowerInvariant() : $"{info.Status.ToString().ToLowerInvariant()} ({info.Reason})";
}
