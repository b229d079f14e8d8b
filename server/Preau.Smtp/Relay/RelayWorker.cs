using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Logging;
using MimeKit;
using Preau.Core.Mail;
using Preau.Core.Storage;

namespace Preau.Smtp.Relay;

/// <summary>Delivers the persistent relay queue through the smart host (<see cref="SmtpOptions.RelayHost"/>).</summary>
/// <remarks>
/// An item leaves the queue only when every recipient was accepted or refused for good. Temporary
/// failures (connection refused, 4xx) retry on <see cref="SmtpOptions.EffectiveRetryDelays"/>;
/// permanent ones (5xx) and items older than <see cref="SmtpOptions.RelayExpiry"/> bounce to the
/// local sender. The queue lives in the store, so a restart resumes where it stopped.
/// </remarks>
public sealed partial class RelayWorker : IAsyncDisposable
{
    private readonly SmtpOptions _options;
    private readonly MailOptions _mail;
    private readonly IRelayQueueStore _queue;
    private readonly IBlobStore _blobs;
    private readonly DeliveryService _delivery;
    private readonly TimeProvider _time;
    private readonly ILogger<RelayWorker> _log;
    private readonly CancellationTokenSource _stop = new();
    private readonly SemaphoreSlim _wake = new(0);
    private Task? _loop;

    /// <summary>Creates the worker; it does nothing before <see cref="Start"/>.</summary>
    public RelayWorker(SmtpOptions options, MailOptions mail, IRelayQueueStore queue, IBlobStore blobs, DeliveryService delivery, TimeProvider time, ILogger<RelayWorker> log)
    {
        _options = options;
        _mail = mail;
        _queue = queue;
        _blobs = blobs;
        _delivery = delivery;
        _time = time;
        _log = log;
    }

    /// <summary>Starts the loop.</summary>
    public void Start() => _loop = Task.Run(() => RunAsync(_stop.Token));

    /// <summary>Looks at the queue now rather than at the next poll.</summary>
    public void Wake() => _wake.Release();

    /// <summary>Runs one pass over the due items (the loop calls it; tests may too).</summary>
    public async Task RunOnceAsync(CancellationToken cancellationToken)
    {
        foreach (var item in _queue.GetDue(_time.GetUtcNow(), 50))
        {
            cancellationToken.ThrowIfCancellationRequested();
            await AttemptAsync(item, cancellationToken);
        }
    }

    private async Task RunAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                await RunOnceAsync(cancellationToken);
                await _wake.WaitAsync(_options.RelayPollInterval, cancellationToken);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // The worker must outlive any one failure; the item stays queued.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                LogLoopError(_log, ex);
                await Task.Delay(_options.RelayPollInterval, _time, cancellationToken).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }
    }

    private async Task AttemptAsync(RelayItem item, CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow();
        if (now - item.Created > _options.RelayExpiry)
        {
            await FailAsync(item, item.Recipients, $"could not be delivered within {Describe(_options.RelayExpiry)}: {item.LastError ?? "no relay host reachable"}", cancellationToken);
            return;
        }

        if (string.IsNullOrWhiteSpace(_options.RelayHost))
        {
            Retry(item, item.Recipients, "no relay host is configured (Smtp:RelayHost)");
            return;
        }

        var refusedForGood = new List<string>();
        var retry = new List<string>();
        string? error = null;
        using var client = new CollectingSmtpClient();
        try
        {
            client.Timeout = 60_000;
            if (_options.RelayAcceptInvalidCertificate)
            {
                client.ServerCertificateValidationCallback = (_, _, _, _) => true;
            }

            await client.ConnectAsync(_options.RelayHost, _options.RelayPort, SecureSocketOptions.StartTlsWhenAvailable, cancellationToken);
            MimeMessage message;
            using (var stream = _blobs.Open(item.BlobHash))
            {
                message = await MimeMessage.LoadAsync(stream, cancellationToken);
            }

            var sender = item.MailFrom.Length == 0 ? new MailboxAddress("", "") : MailboxAddress.Parse(item.MailFrom);
            try
            {
                await client.SendAsync(message, sender, item.Recipients.Select(MailboxAddress.Parse), cancellationToken);
            }
            catch (NoRecipientAcceptedException)
            {
                // Every RCPT was refused: the collected replies below say which are final.
            }

            await client.DisconnectAsync(true, cancellationToken);
        }
        catch (SmtpCommandException ex) when ((int)ex.StatusCode >= 500)
        {
            refusedForGood.AddRange(item.Recipients);
            error = $"{(int)ex.StatusCode} {ex.Message}";
        }
        catch (Exception ex) when (ex is SmtpCommandException or SmtpProtocolException or IOException or System.Net.Sockets.SocketException or ServiceNotConnectedException or SslHandshakeException or TimeoutException)
        {
            retry.AddRange(item.Recipients);
            error = ex.Message;
        }

        // Per-recipient refusals, with the smart host's own words, unless the whole message failed.
        if (refusedForGood.Count == 0 && retry.Count == 0)
        {
            foreach (var (mailbox, response) in client.Refused)
            {
                ((int)response.StatusCode >= 500 ? refusedForGood : retry).Add(mailbox.Address);
                error = $"{(int)response.StatusCode} {response.Response}";
            }
        }

        if (refusedForGood.Count > 0)
        {
            await FailAsync(item, refusedForGood, error ?? "refused", cancellationToken);
        }

        if (retry.Count > 0)
        {
            Retry(item, retry, error ?? "temporary failure");
        }
        else if (refusedForGood.Count == 0)
        {
            _queue.Remove(item.Id);
            LogDelivered(_log, item.Id, item.Recipients.Count);
        }
    }

    private static string Describe(TimeSpan span) =>
        span.TotalDays >= 1 ? $"{span.TotalDays:0.#} days" : span.TotalHours >= 1 ? $"{span.TotalHours:0.#} hours" : span.TotalMinutes >= 1 ? $"{span.TotalMinutes:0.#} minutes" : $"{span.TotalSeconds:0.#} seconds";

    private void Retry(RelayItem item, IReadOnlyList<string> recipients, string error)
    {
        var delays = _options.EffectiveRetryDelays;
        var delay = delays[Math.Min(item.Attempts, delays.Count - 1)];
        _queue.Update(item with
        {
            Recipients = recipients,
            Attempts = item.Attempts + 1,
            NextAttempt = _time.GetUtcNow() + delay,
            LastError = error,
        });
        LogRetry(_log, item.Id, error, delay);
    }

    private async Task FailAsync(RelayItem item, IReadOnlyList<string> failed, string reason, CancellationToken cancellationToken)
    {
        await _delivery.BounceAsync(item, failed, reason, _mail, cancellationToken);
        var rest = item.Recipients.Except(failed, StringComparer.OrdinalIgnoreCase).ToArray();
        if (rest.Length == 0)
        {
            _queue.Remove(item.Id);
        }
        else
        {
            _queue.Update(item with { Recipients = rest });
        }

        LogBounced(_log, item.Id, string.Join(", ", failed), reason);
    }

    /// <summary>Stops the loop; queued items stay for the next start.</summary>
    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        if (_loop is not null)
        {
            await _loop;
        }

        _stop.Dispose();
        _wake.Dispose();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Relay item {Id} delivered to {Count} recipients")]
    private static partial void LogDelivered(ILogger logger, string id, int count);

    [LoggerMessage(Level = LogLevel.Information, Message = "Relay item {Id} will be retried in {Delay}: {Error}")]
    private static partial void LogRetry(ILogger logger, string id, string error, TimeSpan delay);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Relay item {Id} bounced for {Recipients}: {Reason}")]
    private static partial void LogBounced(ILogger logger, string id, string recipients, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Relay loop error")]
    private static partial void LogLoopError(ILogger logger, Exception exception);
}
