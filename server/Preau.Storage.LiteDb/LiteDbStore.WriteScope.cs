using LiteDB;
using Preau.Core.Mail;

namespace Preau.Storage.LiteDb;

public sealed partial class LiteDbStore
{
    /// <summary>The mailboxes and counters one write transaction touches, kept in memory until
    /// <see cref="Save"/>: a group of 256 deliveries into one inbox rewrites that mailbox once.</summary>
    /// <remarks>Lives exactly as long as its transaction; discarded with it on rollback.</remarks>
    private sealed class WriteScope(LiteDbStore store)
    {
        private const string EntryCounter = "entry";
        private const string MailboxCounter = "mailbox";
        private const string UidValidityCounter = "uidvalidity";

        private readonly Dictionary<string, MailboxDoc> _mailboxes = new(StringComparer.Ordinal);
        private readonly Dictionary<string, CounterDoc> _counters = new(StringComparer.Ordinal);
        private readonly HashSet<string> _accountsWithDefaults = new(StringComparer.Ordinal);

        /// <summary>Reply grants this scope wrote; known to the store's cache once committed and flushed.</summary>
        public List<string> NewGrants { get; } = [];

        /// <summary>After a durable commit: remember the grants written.</summary>
        public void Published()
        {
            foreach (var key in NewGrants)
            {
                store._knownGrants[key] = true;
            }
        }

        /// <summary>The mailbox a delivery goes to; a missing default mailbox is created with the whole default set.</summary>
        public MailboxDoc Mailbox(string accountId, string name)
        {
            var key = MailboxDoc.KeyOf(accountId, name);
            if (Find(key) is { } found)
            {
                return found;
            }

            if (!DefaultMailboxes.All.Any(m => MailboxDoc.KeyOf(accountId, m.Name) == key))
            {
                throw new InvalidOperationException($"Account {accountId} has no mailbox named \"{name}\".");
            }

            EnsureDefaults(accountId);
            return Find(key)!;
        }

        /// <summary>Creates the default mailboxes of an account where missing.</summary>
        public void EnsureDefaults(string accountId)
        {
            if (!_accountsWithDefaults.Add(accountId))
            {
                return;
            }

            foreach (var (name, use) in DefaultMailboxes.All)
            {
                var key = MailboxDoc.KeyOf(accountId, name);
                if (Find(key) is null)
                {
                    _mailboxes[key] = new MailboxDoc
                    {
                        Id = Next(MailboxCounter),
                        AccountId = accountId,
                        Name = name,
                        Key = key,
                        Use = use,
                        UidValidity = NextUidValidity(),
                        NextUid = 1,
                        HighestModSeq = 1,
                    };
                }
            }
        }

        /// <summary>A new message entry id; ids are never reused, even after expunge.</summary>
        public long NextEntryId() => Next(EntryCounter);

        /// <summary>Writes the touched mailboxes and counters into the transaction.</summary>
        public void Save()
        {
            _ = store._mailboxes.Upsert(_mailboxes.Values);

            foreach (var counter in _counters.Values)
            {
                _ = store._counters.Upsert(counter);
            }
        }

        private MailboxDoc? Find(string key)
        {
            if (_mailboxes.TryGetValue(key, out var cached))
            {
                return cached;
            }

            // Key → id never changes for a mailbox, so it is cached; the document itself is read by
            // primary key inside the transaction (a rolled-back scope must not leave edits behind).
            MailboxDoc? stored;
            if (store._mailboxIds.TryGetValue(key, out var id))
            {
                stored = store._mailboxes.FindById(id);
            }
            else
            {
                stored = store._mailboxes.FindOne(Filters.Eq(nameof(MailboxDoc.Key), key));
                if (stored is not null)
                {
                    store._mailboxIds[key] = stored.Id;
                }
            }

            if (stored is not null)
            {
                _mailboxes[key] = stored;
            }

            return stored;
        }

        // Unix seconds now, but always above the last one handed out: a mailbox deleted and created
        // again under the same name within a second must still get a new UIDVALIDITY.
        private long NextUidValidity()
        {
            var now = store._time.GetUtcNow().ToUnixTimeSeconds();
            var value = Next(UidValidityCounter, Math.Clamp(now, 1, uint.MaxValue));
            if (value > uint.MaxValue)
            {
                throw new InvalidOperationException("UIDVALIDITY space exhausted.");
            }

            return value;
        }

        private long Next(string name, long floor = 1)
        {
            if (!_counters.TryGetValue(name, out var counter))
            {
                counter = store._counters.FindById(name) ?? new CounterDoc { Id = name };
                _counters[name] = counter;
            }

            counter.Value = Math.Max(counter.Value + 1, floor);
            return counter.Value;
        }
    }
}
