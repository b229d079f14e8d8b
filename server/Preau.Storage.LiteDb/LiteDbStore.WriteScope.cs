using Preau.Core.Mail;
using Preau.Core.Storage;

namespace Preau.Storage.LiteDb;

public sealed partial class LiteDbStore
{
    /// <summary>The mailboxes and counters one write transaction touches, kept in memory until
    /// <see cref="Save"/>: a group of 256 deliveries into one inbox rewrites that mailbox once.</summary>
    /// <remarks>Lives exactly as long as its transaction; discarded with it on rollback. Holds one
    /// instance per mailbox whether found by name or by id, and <see cref="Save"/> writes every one
    /// it holds: callers mutate them in place. A rename must come after every lookup by name in the
    /// scope (the old name is still in the database until the scope is saved).</remarks>
    private sealed class WriteScope(LiteDbStore store)
    {
        private const string EntryCounter = "entry";
        private const string MailboxCounter = "mailbox";
        private const string UidValidityCounter = "uidvalidity";

        private readonly Dictionary<string, MailboxDoc> _mailboxes = new(StringComparer.Ordinal);
        private readonly Dictionary<string, CounterDoc> _counters = new(StringComparer.Ordinal);
        private readonly HashSet<string> _accountsWithDefaults = new(StringComparer.Ordinal);
        private readonly Dictionary<string, UsageDoc> _usage = new(StringComparer.Ordinal);

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

        /// <summary>The mailbox a delivery goes to; a missing default mailbox is created with the whole
        /// default set, any other missing name is refused (NotFound).</summary>
        public MailboxDoc Mailbox(string accountId, string name)
        {
            var key = MailboxDoc.KeyOf(accountId, name);
            if (Find(key) is { } found)
            {
                return found;
            }

            if (!DefaultMailboxes.All.Any(m => MailboxDoc.KeyOf(accountId, m.Name) == key))
            {
                throw new MailboxStoreException(MailboxError.NotFound, $"Account {accountId} has no mailbox named \"{name}\".");
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

            foreach (var (name, _) in DefaultMailboxes.All)
            {
                if (Find(MailboxDoc.KeyOf(accountId, name)) is null)
                {
                    _ = NewMailbox(accountId, name);
                }
            }
        }

        /// <summary>Creates a mailbox and its missing parents (a missing INBOX brings the default set);
        /// AlreadyExists when the name is taken. <paramref name="name"/> is valid and canonical.</summary>
        public MailboxDoc Create(string accountId, string name)
        {
            if (name == DefaultMailboxes.Inbox || Find(MailboxDoc.KeyOf(accountId, name)) is not null)
            {
                throw new MailboxStoreException(MailboxError.AlreadyExists, $"a mailbox named \"{name}\" exists");
            }

            foreach (var parent in MailboxNames.Parents(name))
            {
                if (parent == DefaultMailboxes.Inbox)
                {
                    EnsureDefaults(accountId);
                }
                else if (Find(MailboxDoc.KeyOf(accountId, parent)) is null)
                {
                    _ = NewMailbox(accountId, parent);
                }
            }

            return NewMailbox(accountId, name);
        }

        /// <summary>A mailbox by id, read inside the transaction (the same instance as by name).</summary>
        public MailboxDoc? ById(long id)
        {
            var stored = store._mailboxes.FindById(id);
            if (stored is null)
            {
                return null;
            }

            if (_mailboxes.TryGetValue(stored.Key, out var cached))
            {
                return cached;
            }

            _mailboxes[stored.Key] = stored;
            return stored;
        }

        /// <summary>Gives a mailbox of this scope a new name (written by <see cref="Save"/>). The store's
        /// Key → id cache forgets the old key; the caller holds the write lock.</summary>
        public void Rename(MailboxDoc mailbox, string newName)
        {
            _ = _mailboxes.Remove(mailbox.Key);
            _ = store._mailboxIds.TryRemove(mailbox.Key, out _);
            mailbox.Name = newName;
            mailbox.Key = MailboxDoc.KeyOf(mailbox.AccountId, newName);
            mailbox.Use = MailboxNames.UseOf(newName);
            _mailboxes[mailbox.Key] = mailbox;
        }

        /// <summary>An account's quota usage as this transaction has it so far.</summary>
        public UsageDoc Usage(string accountId)
        {
            if (!_usage.TryGetValue(accountId, out var usage))
            {
                usage = store._usage.FindById(accountId) ?? new UsageDoc { Id = accountId };
                _usage[accountId] = usage;
            }

            return usage;
        }

        /// <summary>Adds (or with negative numbers removes) entries to an account's usage; written by <see cref="Save"/>.</summary>
        public UsageDoc AddUsage(string accountId, long bytes, long messages)
        {
            var usage = Usage(accountId);
            usage.Bytes += bytes;
            usage.Messages += messages;
            return usage;
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

            if (_usage.Count > 0)
            {
                _ = store._usage.Upsert(_usage.Values);
            }
        }

        /// <summary>A mailbox by key, from this scope or read inside the transaction.</summary>
        public MailboxDoc? Find(string key)
        {
            if (_mailboxes.TryGetValue(key, out var cached))
            {
                return cached;
            }

            // Key → id is cached (rename and delete evict it under the write lock); the document itself is
            // read by primary key inside the transaction (a rolled-back scope must not leave edits behind).
            // A stale entry (the id gone or renamed) is dropped rather than trusted.
            MailboxDoc? stored = null;
            if (store._mailboxIds.TryGetValue(key, out var id))
            {
                stored = store._mailboxes.FindById(id);
                if (stored is null || stored.Key != key)
                {
                    _ = store._mailboxIds.TryRemove(key, out _);
                    stored = null;
                }
            }

            if (stored is null)
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

        private MailboxDoc NewMailbox(string accountId, string name)
        {
            var key = MailboxDoc.KeyOf(accountId, name);
            var mailbox = new MailboxDoc
            {
                Id = Next(MailboxCounter),
                AccountId = accountId,
                Name = MailboxNames.Canonical(name),
                Key = key,
                Use = MailboxNames.UseOf(name),
                UidValidity = NextUidValidity(),
                NextUid = 1,
                HighestModSeq = 1,
            };
            _mailboxes[key] = mailbox;
            return mailbox;
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
