using System.Collections.Concurrent;
using Preau.Core.Accounts;

namespace Preau.Core.Policy;

/// <summary>Per-account sliding windows of messages and recipients sent, against the profile's
/// <see cref="RateLimit"/>. In memory: a restart forgets the windows, which only ever loosens a limit
/// for one window length.</summary>
public sealed class SendRateLimiter
{
    private readonly ConcurrentDictionary<string, Window> _windows = new(StringComparer.Ordinal);
    private readonly Func<PolicySettings> _settings;
    private readonly TimeProvider _time;

    /// <summary>Creates the limiter over the rule table in force.</summary>
    public SendRateLimiter(Func<PolicySettings> settings, TimeProvider time)
    {
        _settings = settings;
        _time = time;
    }

    /// <summary>Null when <paramref name="sender"/> may send one more message with
    /// <paramref name="recipients"/> more recipients; otherwise why and until when.</summary>
    public PolicyDecision? Check(Account sender, int recipients)
    {
        ArgumentNullException.ThrowIfNull(sender);
        var limit = _settings().RateLimitFor(sender.Profile);
        if (limit.Messages <= 0 && limit.Recipients <= 0)
        {
            return null;
        }

        var window = _windows.GetOrAdd(sender.Id, _ => new Window());
        var now = _time.GetUtcNow();
        lock (window)
        {
            window.Trim(now, Max(limit.MessageWindow, limit.RecipientWindow));
            if (limit.Messages > 0)
            {
                var since = now - limit.MessageWindow;
                var sent = window.Events.Count(e => e.At > since);
                if (sent + 1 > limit.Messages)
                {
                    var until = window.Events.Where(e => e.At > since).Min(e => e.At) + limit.MessageWindow;
                    return Blocked(sender, $"{limit.Messages} messages per {Format(limit.MessageWindow)}", until);
                }
            }

            if (limit.Recipients > 0)
            {
                var since = now - limit.RecipientWindow;
                var total = 0;
                foreach (var e in window.Events)
                {
                    if (e.At > since)
                    {
                        total += e.Recipients;
                    }
                }

                if (total + recipients > limit.Recipients)
                {
                    var until = UntilRecipientsFree(window.Events, since, total + recipients - limit.Recipients) + limit.RecipientWindow;
                    return Blocked(sender, $"{limit.Recipients} recipients per {Format(limit.RecipientWindow)}", until);
                }
            }
        }

        return null;
    }

    /// <summary>Records a message sent with this many recipients.</summary>
    public void Record(Account sender, int recipients)
    {
        ArgumentNullException.ThrowIfNull(sender);
        var limit = _settings().RateLimitFor(sender.Profile);
        if (limit.Messages <= 0 && limit.Recipients <= 0)
        {
            return;
        }

        var window = _windows.GetOrAdd(sender.Id, _ => new Window());
        lock (window)
        {
            window.Events.Enqueue((_time.GetUtcNow(), recipients));
        }
    }

    private static DateTimeOffset UntilRecipientsFree(IEnumerable<(DateTimeOffset At, int Recipients)> events, DateTimeOffset since, int excess)
    {
        var freed = 0;
        var at = since;
        foreach (var e in events.Where(e => e.At > since).OrderBy(e => e.At))
        {
            freed += e.Recipients;
            at = e.At;
            if (freed >= excess)
            {
                break;
            }
        }

        return at;
    }

    private static PolicyDecision Blocked(Account sender, string limit, DateTimeOffset until) =>
        PolicyDecision.Refuse(450, "4.7.1", $"{sender.Login} has reached the sending limit of {limit} for {sender.Profile}; try again after {until:yyyy-MM-dd HH:mm:ss} UTC");

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;

    private static string Format(TimeSpan span) =>
        span.TotalHours >= 1 && span.TotalHours == Math.Floor(span.TotalHours) ? $"{span.TotalHours:0} h" : $"{span.TotalMinutes:0} min";

    private sealed class Window
    {
        public Queue<(DateTimeOffset At, int Recipients)> Events { get; } = new();

        public void Trim(DateTimeOffset now, TimeSpan keep)
        {
            while (Events.Count > 0 && Events.Peek().At <= now - keep)
            {
                Events.Dequeue();
            }
        }
    }
}
