using System.Collections.Concurrent;

namespace Preau.Plugins.Directory.Plugin;

/// <summary>An import started through the API: its latest progress, then its report.</summary>
public sealed class ImportJob : IProgress<ImportProgress>
{
    /// <summary>The job id.</summary>
    public required string Id { get; init; }

    /// <summary>Who started it (login).</summary>
    public required string Owner { get; init; }

    /// <summary>When it started.</summary>
    public DateTimeOffset Started { get; init; }

    /// <summary>Whether it is a dry run.</summary>
    public bool DryRun { get; init; }

    /// <summary>The latest progress.</summary>
    public ImportProgress? Progress { get; private set; }

    /// <summary>The report, once done.</summary>
    public ImportReport? Result { get; set; }

    /// <summary>"running" or "done".</summary>
    public string State => Result is null ? "running" : "done";

    /// <inheritdoc />
    public void Report(ImportProgress value) => Progress = value;
}

/// <summary>The API's recent import jobs (the last 20), in memory.</summary>
public sealed class ImportJobs
{
    private const int Kept = 20;
    private readonly ConcurrentDictionary<string, ImportJob> _jobs = new(StringComparer.Ordinal);

    /// <summary>Records a new job.</summary>
    public ImportJob Start(string owner, bool dryRun, DateTimeOffset now)
    {
        var job = new ImportJob { Id = Guid.NewGuid().ToString("N"), Owner = owner, Started = now, DryRun = dryRun };
        _jobs[job.Id] = job;
        foreach (var old in _jobs.Values.OrderByDescending(j => j.Started).Skip(Kept))
        {
            _jobs.TryRemove(old.Id, out _);
        }

        return job;
    }

    /// <summary>The job with this id, if kept.</summary>
    public ImportJob? Find(string id) => _jobs.GetValueOrDefault(id);
}
