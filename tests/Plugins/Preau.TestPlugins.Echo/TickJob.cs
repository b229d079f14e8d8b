using System.Globalization;
using Preau.Plugins;
using Preau.Plugins.Jobs;
using Preau.Plugins.Storage;

namespace Preau.TestPlugins.Echo;

/// <summary>Counts its runs in the store; every other run fails (a failing job must not mark the plugin).</summary>
public sealed class TickJob(PluginContext context, IPluginStore store) : IScheduledJob
{
    /// <inheritdoc />
    public string Name => "tick";

    /// <inheritdoc />
    public JobSchedule Schedule => JobSchedule.Every(TimeSpan.FromMilliseconds(
        context.Settings.TryGetValue("JobIntervalMs", out var ms) ? int.Parse(ms, CultureInfo.InvariantCulture) : 3_600_000));

    /// <inheritdoc />
    public Task RunAsync(CancellationToken cancellationToken)
    {
        var ticks = store.Collection<Counter>("ticks");
        var count = (ticks.Get("tick")?.Count ?? 0) + 1;
        ticks.Put("tick", new Counter(count));
        return count % 2 == 0 ? throw new InvalidOperationException($"panne volontaire de la tâche ({count})") : Task.CompletedTask;
    }
}
