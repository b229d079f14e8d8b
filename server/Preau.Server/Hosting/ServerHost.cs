using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Preau.PluginHost.Jobs;
using Preau.Server.Cli;
using Preau.Server.Tls;
using Preau.Smtp;
using Preau.Smtp.Relay;

namespace Preau.Server.Hosting;

/// <summary>The running server: the SMTP listeners, the relay worker and the admin socket over one
/// <see cref="PreauRuntime"/>, until stopped.</summary>
public sealed class ServerHost : IAsyncDisposable
{
    private readonly PreauRuntime _runtime;
    private SmtpListener? _smtp;
    private Preau.Imap.ImapListener? _imap;
    private Preau.Web.WebHost? _web;
    private RelayWorker? _relay;
    private AdminSocket? _admin;
    private JobScheduler? _jobs;

    /// <summary>Creates the host over an open runtime.</summary>
    public ServerHost(PreauRuntime runtime) => _runtime = runtime;

    /// <summary>The HTTP host, once started.</summary>
    public Preau.Web.WebHost? Web => _web;

    /// <summary>The plugins' job scheduler, once started.</summary>
    public JobScheduler? Jobs => _jobs;

    /// <summary>The relay worker, once started.</summary>
    public RelayWorker? Relay => _relay;

    /// <summary>Binds every listener; throws when a port cannot be bound.</summary>
    public async Task StartAsync(CancellationToken cancellationToken = default)
    {
        var certificate = CertificateProvider.Load(
            _runtime.Configuration.GetSection("Tls").Get<TlsOptions>() ?? new TlsOptions(), _runtime.DataDirectory, _runtime.Mail.HostName);
        _relay = new RelayWorker(_runtime.Smtp, _runtime.Mail, _runtime.Store, _runtime.Blobs, _runtime.Delivery, _runtime.Time, _runtime.Loggers.CreateLogger<RelayWorker>());
        _runtime.Delivery.RelayQueued += _relay.Wake;
        _smtp = new SmtpListener(_runtime.Smtp, _runtime.Mail, certificate, _runtime.Submission, _runtime.Authenticator, _runtime.Policy, _runtime.Loggers);
        await _smtp.StartAsync(cancellationToken);
        _imap = new Preau.Imap.ImapListener(_runtime.Imap, _runtime.Mail, certificate, _runtime.Authenticator, _runtime.Directory, _runtime.Mailboxes, _runtime.Bus, _runtime.Loggers);
        _imap.Start();
        var endpoints = new Preau.Web.MailEndpoints(
            _runtime.Mail.Domain,
            _runtime.Mail.HostName,
            $"Préau ({_runtime.Mail.Domain})",
            _runtime.Imap.Port,
            _runtime.Imap.TlsPort,
            _runtime.Smtp.SubmissionPort,
            _runtime.Smtp.SubmissionTlsPort);
        var web = new Preau.Web.WebServices(_runtime.Authenticator, _runtime.Directory, _runtime.Rights, _runtime.Audit, _runtime.Time)
        {
            Portal = new Preau.Web.PortalServices(_runtime.Mailboxes, _runtime.Announcements, _runtime.Preferences, _runtime.Passwords, _runtime.Accounts, _runtime.Policy),
        };
        _web = new Preau.Web.WebHost(_runtime.Web, endpoints, web, _runtime.Loggers);
        Preau.Web.Plugins.PluginWebEndpoints.Map(_web.Routes, _runtime.Plugins, _runtime.Rights, _runtime.Loggers, _runtime.PluginOptions.MaxArchiveSize);
        Preau.Web.Mail.MailApi.Map(_web, new Preau.Web.Mail.MailApiServices(
            _runtime.Mailboxes, _runtime.Submission, _runtime.Directory, _runtime.SendingPolicy, _runtime.Bus, _runtime.Mail, _runtime.DataDirectory, _runtime.Time));
        await _web.StartAsync(cancellationToken);
        _jobs = new JobScheduler(_runtime.Plugins, _runtime.Time, _runtime.Loggers.CreateLogger<JobScheduler>());
        _jobs.Start();
        _relay.Start();
        _admin = new AdminSocket(_runtime, Path.Combine(_runtime.DataDirectory, AdminSocket.FileName), _runtime.Loggers.CreateLogger<AdminSocket>());
        _admin.Start();
    }

    /// <summary>Stops the listeners and the worker; the store stays open (the runtime owns it).</summary>
    public async ValueTask DisposeAsync()
    {
        if (_admin is not null)
        {
            await _admin.DisposeAsync();
        }

        if (_jobs is not null)
        {
            await _jobs.DisposeAsync();
        }

        if (_web is not null)
        {
            await _web.DisposeAsync();
        }

        if (_imap is not null)
        {
            await _imap.DisposeAsync();
        }

        if (_smtp is not null)
        {
            await _smtp.DisposeAsync();
        }

        if (_relay is not null)
        {
            _runtime.Delivery.RelayQueued -= _relay.Wake;
            await _relay.DisposeAsync();
        }
    }
}
