using Microsoft.Extensions.Logging;

namespace Preau.Core.Extensions;

/// <summary>Runs the registered <see cref="ISubmissionHook"/>s on one message, each within its own
/// timeout, and applies the failure policy of a hook that throws or is too slow.</summary>
/// <remarks>
/// Hooks run in order. The first rejection ends the run (a rejected message is not shown to the
/// remaining hooks); a hold is remembered and the next hooks still run, so that a later rejection
/// wins over an earlier hold. A hook that ignores its cancellation token is abandoned at its
/// timeout: the message never waits longer than the sum of the timeouts.
/// </remarks>
public sealed partial class SubmissionHooks
{
    private readonly ExtensionPoints _extensions;
    private readonly ILogger _log;

    /// <summary>Creates the runner over the hooks registered in <paramref name="extensions"/>.</summary>
    public SubmissionHooks(ExtensionPoints extensions, ILogger<SubmissionHooks> log)
    {
        _extensions = extensions;
        _log = log;
    }

    /// <summary>Whether any hook is registered (the transaction skips the work otherwise).</summary>
    public bool Any => !_extensions.SubmissionHooks.IsEmpty;

    /// <summary>Runs every hook; the outcome is what happens to the message.</summary>
    public async Task<HookOutcome> RunAsync(SubmissionInspection message, CancellationToken cancellationToken)
    {
        HookOutcome? held = null;
        foreach (var hook in _extensions.SubmissionHooks)
        {
            var verdict = await InspectAsync(hook, message, cancellationToken);
            switch (verdict.Action)
            {
                case HookAction.Reject:
                    return verdict;
                case HookAction.Hold:
                    held ??= verdict;
                    break;
            }
        }

        return held ?? HookOutcome.Accepted;
    }

    private async Task<HookOutcome> InspectAsync(ISubmissionHook hook, SubmissionInspection message, CancellationToken cancellationToken)
    {
        var timeout = hook.Timeout > TimeSpan.Zero ? hook.Timeout : TimeSpan.FromSeconds(5);
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(timeout);
        string failure;
        try
        {
            var verdict = await hook.InspectAsync(message, limit.Token).WaitAsync(timeout, cancellationToken);
            return verdict.Action switch
            {
                HookAction.Accept => HookOutcome.Accepted,
                _ => new HookOutcome(verdict.Action, hook.Name, string.IsNullOrWhiteSpace(verdict.Reason) ? "no reason given" : verdict.Reason.Trim(), Failed: false),
            };
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            failure = $"no answer within {timeout.TotalSeconds:0.###} s";
        }
        catch (TimeoutException)
        {
            failure = $"no answer within {timeout.TotalSeconds:0.###} s";
        }
#pragma warning disable CA1031 // A hook is outside code: whatever it throws, its failure policy decides.
        catch (Exception ex) when (ex is not OperationCanceledException)
#pragma warning restore CA1031
        {
            failure = $"failed: {ex.Message}";
        }

        LogHookFailed(_log, hook.Name, failure, hook.FailurePolicy);
        return hook.FailurePolicy == HookFailurePolicy.FailClosed
            ? new HookOutcome(HookAction.Reject, hook.Name, $"the message could not be checked ({hook.Name} {failure}), try again later", Failed: true)
            : HookOutcome.Accepted;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Submission hook {Hook} {Failure}; policy {Policy} applied")]
    private static partial void LogHookFailed(ILogger logger, string hook, string failure, HookFailurePolicy policy);
}

/// <summary>What the hooks decided about a message.</summary>
/// <param name="Action">Accept, reject or hold.</param>
/// <param name="Hook">The hook that decided (empty when accepted).</param>
/// <param name="Reason">Its reason.</param>
/// <param name="Failed">The hook failed and its fail-closed policy refused the message: a temporary refusal.</param>
public sealed record HookOutcome(HookAction Action, string Hook, string Reason, bool Failed)
{
    /// <summary>Every hook accepted (or failed open).</summary>
    public static HookOutcome Accepted { get; } = new(HookAction.Accept, "", "", false);
}
