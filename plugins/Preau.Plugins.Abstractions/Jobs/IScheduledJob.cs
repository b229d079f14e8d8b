namespace Preau.Plugins.Jobs;

/// <summary>Work the server runs on a schedule while the plugin is active (not in CLI runs). A job
/// never overlaps itself; a failing job is logged and marks nothing else (the plugin stays active
/// and the job runs again at its next time).</summary>
public interface IScheduledJob
{
    /// <summary>A short name, unique in the plugin, for logs.</summary>
    string Name { get; }

    /// <summary>When it runs.</summary>
    JobSchedule Schedule { get; }

    /// <summary>Runs once; <paramref name="cancellationToken"/> fires when the plugin is disabled or the server stops.</summary>
    Task RunAsync(CancellationToken cancellationToken);
}

/// <summary>When a job runs: at a fixed interval (first run one interval after activation) or every
/// day at a time of the server's local time zone.</summary>
public sealed class JobSchedule
{
    private JobSchedule(TimeSpan? interval, TimeOnly? dailyAt)
    {
        Interval = interval;
        DailyAt = dailyAt;
    }

    /// <summary>The interval, for an interval schedule.</summary>
    public TimeSpan? Interval { get; }

    /// <summary>The time of day, for a daily schedule.</summary>
    public TimeOnly? DailyAt { get; }

    /// <summary>Every <paramref name="interval"/> (at least one second).</summary>
    public static JobSchedule Every(TimeSpan interval) => interval >= TimeSpan.FromSeconds(1)
        ? new JobSchedule(interval, null)
        : throw new ArgumentOutOfRangeException(nameof(interval), interval, "a job interval is at least one second");

    /// <summary>Every day at <paramref name="time"/>, server local time.</summary>
    public static JobSchedule Daily(TimeOnly time) => new(null, time);

    /// <summary>When the job runs next, strictly after <paramref name="after"/>.</summary>
    /// <param name="after">The reference instant (the previous run, or the activation).</param>
    /// <param name="zone">The time zone of daily times.</param>
    public DateTimeOffset NextAfter(DateTimeOffset after, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        if (Interval is { } interval)
        {
            return after + interval;
        }

        var local = TimeZoneInfo.ConvertTime(after, zone);
        var candidate = new DateTime(DateOnly.FromDateTime(local.DateTime), DailyAt!.Value, DateTimeKind.Unspecified);
        if (candidate <= local.DateTime)
        {
            candidate = candidate.AddDays(1);
        }

        // A local time that does not exist (spring forward) runs at the first instant after the gap.
        while (zone.IsInvalidTime(candidate))
        {
            candidate = candidate.AddMinutes(1);
        }

        return new DateTimeOffset(candidate, zone.GetUtcOffset(candidate));
    }

    /// <inheritdoc/>
    public override string ToString() => Interval is { } i
        ? $"every {i}"
        : $"daily at {DailyAt:HH\\:mm}";
}
