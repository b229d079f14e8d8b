using Preau.Core.Accounts;
using Preau.Core.Mail;
using Preau.Core.Policy;

namespace Preau.Core.Extensions;

/// <summary>Inspects a message after its recipients and content were accepted and before it is
/// delivered: accept it, reject it with a reason, or hold it for an administrator.</summary>
/// <remarks>Hooks run one after another in <see cref="SubmissionTransaction.CommitAsync"/>. Each is given
/// <see cref="Timeout"/>; a hook that throws or runs past it is treated by its <see cref="FailurePolicy"/>.</remarks>
public interface ISubmissionHook
{
    /// <summary>Who inspects, in words (a plugin id and hook name), for logs, refusals and the held queue.</summary>
    string Name { get; }

    /// <summary>How long the hook may take.</summary>
    TimeSpan Timeout { get; }

    /// <summary>What happens to the message when the hook fails or times out.</summary>
    HookFailurePolicy FailurePolicy { get; }

    /// <summary>Decides about one message.</summary>
    Task<HookVerdict> InspectAsync(SubmissionInspection message, CancellationToken cancellationToken);
}

/// <summary>What a failing hook means for the message.</summary>
public enum HookFailurePolicy
{
    /// <summary>The message goes on as if the hook had accepted it.</summary>
    FailOpen,

    /// <summary>The message is refused with a temporary error (the client keeps it and retries).</summary>
    FailClosed,
}

/// <summary>A hook's decision.</summary>
public enum HookAction
{
    /// <summary>The message goes on.</summary>
    Accept,

    /// <summary>The message is refused; the sender gets the reason.</summary>
    Reject,

    /// <summary>The message is kept in the held queue until an administrator releases or discards it.</summary>
    Hold,
}

/// <summary>A hook's decision and its reason.</summary>
/// <param name="Action">Accept, reject or hold.</param>
/// <param name="Reason">Why (shown to the sender on rejection, to the administrator on hold).</param>
public sealed record HookVerdict(HookAction Action, string Reason)
{
    /// <summary>The message goes on.</summary>
    public static HookVerdict Accept { get; } = new(HookAction.Accept, "");

    /// <summary>The message is refused for <paramref name="reason"/>.</summary>
    public static HookVerdict Reject(string reason) => new(HookAction.Reject, reason);

    /// <summary>The message is held for <paramref name="reason"/>.</summary>
    public static HookVerdict Hold(string reason) => new(HookAction.Hold, reason);
}

/// <summary>What a hook sees of a message.</summary>
/// <param name="MailFrom">The envelope sender.</param>
/// <param name="Sender">The local account sending, or null (mail from outside, or the system).</param>
/// <param name="IsSystem">Whether the server itself (or a plugin as the system) sends.</param>
/// <param name="Recipients">The accepted recipients, lists expanded.</param>
/// <param name="Context">Where the submission comes from.</param>
/// <param name="Message">The raw message as it will be stored, trace header included.</param>
public sealed record SubmissionInspection(
    string MailFrom,
    Account? Sender,
    bool IsSystem,
    IReadOnlyList<Recipient> Recipients,
    SubmissionContext Context,
    ReadOnlyMemory<byte> Message);
