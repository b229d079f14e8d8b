using System.Globalization;
using System.Text;
using MimeKit;
using Preau.Core.Accounts;
using Preau.Core.Directory;
using Preau.Core.Extensions;
using Preau.Core.Policy;
using Preau.Core.Quota;
using Preau.Core.Rights;

namespace Preau.Core.Mail;

/// <summary>One message on its way in: <see cref="SetMailFrom"/>, then <see cref="AddRecipient"/>
/// for each address (each decided at once, so SMTP can answer RCPT by RCPT), then
/// <see cref="CommitAsync"/> with the content. Not thread-safe: one per SMTP transaction or API call.</summary>
public sealed class SubmissionTransaction
{
    private readonly MailOptions _options;
    private readonly DirectoryService _directory;
    private readonly SendingPolicy _policy;
    private readonly SendRateLimiter _limiter;
    private readonly DeliveryService _delivery;
    private readonly QuotaService _quotas;
    private readonly TimeProvider _time;
    private readonly RightsService? _rights;
    private readonly SubmissionHooks? _hooks;
    private readonly HeldMessages? _held;
    private readonly Account? _sender;
    private readonly bool _system;
    private readonly SubmissionContext _context;
    private readonly Dictionary<string, Recipient> _recipients = new(StringComparer.OrdinalIgnoreCase);
    private string? _mailFrom;
    private long _declaredSize;

    internal SubmissionTransaction(SubmissionService service, Account? sender, SubmissionContext context, bool system)
    {
        _hooks = service.Hooks;
        _held = service.Held;
        _system = system;
        _options = service.Options;
        _directory = service.Directory;
        _policy = service.Policy;
        _limiter = service.Limiter;
        _delivery = service.Delivery;
        _quotas = service.Quotas;
        _time = service.Time;
        _rights = service.Rights;
        _sender = sender;
        _context = context;
    }

    /// <summary>The held-queue id of the last committed message when a submission hook held it, else null.</summary>
    public string? LastHeldId { get; private set; }

    /// <summary>The distinct recipients accepted so far, lists expanded.</summary>
    public IReadOnlyCollection<Recipient> Recipients => _recipients.Values;

    /// <summary>Where the last committed message went (the webmail answers with its copy in Envoyés).</summary>
    public DeliveryResult? Delivered { get; private set; }

    /// <summary>The envelope sender. An authenticated account may only use its own address; mail from
    /// outside may not claim the school's domain.</summary>
    /// <param name="address">The MAIL FROM address, empty for a bounce.</param>
    /// <param name="declaredSize">The size the client announced (<c>SIZE=</c>, RFC 1870), 0 when unknown:
    /// a recipient whose mailbox cannot take that much is refused at once.</param>
    public PolicyDecision SetMailFrom(string? address, long declaredSize = 0)
    {
        address = (address ?? "").Trim();
        if (_sender is { } sender)
        {
            var own = _directory.AddressOf(sender);
            if (!string.Equals(address, own, StringComparison.OrdinalIgnoreCase))
            {
                return PolicyDecision.Refuse(553, "5.7.1", $"{sender.Login} may only send as <{own}>, not <{address}>");
            }

            var check = _policy.CheckSender(CurrentSender(sender));
            if (!check.Accepted)
            {
                return check;
            }

            var refused = RightRefusal(sender, CoreRights.MessagerieSend)
                ?? (_context.IgnoreRecipientLimit ? RightRefusal(sender, CoreRights.SendTargeted) : null);
            if (refused is not null)
            {
                return refused;
            }

            if (_limiter.Check(sender, 0) is { } limited)
            {
                return limited;
            }
        }
        else if (_system)
        {
            if (!string.Equals(address, _options.SystemAddress, StringComparison.OrdinalIgnoreCase))
            {
                return PolicyDecision.Refuse(553, "5.7.1", $"the system sends as <{_options.SystemAddress}>, not <{address}>");
            }
        }
        else if (address.Length > 0)
        {
            if (SendingPolicy.SplitAddress(address) is null)
            {
                return PolicyDecision.Refuse(501, "5.1.7", $"'{address}' is not a valid sender address");
            }

            if (_policy.IsLocal(address))
            {
                return PolicyDecision.Refuse(550, "5.7.1", $"<{address}> is a local address: local users must authenticate on the submission port");
            }
        }

        _mailFrom = address;
        _declaredSize = Math.Max(0, declaredSize);
        _recipients.Clear();
        return PolicyDecision.AcceptSender();
    }

    /// <summary>Decides one recipient address (a list counts as all its members).</summary>
    public PolicyDecision AddRecipient(string? address)
    {
        if (_mailFrom is null)
        {
            return PolicyDecision.Refuse(503, "5.5.1", "MAIL FROM first");
        }

        address = (address ?? "").Trim();
        var decision = _sender is { } sender ? _policy.Decide(CurrentSender(sender), address)
            : _system ? _policy.DecideSystem(address)
            : _policy.DecideInbound(address);
        if (!decision.Accepted)
        {
            return decision;
        }

        if (_sender is { } writer && decision.Recipients.Any(r => r is ExternalRecipient) && RightRefusal(writer, CoreRights.MessagerieSendExternal) is { } outside)
        {
            return outside;
        }

        var added = decision.Recipients.Where(r => !_recipients.ContainsKey(r.Address)).ToArray();
        var max = _policy.Settings.MaxRecipients;
        if (!_context.IgnoreRecipientLimit && _recipients.Count + added.Length > max)
        {
            var detail = decision.Recipients.Count > 1 ? $"; {address} stands for {added.Length} more" : "";
            return PolicyDecision.Refuse(452, "4.5.3", $"too many recipients: at most {max} per message, {_recipients.Count} already accepted{detail}");
        }

        if (_sender is { } s && _limiter.Check(s, _recipients.Count + added.Length) is { } limited)
        {
            return limited;
        }

        // One mailbox named directly: a full one is refused now (452 4.2.2), so the client keeps the
        // message for it and the others get it. A list is accepted whole: its full members are left
        // out when the message is written, and the sender is told (ReportOverQuotaAsync).
        if (decision.Recipients is [LocalRecipient only] && string.Equals(only.Address, address, StringComparison.OrdinalIgnoreCase)
            && _quotas.CheckRecipient(only.Account, only.Address, _declaredSize) is { } full)
        {
            return full;
        }

        foreach (var recipient in added)
        {
            _recipients[recipient.Address] = recipient;
        }

        return decision;
    }

    /// <summary>Checks the content (size, From: header) and delivers durably.</summary>
    public async Task<PolicyDecision> CommitAsync(ReadOnlyMemory<byte> message, CancellationToken cancellationToken = default)
    {
        if (_mailFrom is null || _recipients.Count == 0)
        {
            return PolicyDecision.Refuse(554, "5.5.1", "aucun destinataire valide");
        }

        if (message.Length > _options.MaxMessageSize)
        {
            return PolicyDecision.Refuse(552, "5.3.4", $"message too big: {message.Length} octets, at most {_options.MaxMessageSize}");
        }

        if (_sender is { } sender && CheckHeaderSender(sender.Login, _directory.AddressOf(sender), message) is { } spoofed)
        {
            return spoofed;
        }

        if (_system && CheckHeaderSender("the system", _options.SystemAddress, message) is { } wrong)
        {
            return wrong;
        }

        var local = _recipients.Values.OfType<LocalRecipient>().Select(r => r.Account).ToArray();
        var external = _recipients.Values.OfType<ExternalRecipient>().Select(r => r.Address).ToArray();
        var traced = Trace(message);
        var outcome = HookOutcome.Accepted;
        if (_hooks is { Any: true })
        {
            outcome = await _hooks.RunAsync(
                new SubmissionInspection(_mailFrom, _sender, _system, _recipients.Values.ToArray(), _context, traced), cancellationToken);
        }

        PolicyDecision answer;
        switch (outcome.Action)
        {
            case HookAction.Reject:
                return outcome.Failed
                    ? PolicyDecision.Refuse(451, "4.3.0", outcome.Reason)
                    : PolicyDecision.Refuse(550, "5.7.1", $"message refused by {outcome.Hook}: {outcome.Reason}");
            case HookAction.Hold when _held is null:
                return PolicyDecision.Refuse(451, "4.3.0", $"{outcome.Hook} asked to hold the message, but no held queue is configured");
            case HookAction.Hold:
                var held = await _held.HoldAsync(traced, _mailFrom, _sender, local, external, _context.SentCopy, outcome.Hook, outcome.Reason, cancellationToken);
                LastHeldId = held.Id;
                answer = new PolicyDecision(true, 250, "2.0.0", $"held for review as {held.Id}: {outcome.Reason}", []);
                break;
            default:
                LastHeldId = null;
                var request = new DeliveryRequest(_mailFrom, _sender, local, external, traced, _context.SentCopy);
                var result = await _delivery.DeliverAsync(request, cancellationToken);
                Delivered = result;
                if (!result.ReachedAnyone)
                {
                    // Every mailbox was full when the message was written: nothing is stored and the client
                    // keeps the message, to try again later (a temporary failure).
                    _recipients.Clear();
                    _mailFrom = null;
                    return PolicyDecision.Refuse(452, "4.2.2", FullText(result.OverQuota));
                }

                if (result.OverQuota.Count > 0)
                {
                    await _delivery.ReportOverQuotaAsync(request, result, _options, cancellationToken);
                }

                answer = new PolicyDecision(true, 250, "2.0.0", $"queued as {result.BlobHash[..16]}", []);
                break;
        }

        if (_sender is not null)
        {
            _limiter.Record(_sender, local.Length + external.Length);
        }

        _recipients.Clear();
        _mailFrom = null;
        return answer;
    }

    /// <summary>The refusal when the sender lacks <paramref name="right"/>: the rights sit above the sending
    /// rules, and the reply names the missing right.</summary>
    private PolicyDecision? RightRefusal(Account sender, string right) =>
        _rights?.Check(sender, right) is { Allowed: false } decision ? PolicyDecision.Refuse(550, "5.7.1", decision.Reason) : null;

    private string FullText(IReadOnlyList<Storage.QuotaRefusal> refused)
    {
        var addresses = refused.Select(r => _directory.Graph.FindById(r.AccountId) is { } a ? _directory.AddressOf(a) : r.AccountId).ToList();
        return refused is [var one]
            ? QuotaService.FullText(addresses[0], one.UsedBytes, one.RequestedBytes, one.LimitBytes)
            : $"boîtes aux lettres pleines : {string.Join(", ", addresses)} (mailbox full)";
    }

    /// <summary>The sender's current record: a suspension takes effect in open sessions too.</summary>
    private Account CurrentSender(Account sender) => _directory.Graph.FindById(sender.Id) ?? sender;

    private static PolicyDecision? CheckHeaderSender(string who, string own, ReadOnlyMemory<byte> message)
    {
        HeaderList headers;
        try
        {
            using var stream = new MemoryStream(message.ToArray(), writable: false);
            headers = HeaderList.Load(ParserOptions.Default, stream);
        }
        catch (FormatException)
        {
            return PolicyDecision.Refuse(554, "5.6.0", "the message headers cannot be parsed");
        }

        foreach (var field in new[] { HeaderId.From, HeaderId.Sender })
        {
            var value = headers[field];
            if (value is null)
            {
                if (field == HeaderId.From)
                {
                    return PolicyDecision.Refuse(554, "5.6.0", "the message has no From: header");
                }

                continue;
            }

            if (!InternetAddressList.TryParse(value, out var list)
                || list.Mailboxes.Count() != 1
                || !string.Equals(list.Mailboxes.Single().Address, own, StringComparison.OrdinalIgnoreCase))
            {
                return PolicyDecision.Refuse(550, "5.7.1", $"{who} may only send with {field.ToHeaderName()}: <{own}>");
            }
        }

        return null;
    }

    private byte[] Trace(ReadOnlyMemory<byte> message)
    {
        var now = _time.GetUtcNow().ToString("ddd, dd MMM yyyy HH:mm:ss +0000", CultureInfo.InvariantCulture);
        var by = _sender is not null ? $"\r\n\t(authenticated as {_sender.Login})" : _system ? "\r\n\t(the system)" : "";
        var header = $"Return-Path: <{_mailFrom}>\r\n"
            + $"Received: from {Clean(_context.Helo ?? "unknown")} ([{_context.RemoteAddress}]){by}\r\n"
            + $"\tby {_options.HostName} (Preau) with {_context.Protocol}; {now}\r\n";
        var prefix = Encoding.UTF8.GetBytes(header);
        var traced = new byte[prefix.Length + message.Length];
        prefix.CopyTo(traced, 0);
        message.Span.CopyTo(traced.AsSpan(prefix.Length));
        return traced;
    }

    private static string Clean(string text) =>
        new(text.Where(c => c > ' ' && c < 127 && c != '(' && c != ')').Take(100).ToArray());
}
