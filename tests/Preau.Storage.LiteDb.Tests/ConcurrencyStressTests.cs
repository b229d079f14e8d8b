using System.Collections.Concurrent;
using Preau.Core.Mail;
using Preau.Core.Storage;

namespace Preau.Storage.LiteDb.Tests;

/// <summary>Many threads on one store at once, the way 200 webmail and IMAP users use it: deliveries, flag
/// changes and expunges beside listings and lookups of every mailbox. LiteDB 5.0.21's page cache breaks
/// under concurrent use (<c>Page type must be data page</c>, then every read fails): the store must not.</summary>
/// <remarks>
/// The amount of work is fixed (operations, not seconds). Each worker writes only to its own account, so
/// it knows exactly what that account must hold, and reads every account; everything it reads must be
/// well formed, and what it reads of its own account must be exactly what it wrote.
/// </remarks>
public sealed class ConcurrencyStressTests : MailboxStoreTest
{
    // More threads than cores, so that threads are preempted in the middle of LiteDB calls. The first
    // ones each own an account (they write to it and know what it holds); the others only read.
    private const int Workers = 32;
    private const int Accounts = 16;
    private const int PrefilledPerAccount = 200;
    private const int OperationsPerWorker = 75;

    // Two summaries per page: an index of about 3,300 pages (26 MB), twice what LiteDB keeps in its page
    // cache once grown (1,662 pages), so the cache recycles pages all the time: where LiteDB's race lies.
    private static readonly string LongSubject = new('s', 4000);

    [Test]
    public async Task ManyThreads_ReadsBesideDeliveriesFlagsAndExpunges_NoFailureAndExactContents()
    {
        var accounts = Enumerable.Range(0, Accounts).Select(i => $"eleve{i:00}").ToArray();
        var expected = accounts.Select(_ => new SortedDictionary<uint, bool>()).ToArray();
        using (var store = new LiteDbStore(DataDir))
        {
            await PrefillAsync(store, accounts, expected);
            var inboxes = accounts.Select(a => Box(store, a, DefaultMailboxes.Inbox).Id).ToArray();
            var failures = new ConcurrentQueue<Exception>();
            var threads = Enumerable.Range(0, Workers)
                .Select(w => new Thread(() => RunWorker(store, w, accounts, inboxes, w < Accounts ? expected[w] : null, failures)) { IsBackground = true })
                .ToList();
            threads.ForEach(t => t.Start());
            threads.ForEach(t => t.Join());

            Assert.That(failures.Count, Is.Zero, () => $"{failures.Count} workers failed, the first: {failures.First()}");
            AssertContents(store, accounts, expected);
        }

        // What was acknowledged is on disk: the same contents after a reopen.
        using var reopened = new LiteDbStore(DataDir);
        AssertContents(reopened, accounts, expected);
    }

    private static async Task PrefillAsync(LiteDbStore store, string[] accounts, SortedDictionary<uint, bool>[] expected)
    {
        // Every message has its own blob, so the index holds thousands of distinct documents and pages.
        var commits = new List<Task<IReadOnlyList<DeliveredEntry>>>();
        for (var i = 0; i < PrefilledPerAccount; i++)
        {
            for (var a = 0; a < accounts.Length; a++)
            {
                var batch = Batch(FakeHash((a * 100_000) + i), new LocalDelivery(accounts[a], DefaultMailboxes.Inbox));
                commits.Add(store.CommitAsync(batch with { Size = 1000 + i, Summary = Summary(LongSubject + i) }));
            }
        }

        foreach (var delivered in await Task.WhenAll(commits))
        {
            var entry = delivered.Single();
            expected[Array.IndexOf(accounts, entry.AccountId)][entry.Uid] = false;
        }
    }

    private static void RunWorker(
        LiteDbStore store, int worker, string[] accounts, string[] inboxes, SortedDictionary<uint, bool>? mine, ConcurrentQueue<Exception> failures)
    {
        var random = new Random(worker);
        var account = accounts[worker % Accounts];
        var inbox = inboxes[worker % Accounts];
        var nextHash = (worker * 100_000) + PrefilledPerAccount;
        try
        {
            for (var op = 0; op < OperationsPerWorker && failures.IsEmpty; op++)
            {
                var other = random.Next(accounts.Length);
                switch (random.Next(mine is null ? 16 : 20))
                {
                    case < 7:
                        // A folder listing, as SELECT and the webmail's first read of a folder make.
                        var listed = store.GetMessages(inboxes[other]);
                        AssertWellFormed(listed, inboxes[other]);
                        if (other == worker && mine is not null)
                        {
                            Check(listed.Select(m => m.Uid).SequenceEqual(mine.Keys), "own listing differs from what was written");
                        }

                        break;
                    case < 13:
                        // The entries a change names, as IDLE sessions and the webmail re-read them.
                        var uids = Enumerable.Range(0, 8).Select(_ => (uint)random.Next(1, PrefilledPerAccount + 60)).ToList();
                        var some = store.GetMessages(inboxes[other], uids);
                        AssertWellFormed(some, inboxes[other]);
                        Check(some.All(m => uids.Contains(m.Uid)), "an entry that was not asked for");
                        break;
                    case < 15:
                        var mailbox = store.GetMailbox(inboxes[other]);
                        Check(mailbox is { Name: DefaultMailboxes.Inbox } && mailbox.Id == inboxes[other], "GetMailbox lost the INBOX");
                        Check(store.FindMailbox(accounts[other], DefaultMailboxes.Inbox)?.Id == inboxes[other], "FindMailbox lost the INBOX");
                        Check(store.GetMailboxes(accounts[other]).Any(m => m.Id == inboxes[other]), "GetMailboxes lost the INBOX");
                        break;
                    case < 16:
                        var count = store.CountMessages(inboxes[other]);
                        Check(other != worker || mine is null || count == mine.Count, "own count differs from what was written");
                        _ = store.GetMessagesAfter(inboxes[other], (uint)random.Next(PrefilledPerAccount));
                        _ = store.GetUsage(accounts[other]);
                        break;
                    case < 17 when mine is not null:
                        var delivered = store.CommitAsync(Batch(FakeHash(nextHash++), new LocalDelivery(account, DefaultMailboxes.Inbox)) with { Size = 2000 })
                            .GetAwaiter().GetResult().Single();
                        Check(delivered.MailboxId == inbox && !mine.ContainsKey(delivered.Uid) && delivered.Uid > mine.Keys.LastOrDefault(), "delivery UID");
                        mine[delivered.Uid] = false;
                        break;
                    case < 19 when mine is not null:
                        var uid = Pick(mine, random);
                        var seen = !mine[uid];
                        var update = new FlagUpdate(seen ? FlagOperation.Add : FlagOperation.Remove, MessageFlags.Seen, []);
                        var result = store.UpdateFlags(inbox, [uid], update);
                        Check(result.Changed.Single().Uid == uid, "flag change did not report its entry");
                        mine[uid] = seen;
                        break;
                    case < 20 when mine is not null:
                        var gone = Pick(mine, random);
                        _ = store.UpdateFlags(inbox, [gone], new FlagUpdate(FlagOperation.Add, MessageFlags.Deleted, []));
                        var expunged = store.Expunge(inbox, [gone]);
                        Check(expunged.Uids.SequenceEqual([gone]), "expunge did not remove exactly its entry");
                        _ = mine.Remove(gone);
                        break;
                    default:
                        throw new InvalidOperationException("a reader drew a write");
                }
            }
        }
        catch (Exception e)
        {
            failures.Enqueue(e);
        }
    }

    private static uint Pick(SortedDictionary<uint, bool> mine, Random random) => mine.Keys.ElementAt(random.Next(mine.Count));

    private static void AssertWellFormed(IReadOnlyList<MessageEntry> entries, string mailboxId)
    {
        for (var i = 0; i < entries.Count; i++)
        {
            Check(entries[i].MailboxId == mailboxId, "an entry of another mailbox");
            Check(i == 0 || entries[i].Uid > entries[i - 1].Uid, "entries out of UID order");
            Check(entries[i].BlobHash.Length == 64 && entries[i].Summary.Subject.Length > 0, "an entry without its blob or summary");
        }
    }

    private static void Check(bool condition, string what)
    {
        if (!condition)
        {
            throw new InvalidOperationException(what);
        }
    }

    private static void AssertContents(LiteDbStore store, string[] accounts, SortedDictionary<uint, bool>[] expected)
    {
        for (var a = 0; a < accounts.Length; a++)
        {
            var inbox = Box(store, accounts[a], DefaultMailboxes.Inbox);
            var entries = store.GetMessages(inbox.Id);
            Assert.That(entries.Select(e => e.Uid), Is.EqualTo(expected[a].Keys), accounts[a]);
            Assert.That(entries.Select(e => e.Flags.HasFlag(MessageFlags.Seen)), Is.EqualTo(expected[a].Values), accounts[a]);
            Assert.That(store.CountMessages(inbox.Id), Is.EqualTo(expected[a].Count), accounts[a]);
            Assert.That(store.UsedBytes(accounts[a]), Is.EqualTo(entries.Sum(e => e.Size)), accounts[a]);
            Assert.That(inbox.NextUid, Is.GreaterThan(entries[^1].Uid), accounts[a]);
        }
    }
}
