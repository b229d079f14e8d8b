namespace Preau.Plugins.Mail;

/// <summary>Inspects every message before delivery (SMTP, webmail, plugins, mail from outside):
/// accept, reject with a reason (the sender sees it: SMTP answers 550 with it), or hold it in the held
/// queue until an administrator releases or discards it (<c>preau held …</c>).</summary>
/// <remarks>Hooks run one after another; the first rejection wins, then a hold. A hook that throws
/// marks its plugin failed; a hook that throws or runs past <see cref="Timeout"/> is treated by its
/// <see cref="FailurePolicy"/> for that message.</remarks>
public interface ISubmissionHook
{
    /// <summary>A short name for logs, refusals and the held queue ("filtre-mots").</summary>
    string Name { get; }

    /// <summary>How long one inspection may take (the host caps it, 30 s by default).</summary>
    TimeSpan Timeout { get; }

    /// <summary>What a failure or a timeout means for the message.</summary>
    HookFailurePolicy FailurePolicy { get; }

    /// <summary>Decides about one message. Honour <paramref name="cancellationToken"/>: it fires at the timeout.</summary>
    Task<HookVerdict> InspectAsync(SubmittedMessage message, CancellationToken cancellationToken);
}

/// <summary>What a failing or slow hook means for the message.</summary>
public enum HookFailurePolicy
{
    /// <summary>The message goes on as if accepted (a filter whose absence is acceptable).</summary>
    FailOpen,

    /// <summary>The message is refused with a temporary error; the client keeps it and retries.</summary>
    FailClosed,
}

/// <summary>A hook's decision.</summary>
public enum HookDecision
{
    /// <summary>The message goes on.</summary>
    Accept,

    /// <summary>The message is refused; the sender gets the reason.</summary>
    Reject,

    /// <summary>The message waits in the held queue for an administrator.</summary>
    Hold,
}

/// <summary>A hook's decision with its reason.</summary>
/// <param name="Decision">Accept, reject or hold.</param>
/// <param name="Reason">Why: shown to the sender on rejection, to the administrator on hold.</param>
public sealed record HookVerdict(HookDecision Decision, string Reason)
{
    /// <summary>The message goes on.</summary>
    public static HookVerdict Accept { get; } = new(HookDecision.Accept, "");

    /// <summary>The message is refused for <paramref name="reason"/>.</summary>
    public static HookVerdict Reject(string reason) => new(HookDecision.Reject, reason);

    /// <summary>The message is held for <paramref name="reason"/>.</summary>
    public static HookVerdict Hold(string reason) => new(HookDecision.Hold, reason);
}
