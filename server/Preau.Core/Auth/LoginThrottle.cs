using System.Collections.Concurrent;

namespace Preau.Core.Auth;

/// <summary>Slows down authentication after failures, per remote address and per login, so that
/// guessing passwords costs time while a user who mistypes once notices nothing.</summary>
/// <remarks>The first <see cref="FreeFailures"/> failures in <see cref="Window"/> cost nothing; each
/// further one doubles the delay from 250 ms up to <see cref="MaxDelay"/>. A success clears the login.</remarks>
public sealed class LoginThrottle
{
    /// <summary>Failures allowed without delay.</summary>
    public const int FreeFailures = 3;

    /// <summary>The longest delay imposed.</summary>
    public static readonly TimeSpan MaxDelay = TimeSpan.FromSeconds(8);

    /// <summary>How long a failure is remembered.</summary>
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(15);

    private readonly ConcurrentDictionary<string, Failures> _byKey = new(StringComparer.OrdinalIgnoreCase);
    private readonly TimeProvider _time;

    /// <summary>Creates the throttle.</summary>
    public LoginThrottle(TimeProvider time) => _time = time;

    /// <summary>How long to wait before answering an attempt from this address for this login.</summary>
    public TimeSpan DelayFor(string remoteAddress, string login)
    {
        var count = Math.Max(Count("ip:" + remoteAddress), Count("login:" + login));
        if (count < FreeFailures)
        {
            return TimeSpan.Zero;
        }

        var ms = 250.0 * Math.Pow(2, Math.Min(count - FreeFailures, 10));
        return TimeSpan.FromMilliseconds(Math.Min(ms, MaxDelay.TotalMilliseconds));
    }

    /// <summary>Records a failure.</summary>
    public void Failed(string remoteAddress, string login)
    {
        Add("ip:" + remoteAddress);
        Add("login:" + login);
    }

    /// <summary>Records a success: the login's failures are forgotten (the address's are kept).</summary>
    public void Succeeded(string login) => _byKey.TryRemove("login:" + login, out _);

    private int Count(string key)
    {
        if (!_byKey.TryGetValue(key, out var failures))
        {
            return 0;
        }

        lock (failures)
        {
            var since = _time.GetUtcNow() - Window;
            while (failures.Times.Count > 0 && failures.Times.Peek() < since)
            {
                failures.Times.Dequeue();
            }

            return failures.Times.Count;
        }
    }

    private void Add(string key)
    {
        var failures = _byKey.GetOrAdd(key, _ => new Failures());
        lock (failures)
        {
            failures.Times.Enqueue(_time.GetUtcNow());
            if (failures.Times.Count > 100)
            {
                failures.Times.Dequeue();
            }
        }
    }

    private sealed class Failures
    {
        public Queue<DateTimeOffset> Times { get; } = new();
    }
}
