using System.Net;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Logging;
using Preau.Core.Auth;
using Preau.Core.Mail;
using Preau.Core.Policy;
using Preau.Smtp.Adapters;
using Preau.Smtp.Net;
using SmtpServer;
using SmtpServer.ComponentModel;

namespace Preau.Smtp;

/// <summary>The three SMTP listeners (inbound, submission with STARTTLS, submission over TLS) on one
/// SmtpServer instance, wired to Core through the adapters. The only type of this project the
/// composition root needs.</summary>
public sealed partial class SmtpListener : IAsyncDisposable
{
    private readonly SmtpServer.SmtpServer _server;
    private readonly ILogger<SmtpListener> _log;
    private readonly CancellationTokenSource _stop = new();
    private readonly PreauListenerFactory _listeners;
    private int _endpoints;
    private Task? _running;

    /// <summary>Builds the listeners; nothing listens before <see cref="Start"/>.</summary>
    public SmtpListener(
        SmtpOptions options,
        MailOptions mail,
        X509Certificate2 certificate,
        SubmissionService submission,
        Authenticator authenticator,
        PolicyService policy,
        ILoggerFactory loggers)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(mail);
        ArgumentNullException.ThrowIfNull(loggers);
        _log = loggers.CreateLogger<SmtpListener>();
        var address = IPAddress.Parse(options.ListenAddress);
        var builder = new SmtpServerOptionsBuilder()
            .ServerName(mail.HostName)
            .MaxMessageSize(mail.MaxMessageSize, MaxMessageSizeHandling.Strict)
            .MaxRetryCount(50)
            .MaxAuthenticationAttempts(3)
            .CommandWaitTimeout(options.CommandTimeout)
            .CustomSmtpGreeting(ctx => $"220 {mail.HostName} ESMTP Preau ready");
        void Endpoint(int port, bool implicitTls, bool requireAuth)
        {
            if (port <= 0)
            {
                return;
            }

            _endpoints++;
            builder.Endpoint(e => e
                .Endpoint(new IPEndPoint(address, port))
                .IsSecure(implicitTls)
                .AllowUnsecureAuthentication(false)
                .AuthenticationRequired(requireAuth)
                .SessionTimeout(options.SessionTimeout)
                .SupportedSslProtocols(SslProtocols.Tls12 | SslProtocols.Tls13)
                .Certificate(certificate));
        }

        Endpoint(options.InboundPort, implicitTls: false, requireAuth: false);
        Endpoint(options.SubmissionPort, implicitTls: false, requireAuth: true);
        Endpoint(options.SubmissionTlsPort, implicitTls: true, requireAuth: true);

        var services = new ServiceProvider();
        services.Add(new PolicyMailboxFilter(submission));
        services.Add(new DeliveryMessageStore(loggers.CreateLogger<DeliveryMessageStore>()));
        services.Add(new AccountAuthenticator(authenticator));
        services.Add(new PreauCommandFactory(() => policy.Settings.MaxRecipients));
        _listeners = new PreauListenerFactory(options.MaxConnectionsPerAddress);
        services.Add(_listeners);
        _server = new SmtpServer.SmtpServer(builder.Build(), services);
        _server.SessionFaulted += (_, e) => LogFaulted(_log, e.Exception);
    }

    /// <summary>Starts listening; completes once every socket is bound, or fails (port in use…).</summary>
    public async Task StartAsync(CancellationToken cancellationToken = default)
    {
        _running = _server.StartAsync(_stop.Token);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(30));
        while (_listeners.Listening < _endpoints)
        {
            if (_running.IsCompleted)
            {
                await _running;
                throw new InvalidOperationException("the SMTP listeners stopped while starting");
            }

            await Task.Delay(10, timeout.Token);
        }
    }

    /// <summary>Stops accepting, ends the sessions and waits for them.</summary>
    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        if (_running is not null)
        {
            try
            {
                await _running;
            }
            catch (OperationCanceledException)
            {
                // Expected on shutdown.
            }
        }

        _stop.Dispose();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "SMTP session ended by an error")]
    private static partial void LogFaulted(ILogger logger, Exception exception);
}
