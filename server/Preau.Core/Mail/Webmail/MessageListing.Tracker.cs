namespace Preau.Core.Mail.Webmail;

// A kept folder's bookkeeping: its last snapshot and the changes the bus marked since.
public sealed partial class MessageListing
{
    /// <summary>A kept folder: its last snapshot and the UIDs changed since (marked from the bus).</summary>
    private sealed class Tracker
    {
        private HashSet<uint> _changes = [];
        private long _lastUsed = Environment.TickCount64;

        public volatile Snapshot? Current;

        public long LastUsed => Interlocked.Read(ref _lastUsed);

        public bool HasChanges
        {
            get
            {
                var changes = Volatile.Read(ref _changes);
                lock (changes)
                {
                    return changes.Count > 0;
                }
            }
        }

        public void Touch() => Interlocked.Exchange(ref _lastUsed, Environment.TickCount64);

        public void Mark(uint uid)
        {
            while (true)
            {
                var changes = Volatile.Read(ref _changes);
                lock (changes)
                {
                    // The set is swapped only under its own lock: still current here means the mark is taken next time.
                    if (ReferenceEquals(changes, Volatile.Read(ref _changes)))
                    {
                        changes.Add(uid);
                        return;
                    }
                }
            }
        }

        /// <summary>The marks that arrive within <paramref name="wait"/> (taken as soon as there is one), or
        /// none: then the change was never announced (a folder renamed onto this one) and the caller reads whole.</summary>
        public IReadOnlyCollection<uint> WaitForChanges(TimeSpan wait)
        {
            var until = Environment.TickCount64 + (long)wait.TotalMilliseconds;
            var spin = default(SpinWait);
            while (!HasChanges && Environment.TickCount64 < until)
            {
                spin.SpinOnce(sleep1Threshold: 10);
            }

            return TakeChanges();
        }

        /// <summary>The marked UIDs, leaving a fresh set for what comes next (one caller at a time: the tracker's lock).</summary>
        public IReadOnlyCollection<uint> TakeChanges()
        {
            var taken = Volatile.Read(ref _changes);
            lock (taken)
            {
                Volatile.Write(ref _changes, []);
                return [.. taken];
            }
        }
    }
}
