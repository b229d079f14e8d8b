using Preau.Core.Accounts;
using Preau.Core.Directory;
using Preau.Core.Extensions;
using Preau.Core.Policy;
using Preau.Core.Quota;
using Preau.Core.Rights;

namespace Preau.Core.Mail;

/// <summary>The single entry point for every message entering Préau, whatever the front end:
/// SMTP submission and inbound, the webmail API, plugins. Each message is one
/// <see cref="SubmissionTransaction"/>: sender, recipients decided one by one, then the content.</summary>
public sealed class SubmissionService
{
    /// <summary>Creates the service.</summary>
    /// <param name="options">Mail options.</param>
    /// <param name="directory">Accounts.</param>
    /// <param name="policy">The sending rules.</param>
    /// <param name="limiter">Send rate limits.</param>
    /// <param name="delivery">Durable filing.</param>
    /// <param name="time">The clock.</param>
    /// <param name="rights">The messagerie and communication rights, checked above the sending rules (none: not checked).</param>
    /// <param name="hooks">The submission hooks (plugins), if any.</param>
    /// <param name="held">The held queue for messages a hook holds, if any.</param>
    public SubmissionService(
        MailOptions options,
        DirectoryService directory,
        SendingPolicy policy,
        SendRateLimiter limiter,
        DeliveryService delivery,
        QuotaService quotas,
        TimeProvider time,
        RightsService? rights = null,
        SubmissionHooks? hooks = null,
        HeldMessages? held = null)
    {
        Quotas = quotas;
        Hooks = hooks;
        Held = held;
        Options = options;
        Directory = directory;
        Policy = policy;
        Limiter = limiter;
        Delivery = delivery;
        Time = time;
        Rights = rights;
    }

    internal MailOptions Options { get; }

    internal DirectoryService Directory { get; }

    internal SendingPolicy Policy { get; }

    internal SendRateLimiter Limiter { get; }

    internal DeliveryService Delivery { get; }

    internal QuotaService Quotas { get; }

    internal TimeProvider Time { get; }

    internal RightsService? Rights { get; }

    internal SubmissionHooks? Hooks { get; }

    internal HeldMessages? Held { get; }

    /// <summary>The address the server's own mail comes from (<see cref="MailOptions.SystemAddress"/>).</summary>
    public string SystemAddress => Options.SystemAddress;

    /// <summary>Starts a message from an authenticated account, or from outside when <paramref name="sender"/> is null.</summary>
    public SubmissionTransaction Begin(Account? sender, SubmissionContext context) => new(this, sender, context, system: false);

    /// <summary>Starts a message from the server itself (a plugin sending as the system): the envelope
    /// and <c>From:</c> must be <see cref="SystemAddress"/>; the sending rules do not apply, the
    /// recipient limit and the submission hooks do.</summary>
    public SubmissionTransaction BeginSystem(SubmissionContext context) => new(this, null, context, system: true);
}
