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
        var done = s.Connection.Reader.ReadLineAsync(cancellationToken).AsTask();
        try
        {
            while (true)
            {
                var changed = s.WaitForChangeAsync(Timeout.InfiniteTimeSpan, cancellationToken);
                var first = await Task.WhenAny(done, changed);
                if (first == done)
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
        catch (OperationCanceledException)
        {
            s.Writer.Status(null, ImapStatus.Bye, "IDLE for too long, logging out");
            s.State = SessionState.Logout;
        }
    }
}
