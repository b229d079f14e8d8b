using Microsoft.Extensions.Logging;
using Preau.PluginHost.Loading;

namespace Preau.PluginHost.Jobs;

/// <summary>Runs the active plugins' scheduled jobs (server only). One loop wakes at the earliest due
/// time (at least once a minute, and whenever plugins change); each due job runs on the thread pool
/// and never overlaps itself. A job that throws is logged and runs again at its next time: nothing
/// else is marked.</summary>
public sealed partial class JobScheduler : IAsyncDisposable
{
    private static readonly TimeSpan MaxSleep = TimeSpan.FromMinutes(1);

    private readonly PluginManager _plugins;
    private readonly TimeProvider _time;
    private readonly TimeZoneInfo _zone;
    private readonly ILogger _log;
    private readonly Lock _lock = new();
    private readonly SemaphoreSlim _wake = new(0);
    private readonly CancellationTokenSource _stop = new();
    private Task? _loop;

    /// <summary>Creates the scheduler; nothing runs before <see cref="Start"/>.</summary>
    public JobScheduler(PluginManager plugins, TimeProvider time, ILogger<JobScheduler> log, TimeZoneInfo? zone = null)
    {
        _plugins = plugins;
        _time = time;
        _log = log;
        _zone = zone ?? time.LocalTimeZone;
        _plugins.Changed += Wake;
    }

    /// <summary>Starts the loop.</summary>
    public void Start() => _loop ??= Task.Run(LoopAsync);

    /// <summary>Stops the loop (running jobs are cancelled by their plugin's stop, not here).</summary>
    public async ValueTask DisposeAsync()
    {
        _plugins.Changed -= Wake;
        await _stop.CancelAsync();
        if (_loop is not null)
        {
            await _loop;
        }

        _stop.Dispose();
        _wake.Dispose();
    }

    /// <summary>Starts every job due at <paramref name="now"/>; returns when the next one is due.</summary>
    internal DateTimeOffset RunDue(DateTimeOffset now)
    {
        var next = now + MaxSleep;
        foreach (var plugin in _plugins.ActivePlugins())
        {
            foreach (var slot in plugin.Jobs)
            {
                lock (_lock)
                {
                    if (slot.Running)
                    {
                        continue;
                    }

                    if (slot.NextRun <= now)
                    {
                        slot.Running = true;
                        _ = Task.Run(() => RunAsync(plugin, slot));
                        continue;
                    }

                    if (slot.NextRun < next)
                    {
                        next = slot.NextRun;
                    }
                }
            }
        }

        return next;
    }

    private void Wake()
    {
        try
        {
            _wake.Release();
        }
        catch (ObjectDisposedException)
        {
            // Stopped.
        }
    }

    private async Task LoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            var now = _time.GetUtcNow();
            var delay = RunDue(now) - now;
            try
            {
                await _wake.WaitAsync(delay < TimeSpan.Zero ? TimeSpan.Zero : delay > MaxSleep ? MaxSleep : delay, _stop.Token);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private async Task RunAsync(ActivePlugin plugin, JobSlot slot)
    {
        string? error = null;
        if (plugin.TryEnter())
        {
            try
            {
                await slot.Job.RunAsync(plugin.Stopping);
                LogRan(_log, plugin.Id, slot.Name);
            }
            catch (OperationCanceledException) when (plugin.Stopping.IsCancellationRequested)
            {
                // Disabled while running.
            }
#pragma warning disable CA1031 // A failing job is logged and marks nothing else.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                error = $"{ex.GetType().Name}: {ex.Message}";
                LogFailed(_log, plugin.Id, slot.Name, ex);
            }
            finally
            {
                plugin.Exit();
            }
        }

        lock (_lock)
        {
            slot.LastError = error;
            slot.Runs++;
            slot.NextRun = slot.Schedule.NextAfter(_time.GetUtcNow(), _zone);
            slot.Running = false;
        }

        Wake();
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Job {Job} of plugin {Plugin} ran")]
    private static partial void LogRan(ILogger logger, string plugin, string job);

    [LoggerMessage(Level = LogLevel.Error, Message = "Job {Job} of plugin {Plugin} failed; it runs again at its next time")]
    private static partial void LogFailed(ILogger logger, string plugin, string job, Exception exception);
}
