using System.Collections.Concurrent;
using Preau.Core.Mail;
using Preau.Imap.Protocol.Syntax;

namespace Preau.Imap.Session;

/// <summary>One session's view of its selected mailbox: the sequence numbers it has told the
/// client about, and the changes other sessions and deliveries made since, waiting for a point
/// where RFC 9051 §7 lets the server tell them (never during FETCH, STORE or SEARCH without UID).</summary>
/// <remarks>Sequence number n is <c>_uids[n - 1]</c>. Changes arrive from the change bus on any
/// thread; they are only queued there and applied on the session's own thread.</remarks>
internal sealed class SelectedMailbox : IDisposable
{
    private readonly List<uint> _uids = [];
    private readonly Dictionary<uint, MessageEntry> _entries = [];
    private readonly ConcurrentQueue<MailboxChange> _pending = new();
    private readonly IDisposable _subscription;
    private readonly HashSet<uint> _recent = [];
    private readonly SortedSet<uint> _saved = [];

    /// <summary>Opens the view: it listens for changes first and reads the mailbox after, so a change
    /// committed meanwhile is either in what was read or waits to be told — never lost.</summary>
    public SelectedMailbox(Mailbox mailbox, bool readOnly, Func<(Mailbox Current, IReadOnlyList<MessageEntry> Entries)> load, ChangeBus bus, Action wake)
    {
        ReadOnly = readOnly;
        _subscription = bus.Subscribe(mailbox.AccountId, change =>
        {
            if (change.MailboxId == mailbox.Id)
            {
                _pending.Enqueue(change);
                wake();
            }
        });

        var (current, entries) = load();
        Mailbox = current;
        foreach (var entry in entries)
        {
            _uids.Add(entry.Uid);
            _entries[entry.Uid] = entry;
        }
    }

    public Mailbox Mailbox { get; private set; }

    public bool ReadOnly { get; }

    public uint Count => (uint)_uids.Count;

    public int RecentCount => _recent.Count;

    /// <summary>Whether changes wait to be told.</summary>
    public bool HasPending => !_pending.IsEmpty;

    public IReadOnlyList<uint> Uids => _uids;

    public MessageEntry Entry(uint uid) => _entries[uid];

    public bool IsRecent(uint uid) => _recent.Contains(uid);

    public void MarkRecent(IEnumerable<uint> uids) => _recent.UnionWith(uids);

    /// <summary>The UIDs <c>$</c> stands for (SEARCHRES, RFC 5182): the last SEARCH … RETURN (SAVE)
    /// in this view, less what was expunged since; empty until one.</summary>
    public IReadOnlyCollection<uint> Saved => _saved;

    /// <summary>Whether a UID is in the saved search result.</summary>
    public bool IsSaved(uint uid) => _saved.Contains(uid);

    /// <summary>Replaces the saved search result.</summary>
    public void Save(IEnumerable<uint> uids)
    {
        _saved.Clear();
        _saved.UnionWith(uids);
    }

    /// <summary>Replaces <c>$</c> in <paramref name="set"/> by the saved result: UIDs for a UID command,
    /// the current sequence numbers of those messages otherwise (RFC 5182 §2.1).</summary>
    public SequenceSet WithSaved(SequenceSet set, bool byUid)
    {
        if (!set.IncludesSavedResult)
        {
            return set;
        }

        var numbers = byUid ? _saved : _saved.Select(SequenceOf).Where(seq => seq > 0);
        return set.ResolveSaved(SequenceSet.FromNumbers(numbers));
    }

    /// <summary>1-based sequence number of a UID, or 0 when not in the view.</summary>
    public uint SequenceOf(uint uid)
    {
        var index = _uids.BinarySearch(uid);
        return index < 0 ? 0 : (uint)index + 1;
    }

    /// <summary>The messages a set names, as (sequence number, entry), ascending. For UIDs, '*' is the
    /// highest UID; numbers not in the view are skipped (RFC 9051 §6.4.9).</summary>
    public List<(uint Seq, MessageEntry Entry)> Resolve(SequenceSet set, bool byUid)
    {
        var result = new List<(uint, MessageEntry)>();
        if (_uids.Count == 0)
        {
            return result;
        }

        if (byUid)
        {
            var max = _uids[^1];
            foreach (var (first, last) in set.ToIntervals(max))
            {
                var start = _uids.BinarySearch(first);
                start = start < 0 ? ~start : start;
                for (var i = start; i < _uids.Count && _uids[i] <= last; i++)
                {
                    result.Add(((uint)i + 1, _entries[_uids[i]]));
                }
            }
        }
        else
        {
            foreach (var (first, last) in set.ToIntervals((uint)_uids.Count))
            {
                for (var seq = Math.Max(first, 1); seq <= Math.Min(last, (uint)_uids.Count); seq++)
                {
                    result.Add((seq, _entries[_uids[(int)seq - 1]]));
                }
            }
        }

        result.Sort((a, b) => a.Item1.CompareTo(b.Item1));
        for (var i = result.Count - 1; i > 0; i--)
        {
            if (result[i].Item1 == result[i - 1].Item1)
            {
                result.RemoveAt(i);
            }
        }

        return result;
    }

    /// <summary>Whether a sequence set names numbers beyond the view (a client bug: BAD).</summary>
    public bool OutOfRange(SequenceSet set) => !set.UsesStar && set.HasNumberAbove((uint)_uids.Count);

    /// <summary>Replaces entries the session itself just changed (STORE), so no echo is queued twice.</summary>
    public void Update(MessageEntry entry)
    {
        if (_entries.ContainsKey(entry.Uid))
        {
            _entries[entry.Uid] = entry;
        }
    }

    /// <summary>Applies the queued changes: returns the sequence numbers expunged (in the order to
    /// announce them), whether new messages arrived, and the entries whose flags changed. Only the
    /// messages named by the changes are read again, not the whole mailbox.</summary>
    public SyncResult Sync(Func<IReadOnlyCollection<uint>, IReadOnlyList<MessageEntry>> load, Func<uint, IReadOnlyList<MessageEntry>> loadAfter, Mailbox current)
    {
        Mailbox = current;
        if (_pending.IsEmpty)
        {
            return SyncResult.None;
        }

        var gone = new HashSet<uint>();
        var touched = new HashSet<uint>();
        while (_pending.TryDequeue(out var change))
        {
            (change.Kind == ChangeKind.Expunged ? gone : touched).Add(change.Uid);
        }

        touched.ExceptWith(gone);
        var expunged = new List<(uint Seq, uint Uid)>();
        for (var i = _uids.Count - 1; i >= 0; i--)
        {
            if (gone.Contains(_uids[i]))
            {
                // Announced from the highest sequence number down, so each number stays valid.
                expunged.Add(((uint)i + 1, _uids[i]));
                _entries.Remove(_uids[i]);
                _recent.Remove(_uids[i]);
                _saved.Remove(_uids[i]);
                _uids.RemoveAt(i);
            }
        }

        var flagChanged = new List<MessageEntry>();
        var known = touched.Where(_entries.ContainsKey).ToArray();
        foreach (var entry in known.Length == 0 ? [] : load(known))
        {
            var before = _entries[entry.Uid];
            if (entry.ModSeq != before.ModSeq || entry.Flags != before.Flags || !entry.Keywords.SequenceEqual(before.Keywords))
            {
                _entries[entry.Uid] = entry;
                flagChanged.Add(entry);
            }
        }

        // New messages are read as everything above the last UID shown, not by the UIDs of the
        // notifications: those arrive from concurrent deliveries in any order, while UIDs are given
        // in commit order, so a notification for UID n+1 may come before the one for n.
        var added = new List<uint>();
        if (touched.Count > known.Length)
        {
            var last = _uids.Count == 0 ? 0u : _uids[^1];
            foreach (var entry in loadAfter(last))
            {
                if (!gone.Contains(entry.Uid))
                {
                    _uids.Add(entry.Uid);
                    _entries[entry.Uid] = entry;
                    added.Add(entry.Uid);
                }
            }
        }

        return new SyncResult(expunged, added, flagChanged);
    }

    public void Dispose() => _subscription.Dispose();
}

/// <summary>What <see cref="SelectedMailbox.Sync"/> found: the expunged, the UIDs of new messages (ascending), the changed flags.</summary>
internal sealed record SyncResult(IReadOnlyList<(uint Seq, uint Uid)> Expunged, IReadOnlyList<uint> Added, IReadOnlyList<MessageEntry> FlagsChanged)
{
    public static SyncResult None { get; } = new([], [], []);
}
