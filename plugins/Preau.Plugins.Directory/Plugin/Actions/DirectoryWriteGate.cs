namespace Preau.Plugins.Directory.Plugin.Actions;

/// <summary>One writer of the graph at a time within the plugin: an import (for its whole run, from
/// reading the graph to writing its batch) or one action of the annuaire. An action never writes over
/// a plan computed before it, and an import never plans against a half-written action.</summary>
public sealed class DirectoryWriteGate : IDisposable
{
    private readonly SemaphoreSlim _semaphore = new(1, 1);

    /// <summary>Whether someone holds the gate.</summary>
    public bool Busy => _semaphore.CurrentCount == 0;

    /// <summary>Takes the gate within <paramref name="wait"/>; false when it stayed taken.</summary>
    public Task<bool> EnterAsync(TimeSpan wait, CancellationToken cancellationToken = default) =>
        _semaphore.WaitAsync(wait, cancellationToken);

    /// <summary>Gives the gate back.</summary>
    public void Exit() => _semaphore.Release();

    /// <inheritdoc />
    public void Dispose() => _semaphore.Dispose();
}
