using Preau.Core.Accounts;
using Preau.Core.Directory;
using Preau.Core.Policy;

namespace Preau.Core.Mail;

/// <summary>The single entry point for every message entering Préau, whatever the front end:
/// SMTP submission and inbound, the webmail API, plugins. Each message is one
/// <see cref="SubmissionTransaction"/>: sender, recipients decided one by one, then the content.</summary>
public sealed class SubmissionService
{
    private readonly MailOptions _options;
    private readonly DirectoryService _directory;
    private readonly SendingPolicy _policy;
    private readonly SendRateLimiter _limiter;
    private readonly DeliveryService _delivery;
    private readonly TimeProvider _time;

    /// <summary>Creates the service.</summary>
    public SubmissionService(
        MailOptions options,
        DirectoryService directory,
        SendingPolicy policy,
        SendRateLimiter limiter,
        DeliveryService delivery,
        TimeProvider time)
    {
        _options = options;
        _directory = directory;
        _policy = policy;
        _limiter = limiter;
        _delivery = delivery;
        _time = time;
    }

    /// <summary>Starts a message from an authenticated account, or from outside when <paramref name="sender"/> is null.</summary>
    public SubmissionTransaction Begin(Account? sender, SubmissionContext context) =>
        new(_options, _directory, _policy, _limiter, _delivery, _time, sender, context);
}
