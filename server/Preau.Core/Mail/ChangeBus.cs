using System.Collections.Concurrent;

namespace Preau.Core.Mail;

/// <summary>What happened in a mailbox.</summary>
public enum ChangeKind
{
    /// <summary>A message was added (delivery, copy, append).</summary>
    Added,

    /// <summary>Flags or keywords changed.</summary>
    FlagsChanged,

    /// <summary>A message was expunged.</summary>
    Expunged,
}

/// <summary>One change in one mailbox, with the MODSEQ it produced.</summary>
public sealed record MailboxChange(string AccountId, string MailboxId, ChangeKind Kind, uint Uid, ulong ModSeq);

/// <summary>Announces mailbox changes to whoever watches an account (IMAP IDLE, webmail events, plugins).</summary>
/// <remarks>In-process and synchronous: handlers must be quick and never throw (they usually just
/// signal a session). A handler that throws is isolated so other listeners still hear the change.</remarks>
public sealed class ChangeBus
{
    private readonly ConcurrentDictionary<string, ImmutableHandlers> _byAccount = new(StringComparer.Ordinal);
    private readonly Lock _globalLock = new();
    private volatile Action<MailboxChange>[] _global = [];
    private long _version;

    /// <summary>Listens to the changes of one account until the returned handle is disposed.</summary>
    public IDisposable Subscribe(string accountId, Action<MailboxChange> handler)
    {
        _byAccount.AddOrUpdate(accountId, _ => new([handler]), (_, h) => new([.. h.Items, handler]));
        return new Subscription(() => _byAccount.AddOrUpdate(accountId, _ => new([]), (_, h) => new(h.Items.Where(x => x != handler).ToArray())));
    }

    /// <summary>Listens to every change (plugins' delivery events, statistics).</summary>
    public IDisposable SubscribeAll(Action<MailboxChange> handler)
    {
        lock (_globalLock)
        {
            _global = [.. _global, handler];
        }

        return new Subscription(() =>
        {
            lock (_globalLock)
            {
                _global = _global.Where(x => x != handler).ToArray();
            }
        });
    }

    /// <summary>
    /// Rises with every change published (and every <see cref="Touch"/>), before its listeners are told:
    /// a store read begun once the version reached v reflects every change published up to v.
    /// </summary>
    public long Version => Interlocked.Read(ref _version);

    /// <summary>Marks a committed change that has no listener message (a folder created, renamed,
    /// deleted), so that reads shared through <see cref="Version"/> are taken again.</summary>
    public void Touch() => Interlocked.Increment(ref _version);

    /// <summary>Tells the listeners; call only once the change is committed.</summary>
    public void Publish(MailboxChange change)
    {
        ArgumentNullException.ThrowIfNull(change);
        Touch();
        if (_byAccount.TryGetValue(change.AccountId, out var handlers))
        {
            foreach (var handler in handlers.Items)
            {
                Invoke(handler, change);
            }
        }

        foreach (var handler in _global)
        {
            Invoke(handler, change);
        }
    }

    private static void Invoke(Action<MailboxChange> handler, MailboxChange change)
    {
#pragma warning disable CA1031 // A listener's failure must not stop delivery or other listeners.
        try
        {
            handler(change);
        }
        catch (Exception)
        {
        }
#pragma warning restore CA1031
    }

    private sealed record ImmutableHandlers(Action<MailboxChange>[] Items);

    private sealed class Subscription(Action dispose) : IDisposable
    {
        private Action? _dispose = dispose;

        public void Dispose() => Interlocked.Exchange(ref _dispose, null)?.Invoke();
    }
}
