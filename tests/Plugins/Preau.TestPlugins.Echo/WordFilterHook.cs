using System.Globalization;
using Preau.Plugins;
using Preau.Plugins.Mail;

namespace Preau.TestPlugins.Echo;

/// <summary>Rejects subjects containing INTERDIT, holds MODERER, hangs on LENT, throws on PANNE.</summary>
public sealed class WordFilterHook(PluginContext context) : ISubmissionHook
{
    /// <inheritdoc />
    public string Name => "mots";

    /// <inheritdoc />
    public TimeSpan Timeout => TimeSpan.FromMilliseconds(context.Settings.TryGetValue("HookTimeoutMs", out var ms) ? int.Parse(ms, CultureInfo.InvariantCulture) : 5000);

    /// <inheritdoc />
    public HookFailurePolicy FailurePolicy => context.Settings.TryGetValue("FailClosed", out var closed) && bool.Parse(closed)
        ? HookFailurePolicy.FailClosed
        : HookFailurePolicy.FailOpen;

    /// <inheritdoc />
    public async Task<HookVerdict> InspectAsync(SubmittedMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var subject = message.Subject;
        if (subject.Contains("INTERDIT", StringComparison.Ordinal))
        {
            return HookVerdict.Reject("le sujet contient un mot interdit");
        }

        if (subject.Contains("MODERER", StringComparison.Ordinal))
        {
            return HookVerdict.Hold("à relire par la vie scolaire");
        }

        if (subject.Contains("LENT", StringComparison.Ordinal))
        {
            // Ignores its token on purpose: the host must abandon it at the timeout.
            await Task.Delay(TimeSpan.FromMinutes(2), CancellationToken.None);
        }

        if (subject.Contains("PANNE", StringComparison.Ordinal))
        {
            throw new InvalidOperationException("panne volontaire du filtre");
        }

        return HookVerdict.Accept;
    }
}
