using Preau.Core.Extensions;
using Preau.Core.Mail;
using Preau.PluginHost.Loading;
using Preau.PluginHost.Services;
using PluginHook = Preau.Plugins.Mail.ISubmissionHook;
using PluginHookDecision = Preau.Plugins.Mail.HookDecision;
using PluginHookFailurePolicy = Preau.Plugins.Mail.HookFailurePolicy;
using SubmittedMessage = Preau.Plugins.Mail.SubmittedMessage;

namespace Preau.PluginHost.Adapters;

/// <summary>A plugin's submission hook as Core sees it. Core applies the timeout and the failure
/// policy; this adapter marks the plugin failed when the hook throws.</summary>
internal sealed class HookAdapter : ISubmissionHook
{
    private readonly ActivePlugin _plugin;
    private readonly PluginHook _hook;
    private readonly Action<ActivePlugin, string> _fail;

    /// <summary>Reads the hook's name, timeout and policy once (a throwing getter fails the activation).</summary>
    public HookAdapter(ActivePlugin plugin, PluginHook hook, TimeSpan maxTimeout, Action<ActivePlugin, string> fail)
    {
        _plugin = plugin;
        _hook = hook;
        _fail = fail;
        var name = hook.Name;
        HookName = string.IsNullOrWhiteSpace(name) ? hook.GetType().Name : name.Trim();
        Name = $"{plugin.Id}/{HookName}";
        var timeout = hook.Timeout;
        Timeout = timeout <= TimeSpan.Zero || timeout > maxTimeout ? maxTimeout : timeout;
        FailurePolicy = hook.FailurePolicy == PluginHookFailurePolicy.FailClosed ? HookFailurePolicy.FailClosed : HookFailurePolicy.FailOpen;
    }

    public string HookName { get; }

    public string Name { get; }

    public TimeSpan Timeout { get; }

    public HookFailurePolicy FailurePolicy { get; }

    public async Task<HookVerdict> InspectAsync(SubmissionInspection message, CancellationToken cancellationToken)
    {
        if (!_plugin.TryEnter())
        {
            return HookVerdict.Accept; // Disabled meanwhile: as if it had never been there.
        }

        try
        {
            var verdict = await _hook.InspectAsync(Map(message), cancellationToken);
            return verdict?.Decision switch
            {
                PluginHookDecision.Reject => HookVerdict.Reject(verdict.Reason),
                PluginHookDecision.Hold => HookVerdict.Hold(verdict.Reason),
                _ => HookVerdict.Accept,
            };
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw; // Its timeout: Core applies the failure policy; the plugin stays active.
        }
        catch (Exception ex)
        {
            _fail(_plugin, $"submission hook {HookName} threw {ex.GetType().Name}: {ex.Message}");
            throw;
        }
        finally
        {
            _plugin.Exit();
        }
    }

    private static SubmittedMessage Map(SubmissionInspection message) => new(
        message.MailFrom,
        message.Sender?.ToRecord(),
        message.IsSystem,
        message.Recipients.Select(r => r.Address).ToArray(),
        message.Context.Protocol,
        SummaryParser.Parse(message.Message).Subject,
        message.Message);
}
