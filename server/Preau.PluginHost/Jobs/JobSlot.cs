using Preau.Plugins.Jobs;

namespace Preau.PluginHost.Jobs;

/// <summary>A plugin's job and when it runs next; the scheduler owns the mutable fields (under its lock).</summary>
internal sealed class JobSlot(IScheduledJob job, string name, JobSchedule schedule, DateTimeOffset nextRun)
{
    public IScheduledJob Job { get; } = job;

    public string Name { get; } = name;

    public JobSchedule Schedule { get; } = schedule;

    public DateTimeOffset NextRun { get; set; } = nextRun;

    public bool Running { get; set; }

    /// <summary>How many runs ended (successfully or not): tests and diagnostics.</summary>
    public int Runs { get; set; }

    /// <summary>The last run's error, if it failed.</summary>
    public string? LastError { get; set; }
}
