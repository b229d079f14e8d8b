using System.Threading.Channels;
using Preau.Core.Mail;

namespace Preau.Storage.LiteDb;

// Group commit: an fsync costs milliseconds whatever it flushes, so deliveries that arrive while one
// is running are written together by a single writer in one transaction followed by one fsync.
// No timer: the next group is simply whatever queued up during the previous write.
public sealed partial class LiteDbStore
{
    /// <summary>Most deliveries written in one transaction; bounds latency and transaction size.</summary>
    private const int MaxGroupSize = 256;

    private readonly Channel<PendingCommit> _commits =
        Channel.CreateUnbounded<PendingCommit>(new UnboundedChannelOptions { SingleReader = true });

    private readonly Thread _writer;

    /// <inheritdoc />
    /// <remarks>The token is honoured until the batch is queued. Once queued it is written whatever
    /// the token says: a caller told "cancelled" must not find the message delivered after all.</remarks>
    public Task<IReadOnlyList<DeliveredEntry>> CommitAsync(DeliveryBatch batch, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(batch);
        if (cancellationToken.IsCancellationRequested)
        {
            return Task.FromCanceled<IReadOnlyList<DeliveredEntry>>(cancellationToken);
        }

        var pending = new PendingCommit(batch);
        if (!_commits.Writer.TryWrite(pending))
        {
            throw new ObjectDisposedException(nameof(LiteDbStore));
        }

        return pending.Done.Task;
    }

    private Thread StartWriter()
    {
        // A dedicated thread rather than a pool task: LiteDB binds transactions to a thread, and the
        // loop blocks in fsync most of the time.
        var thread = new Thread(RunWriter) { IsBackground = true, Name = "Préau index writer" };
        thread.Start();
        return thread;
    }

    private void StopWriter()
    {
        // Queued batches are still written: the loop ends once the channel is empty.
        _ = _commits.Writer.TryComplete();
        _writer.Join();
    }

    private void RunWriter()
    {
        var reader = _commits.Reader;
        var group = new List<PendingCommit>(MaxGroupSize);
        while (WaitForWork(reader))
        {
            while (group.Count < MaxGroupSize && reader.TryRead(out var pending))
            {
                group.Add(pending);
            }

            try
            {
                WriteGroup(group);
            }
            catch (Exception e)
            {
                // The writer must outlive any failure: only this group's callers see it.
                foreach (var pending in group)
                {
                    _ = pending.Done.TrySetException(e);
                }
            }

            group.Clear();
        }
    }

    private static bool WaitForWork(ChannelReader<PendingCommit> reader)
    {
        var wait = reader.WaitToReadAsync();
        return wait.IsCompletedSuccessfully ? wait.Result : wait.AsTask().GetAwaiter().GetResult();
    }

    private void WriteGroup(List<PendingCommit> group)
    {
        var results = new List<DeliveredEntry>?[group.Count];
        var errors = new Exception?[group.Count];
        var committed = new List<WriteScope>();
        LogFlusher log;
        lock (_gate)
        {
            log = _log;
            try
            {
                // Not EnterOutermost: the writer drains the queue after Dispose has begun.
                EnsureOpen();
                log = _log;
                var scope = new WriteScope(this);
                _ = Transact(() =>
                {
                    for (var i = 0; i < group.Count; i++)
                    {
                        // Over quota: this batch writes nothing and fails alone, the group goes on. The
                        // scope holds the usage the earlier batches of the group added: no overshoot.
                        if (CheckQuota(group[i].Batch, scope) is { } over)
                        {
                            errors[i] = over;
                            continue;
                        }

                        results[i] = Apply(group[i].Batch, scope);
                    }

                    scope.Save();
                    return true;
                });
                committed.Add(scope);
            }
            catch (Exception e)
            {
                // One bad batch (unknown mailbox…) must not fail the others: retry each alone.
                Array.Clear(results);
                Array.Clear(errors);
                if (group.Count == 1 || IsEngineFailure(e))
                {
                    // A closed engine fails every batch of the group, as a crash would: whether the
                    // commit reached the log is unknown, so none is written again here.
                    Array.Fill(errors, e);
                }
                else
                {
                    for (var i = 0; i < group.Count; i++)
                    {
                        try
                        {
                            var scope = new WriteScope(this);
                            results[i] = Transact(() =>
                            {
                                if (CheckQuota(group[i].Batch, scope) is { } over)
                                {
                                    throw over;
                                }

                                var delivered = Apply(group[i].Batch, scope);
                                scope.Save();
                                return delivered;
                            });
                            committed.Add(scope);
                        }
                        catch (Exception alone)
                        {
                            errors[i] = alone;
                        }
                    }
                }
            }
        }

        Exception? flushError = null;
        if (Array.Exists(results, r => r is not null))
        {
            try
            {
                log.Flush();
                committed.ForEach(scope => scope.Published());
            }
            catch (Exception e)
            {
                // Committed but not known to be durable: every caller must treat it as failed.
                flushError = e;
            }
        }

        for (var i = 0; i < group.Count; i++)
        {
            if (errors[i] is { } error)
            {
                _ = group[i].Done.TrySetException(error);
            }
            else if (flushError is not null)
            {
                _ = group[i].Done.TrySetException(flushError);
            }
            else
            {
                _ = group[i].Done.TrySetResult(results[i]!);
            }
        }
    }

    /// <summary>A queued batch and the task its caller awaits.</summary>
    private sealed class PendingCommit(DeliveryBatch batch)
    {
        public DeliveryBatch Batch { get; } = batch;

        // Continuations run on the pool, never inline on the writer thread.
        public TaskCompletionSource<IReadOnlyList<DeliveredEntry>> Done { get; } =
            new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
