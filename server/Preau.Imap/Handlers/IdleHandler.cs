using Preau.Imap.Protocol.Commands;
using Preau.Imap.Protocol.Writing;
using Preau.Imap.Session;

namespace Preau.Imap.Handlers;

/// <summary>IDLE (RFC 2177): changes are pushed as they happen until the client says DONE.</summary>
internal static class IdleHandler
{
    public static async Task IdleAsync(ImapSession s, IdleCommand c, CancellationToken cancellationToken)
    {
        s.Writer.Continuation("idling");
        s.SendUpdates();
        await s.Connection.FlushAsync(cancellationToken);

        // The wait for changes is cancelled when IDLE ends, so no stale waiter is left on the
        // session's signal to swallow the first change of the next IDLE.
        using var idle = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var done = s.Connection.Reader.ReadLineAsync(cancellationToken).AsTask();
        Task<bool>? changed = null;
        try
        {
            while (true)
            {
                changed = s.WaitForChangeAsync(Timeout.InfiniteTimeSpan, idle.Token);
                if (await Task.WhenAny(done, changed) == done)
                {
                    var line = await done;
                    if (line is null)
                    {
                        s.State = SessionState.Logout;
                        return;
                    }

                    s.SendUpdates();
                    if (string.Equals(line.Trim(), "DONE", StringComparison.OrdinalIgnoreCase))
                    {
                        s.Writer.Status(c.Tag, ImapStatus.Ok, "IDLE terminated");
                    }
                    else
                    {
                        s.Writer.Status(c.Tag, ImapStatus.Bad, "Expected DONE");
                    }

                    return;
                }

                await changed;
                s.SendUpdates();
                await s.Connection.FlushAsync(cancellationToken);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            s.Writer.Status(null, ImapStatus.Bye, "IDLE for too long, logging out");
            s.State = SessionState.Logout;
        }
        finally
        {
            await idle.CancelAsync();
            if (changed is not null)
            {
                await changed.ContinueWith(_ => { }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
            }
        }
    }
}
