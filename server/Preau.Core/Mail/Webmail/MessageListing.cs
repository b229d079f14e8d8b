using System.Collections.Concurrent;
using Preau.Core.Accounts;
using Preau.Core.Graph;
using Preau.Core.Search;

namespace Preau.Core.Mail.Webmail;

/// <summary>
/// Message lists for the webmail: folder counts and sorted, filtered pages, from the listing summaries
/// stored with each entry (no message file is read, except the search index's text for a text filter).
/// </summary>
/// <remarks>
/// A folder's entries are read once and then kept current: every change the <see cref="ChangeBus"/>
/// announces for a kept folder marks its UID, and the next request reads again only the marked messages
/// (a flag change costs one small index read, not 10,000 entries). A snapshot is tagged with the mailbox's
/// <see cref="Mailbox.HighestModSeq"/> and <see cref="Mailbox.NextUid"/>, which every change raises; the
/// marks are taken before the tag and the entries are read after it, so a snapshot is never older than its
/// tag. A tag that moved without marks waits briefly for them (a change committed but not yet announced: the
/// bus tells listeners right after the commit); if none come (a folder renamed onto it), the folder is read whole. Sort orders are built once per snapshot and kept across flag changes
/// (no sort key depends on flags); the decoded addresses and sort keys of a message are kept per blob.
/// </remarks>
public sealed partial class MessageListing
{
    /// <summary>The largest page.</summary>
    public const int MaxLimit = 500;

    private static readonly string[] ReplyPrefixes = ["re", "fwd", "fw", "tr", "aw", "wg", "rif", "sv", "vs"];
    /// <summary>Past this many changed messages, a folder is read again whole rather than message by message.</summary>
    private const int MaxIncremental = 2000;

    /// <summary>How long a refresh waits for the announcement of a change already committed.</summary>
    private static readonly TimeSpan AnnouncementWait = TimeSpan.FromMilliseconds(50);

    private readonly MailboxService _mailboxes;
    private readonly int _capacity;
    private readonly ConcurrentDictionary<string, Tracker> _trackers = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Headers> _headers = new(StringComparer.Ordinal);

    /// <summary>Creates the listing over the mailbox service (which checks ownership), kept current by the bus.</summary>
    /// <param name="mailboxes">The mailboxes.</param>
    /// <param name="bus">Where changes are announced (every change of a kept folder marks its message).</param>
    /// <param name="capacity">Folders whose entries are kept at once.</param>
    public MessageListing(MailboxService mailboxes, ChangeBus bus, int capacity = 512)
    {
        ArgumentNullException.ThrowIfNull(bus);
        _mailboxes = mailboxes ?? throw new ArgumentNullException(nameof(mailboxes));
        _capacity = capacity;
        bus.SubscribeAll(change =>
        {
            if (_trackers.TryGetValue(change.MailboxId, out var tracker))
            {
                tracker.Mark(change.Uid);
            }
        });
    }

    /// <summary>The counts of one of the account's folders, as <paramref name="mailbox"/> was just read.</summary>
    /// <param name="account">The owner.</param>
    /// <param name="mailbox">The folder, read just now (<see cref="MailboxService.List"/>).</param>
    public FolderCounts Counts(Account account, Mailbox mailbox)
    {
        var snapshot = Load(account, mailbox);
        return new FolderCounts(snapshot.Entries.Length, snapshot.Unread);
    }

    /// <summary>A page of one of the account's folders (NotFound when the folder is not theirs).</summary>
    /// <param name="account">The owner.</param>
    /// <param name="mailboxId">The folder.</param>
    /// <param name="query">Sort, window, filters.</param>
    /// <param name="cancellationToken">Stops a text search.</param>
    public ListingPage Page(Account account, string mailboxId, ListingQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentOutOfRangeException.ThrowIfNegative(query.Offset);
        ArgumentOutOfRangeException.ThrowIfLessThan(query.Limit, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(query.Limit, MaxLimit);
        var snapshot = Load(account, _mailboxes.Get(account, mailboxId));
        var order = snapshot.Order(query.Sort);
        var needle = string.IsNullOrWhiteSpace(query.Text) ? null : FoldedText.Needle(query.Text.Trim());
        var reader = needle is null ? null : _mailboxes.Reader(account, mailboxId);
        var filtered = needle is not null || query.UnreadOnly || query.FlaggedOnly;
        if (!filtered)
        {
            var window = Enumerable.Range(query.Offset, Math.Max(0, Math.Min(query.Limit, order.Length - query.Offset)))
                .Select(i => Describe(snapshot.Entries[order[query.Descending ? order.Length - 1 - i : i]]))
                .ToArray();
            return new ListingPage(order.Length, window);
        }

        var items = new List<ListedMessage>(query.Limit);
        var total = 0;
        for (var i = 0; i < order.Length; i++)
        {
            if ((i & 255) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            var entry = snapshot.Entries[order[query.Descending ? order.Length - 1 - i : i]];
            if ((query.UnreadOnly && entry.Flags.HasFlag(MessageFlags.Seen))
                || (query.FlaggedOnly && !entry.Flags.HasFlag(MessageFlags.Flagged))
                || (needle is not null && !reader!.Text(entry).InText(needle)))
            {
                continue;
            }

            if (total >= query.Offset && items.Count < query.Limit)
            {
                items.Add(Describe(entry));
            }

            total++;
        }

        return new ListingPage(total, items);
    }

    /// <summary>A message as lists show it (addresses decoded once per blob).</summary>
    /// <param name="entry">The entry.</param>
    public ListedMessage Describe(MessageEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var headers = HeadersOf(entry);
        return new ListedMessage(entry, headers.From, headers.To, DateOf(entry));
    }

    /// <summary>The date lists show and sort by: the Date: header, else the arrival.</summary>
    /// <param name="entry">The entry.</param>
    public static DateTimeOffset DateOf(MessageEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return entry.Summary.Date ?? entry.InternalDate;
    }

    /// <summary>The subject as sorted: prefixes such as "Re:" and "TR :" removed, accents and case folded.</summary>
    /// <param name="subject">The subject.</param>
    public static string SubjectKey(string subject)
    {
        var rest = (subject ?? "").TrimStart();
        var stripped = true;
        while (stripped)
        {
            stripped = false;
            foreach (var prefix in ReplyPrefixes)
            {
                if (rest.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
                {
                    var after = rest[prefix.Length..].TrimStart();
                    if (after.StartsWith(':'))
                    {
                        rest = after[1..].TrimStart();
                        stripped = true;
                        break;
                    }
                }
            }
        }

        return Slug.Fold(rest, ' ');
    }

    /// <summary>The sender as sorted: the display name before "&lt;", else the address, accents and case
    /// folded. Plain string work rather than a full address parse: it runs over every message of a folder.</summary>
    /// <param name="from">The From: value.</param>
    public static string FromKey(string from)
    {
        var value = (from ?? "").Trim();
        var lt = value.IndexOf('<', StringComparison.Ordinal);
        var name = lt > 0 ? value[..lt].Trim().Trim('"').Trim() : "";
        var key = name.Length > 0 ? name : lt >= 0 ? value[(lt + 1)..].TrimEnd().TrimEnd('>') : value;
        return Slug.Fold(key, ' ');
    }

    private Headers HeadersOf(MessageEntry entry)
    {
        if (_headers.TryGetValue(entry.BlobHash, out var known))
        {
            return known;
        }

        if (_headers.Count >= 200_000)
        {
            // Decoded headers are cheap to rebuild: forget them all rather than track ages.
            _headers.Clear();
        }

        var headers = new Headers(PersonAddress.ParseList(entry.Summary.From).FirstOrDefault(), PersonAddress.ParseList(entry.Summary.To));
        _headers[entry.BlobHash] = headers;
        return headers;
    }

    private Snapshot Load(Account account, Mailbox mailbox)
    {
        ArgumentNullException.ThrowIfNull(account);
        ArgumentNullException.ThrowIfNull(mailbox);
        if (mailbox.AccountId != account.Id)
        {
            throw new Storage.MailboxStoreException(Storage.MailboxError.NotFound, "no such mailbox");
        }

        var tracker = _trackers.GetOrAdd(mailbox.Id, _ => new Tracker());
        tracker.Touch();
        if (tracker.Current is { } current && !tracker.HasChanges && current.ModSeq == mailbox.HighestModSeq && current.NextUid == mailbox.NextUid)
        {
            return current;
        }

        if (_trackers.Count > _capacity)
        {
            foreach (var old in _trackers.OrderBy(t => t.Value.LastUsed).Take(_capacity / 4).ToArray())
            {
                _trackers.TryRemove(old);
            }
        }

        lock (tracker)
        {
            // Changes announced from here on are kept for the next refresh; those before are applied now.
            var previous = tracker.Current;
            var changed = tracker.TakeChanges();
            var state = _mailboxes.Get(account, mailbox.Id);
            var moved = previous is not null && (previous.ModSeq != state.HighestModSeq || previous.NextUid != state.NextUid);
            if (previous is not null && changed.Count == 0 && !moved)
            {
                return previous;
            }

            if (moved && changed.Count == 0)
            {
                // Committed but not announced yet: the bus tells listeners right after each commit, so the
                // marks follow within moments. Waiting for them costs far less than reading the folder whole,
                // which under load (deliveries landing while users list) happened hundreds of times a minute.
                changed = tracker.WaitForChanges(AnnouncementWait);
            }

            // Without marks for a change (a folder renamed onto it, a change committed but not yet announced),
            // or with too many, the folder is read whole; otherwise only the marked messages are read again.
            var snapshot = previous is null || changed.Count == 0 || changed.Count > MaxIncremental
                ? new Snapshot(state.HighestModSeq, state.NextUid, [.. _mailboxes.Messages(account, mailbox.Id)], null)
                : previous.Apply(state, changed, _mailboxes.Messages(account, mailbox.Id, changed));
            tracker.Current = snapshot;
            return snapshot;
        }
    }

    private sealed record Headers(PersonAddress? From, IReadOnlyList<PersonAddress> To);

    /// <summary>A folder's entries at one state, with its sort orders built on first use.</summary>
    private sealed class Snapshot
    {
        private readonly ConcurrentDictionary<ListingSort, Lazy<int[]>> _orders;

        public Snapshot(ulong modSeq, uint nextUid, MessageEntry[] entries, ConcurrentDictionary<ListingSort, Lazy<int[]>>? orders)
        {
            ModSeq = modSeq;
            NextUid = nextUid;
            Entries = entries;
            Unread = entries.Count(e => !e.Flags.HasFlag(MessageFlags.Seen));
            _orders = orders ?? new();
        }

        public ulong ModSeq { get; }

        public uint NextUid { get; }

        public MessageEntry[] Entries { get; }

        public int Unread { get; }

        /// <summary>This snapshot with the messages of <paramref name="uids"/> replaced by what the store holds
        /// now (<paramref name="current"/>; a UID missing there was expunged). When only flags changed, the
        /// positions are the same and the sort orders (which never depend on flags) are kept.</summary>
        public Snapshot Apply(Mailbox state, IReadOnlyCollection<uint> uids, IReadOnlyList<MessageEntry> current)
        {
            var byUid = current.ToDictionary(e => e.Uid);
            var sameSet = current.Count == uids.Count;
            var entries = new List<MessageEntry>(Entries.Length + current.Count);
            var present = 0;
            foreach (var entry in Entries)
            {
                if (byUid.Remove(entry.Uid, out var updated))
                {
                    entries.Add(updated);
                    present++;
                }
                else if (!uids.Contains(entry.Uid))
                {
                    entries.Add(entry);
                }
            }

            sameSet &= present == uids.Count;
            if (byUid.Count > 0)
            {
                entries.AddRange(byUid.Values);
                entries.Sort((a, b) => a.Uid.CompareTo(b.Uid));
            }

            return new Snapshot(state.HighestModSeq, state.NextUid, [.. entries], sameSet ? _orders : null);
        }

        /// <summary>Indexes into <see cref="Entries"/>, ascending by the key, ties by UID (entries are in UID order).</summary>
        public int[] Order(ListingSort sort) =>
            _orders.GetOrAdd(sort, s => new Lazy<int[]>(() => Build(s))).Value;

        private int[] Build(ListingSort sort)
        {
            var order = Enumerable.Range(0, Entries.Length).ToArray();
            switch (sort)
            {
                case ListingSort.Date:
                    Sort(order, Entries.Select(e => DateOf(e).UtcTicks).ToArray());
                    break;
                case ListingSort.Size:
                    Sort(order, Entries.Select(e => e.Size).ToArray());
                    break;
                case ListingSort.From:
                    Sort(order, Entries.Select(e => FromKey(e.Summary.From)).ToArray());
                    break;
                default:
                    Sort(order, Entries.Select(e => SubjectKey(e.Summary.Subject)).ToArray());
                    break;
            }

            return order;
        }

        private static void Sort<TKey>(int[] order, TKey[] keys)
        {
            // A stable sort keeps UID order among equal keys (entries come in UID order).
            var comparer = typeof(TKey) == typeof(string) ? (IComparer<TKey>)(object)StringComparer.Ordinal : Comparer<TKey>.Default;
            var sorted = order.OrderBy(i => keys[i], comparer).ToArray();
            sorted.CopyTo(order, 0);
        }
    }
}
