using System.Collections.Concurrent;

namespace Preau.Plugins.Directory.Plugin.Activation;

/// <summary>Counts failed activations per login and per client address: after <c>limit</c> failures in
/// <see cref="Window"/> (5 in 15 minutes by default) the login, or the address, is refused until its
/// oldest failure is out of the window. A success forgets the login's failures (not the address's).
/// In memory: a restart forgets, which costs an attacker a restart of the server.</summary>
public sealed class ActivationThrottle(TimeProvider time, int perLogin = ActivationThrottle.DefaultLimit, int perAddress = ActivationThrottle.DefaultLimit)
{
    /// <summary>Failures allowed in the window, by default.</summary>
    public const int DefaultLimit = 5;

    /// <summary>How long a failure counts.</summary>
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(15);

    private const int SweepAbove = 10_000;

    private readonly ConcurrentDictionary<string, Queue<DateTimeOffset>> _failures = new(StringComparer.Ordinal);

    /// <summary>How long <paramref name="login"/> from <paramref name="address"/> must wait before trying
    /// again; zero when it may try now.</summary>
    public TimeSpan RetryAfter(string login, string address)
    {
        var now = time.GetUtcNow();
        var wait = Wait("login:" + login, perLogin, now);
        var byAddress = Wait("ip:" + address, perAddress, now);
        return byAddress > wait ? byAddress : wait;
    }

    /// <summary>Records a failure of <paramref name="login"/> from <paramref name="address"/>.</summary>
    public void Failed(string login, string address)
    {
        var now = time.GetUtcNow();
        if (_failures.Count > SweepAbove)
        {
            Sweep(now);
        }

        Add("login:" + login, now);
        Add("ip:" + address, now);
    }

    /// <summary>Records a success: the login's failures are forgotten.</summary>
    public void Succeeded(string login) => _failures.TryRemove("login:" + login, out _);

    private TimeSpan Wait(string key, int limit, DateTimeOffset now)
    {
        if (!_failures.TryGetValue(key, out var times))
        {
            return TimeSpan.Zero;
        }

        lock (times)
        {
            Expire(times, now);
            return times.Count < limit ? TimeSpan.Zero : times.ElementAt(times.Count - limit) + Window - now;
        }
    }

    private void Add(string key, DateTimeOffset now)
    {
        var times = _failures.GetOrAdd(key, _ => new Queue<DateTimeOffset>());
        lock (times)
        {
            Expire(times, now);
            times.Enqueue(now);
            if (times.Count > 100)
            {
                times.Dequeue();
            }
        }
    }

    private void Sweep(DateTimeOffset now)
    {
        foreach (var (key, times) in _failures)
        {
            lock (times)
            {
                Expire(times, now);
                if (times.Count == 0)
                {
                    _failures.TryRemove(KeyValuePair.Create(key, times));
                }
            }
        }
    }

    private static void Expire(Queue<DateTimeOffset> times, DateTimeOffset now)
    {
        while (times.Count > 0 && times.Peek() <= now - Window)
        {
            times.Dequeue();
        }
    }
}
