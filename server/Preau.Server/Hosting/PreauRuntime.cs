using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Preau.Core.Announcements;
using Preau.Core.Auth;
using Preau.Core.Directory;
using Preau.Core.Extensions;
using Preau.Core.Mail;
using Preau.Core.Policy;
using Preau.Core.Preferences;
using Preau.Core.Quota;
using Preau.Core.Rights;
using Preau.Core.Search;
using Preau.Core.Storage;
using Preau.Core.Time;
using Preau.Imap;
using Preau.PluginHost;
using Preau.Server.Cli;
using Preau.Smtp;
using Preau.Storage.LiteDb;
using Preau.Web;

namespace Preau.Server.Hosting;

/// <summary>The composition root: every Core service over the configured store, built once per
/// process. The CLI uses it without listeners; <see cref="ServerHost"/> adds the listeners.</summary>
public sealed class PreauRuntime : IDisposable
{
    private PreauRuntime(IConfiguration configuration, ILoggerFactory loggers, TimeProvider time)
    {
        Configuration = configuration;
        Loggers = loggers;
        Time = time;
        Mail = configuration.GetSection("Mail").Get<MailOptions>() ?? new MailOptions();
        Smtp = configuration.GetSection("Smtp").Get<SmtpOptions>() ?? new SmtpOptions();
        Storage = configuration.GetSection("Storage").Get<StorageOptions>() ?? new StorageOptions();
        Imap = configuration.GetSection("Imap").Get<ImapOptions>() ?? new ImapOptions();
        Web = configuration.GetSection("Web").Get<WebOptions>() ?? new WebOptions();
        DataDirectory = Path.GetFullPath(Storage.DataDirectory);
        System.IO.Directory.CreateDirectory(DataDirectory);

        Store = new LiteDbStore(DataDirectory, logger: loggers.CreateLogger<LiteDbStore>());
        Blobs = new FileBlobStore(DataDirectory);
        Search = new SearchIndex(Blobs, new FileSearchTextStore(DataDirectory), loggers.CreateLogger<SearchIndex>());
        var credentials = new CredentialCache(TimeSpan.FromMinutes(5), time);
        Directory = new DirectoryService(Mail.Domain, Store, Store, Store, PasswordHasher.Default, credentials, time);
        Audit = Store;
        Rights = new RightsService(Store, Audit, time, () => Directory.Graph);
        var settings = PolicySettings.From(configuration.GetSection("Policy").Get<PolicyOptions>() ?? new PolicyOptions());
        Policy = new PolicyService(settings, Store, Store, time, () => Directory.Graph);
        Directory.StructuresRemoved += (codes, actor) => Policy.ForgetClasses(codes, actor);
        Extensions = new ExtensionPoints();
        SendingPolicy = new SendingPolicy(Mail.Domain, () => Directory.Graph, () => Policy.Settings, () => Policy.State, Store.HasReplyGrant, Extensions);
        Limiter = new SendRateLimiter(() => Policy.Settings, time);
        Bus = new ChangeBus();
        Notices = new Notices(Blobs, Store, Mail, time);
        Quotas = new QuotaService(Mail.Quota, Store);
        IReadOnlyList<IContentAnalyzer> analyzers = [new EnvelopeAnalyzer()];
        Delivery = new DeliveryService(Blobs, Store, Bus, Directory, SendingPolicy, Notices, Quotas, time, loggers.CreateLogger<DeliveryService>(), analyzers, Search, Extensions);
        Held = new HeldMessages(Store, Blobs, Delivery, Directory, Audit, time);
        var hooks = new SubmissionHooks(Extensions, loggers.CreateLogger<SubmissionHooks>());
        Submission = new SubmissionService(Mail, Directory, SendingPolicy, Limiter, Delivery, Quotas, time, Rights, hooks, Held);
        Authenticator = new Authenticator(Directory, credentials, new LoginThrottle(time), Rights);
        Mailboxes = new MailboxService(Store, Store, Blobs, Bus, Mail, Quotas, time, analyzers, Search);
        Announcements = new AnnouncementService(Store, Rights, Audit, time);
        Preferences = new PreferencesService(Store, Directory);
        Passwords = new PasswordChangeService(Authenticator, Directory);
        Accounts = new AccountAdministration(Directory);
        PluginOptions = configuration.GetSection("Plugins").Get<PluginHostOptions>() ?? new PluginHostOptions();
        Plugins = new PluginManager(
            PluginOptions,
            new PluginHostServices(Mail, Directory, Submission, Blobs, Store, Audit, Extensions, time, loggers, configuration, Rights))
        {
            ReservedVerbs = CliApp.VerbGroups,
        };
    }

    /// <summary>The configuration in force.</summary>
    public IConfiguration Configuration { get; }

    /// <summary>Logging.</summary>
    public ILoggerFactory Loggers { get; }

    /// <summary>The clock.</summary>
    public TimeProvider Time { get; }

    /// <summary>The <c>Mail</c> section.</summary>
    public MailOptions Mail { get; }

    /// <summary>The <c>Smtp</c> section.</summary>
    public SmtpOptions Smtp { get; }

    /// <summary>The <c>Storage</c> section.</summary>
    public StorageOptions Storage { get; }

    /// <summary>The <c>Imap</c> section.</summary>
    public ImapOptions Imap { get; }

    /// <summary>The <c>Web</c> section.</summary>
    public WebOptions Web { get; }

    /// <summary>The absolute data folder.</summary>
    public string DataDirectory { get; }

    /// <summary>The embedded index.</summary>
    public LiteDbStore Store { get; }

    /// <summary>Raw messages.</summary>
    public FileBlobStore Blobs { get; }

    /// <summary>The folded text of each message, for text search.</summary>
    public SearchIndex Search { get; }

    /// <summary>Accounts and the establishment graph.</summary>
    public DirectoryService Directory { get; }

    /// <summary>The append-only audit log (the store).</summary>
    public IAuditLog Audit { get; }

    /// <summary>Services, their rights, delegations and ENT roles: the one place rights are checked.</summary>
    public RightsService Rights { get; }

    /// <summary>Rule table and switches.</summary>
    public PolicyService Policy { get; }

    /// <summary>Per-recipient decisions.</summary>
    public SendingPolicy SendingPolicy { get; }

    /// <summary>Send rate limits.</summary>
    public SendRateLimiter Limiter { get; }

    /// <summary>Mailbox change announcements.</summary>
    public ChangeBus Bus { get; }

    /// <summary>Outside notifications.</summary>
    public Notices Notices { get; }

    /// <summary>Storage quotas: limits per profile and account, usage.</summary>
    public QuotaService Quotas { get; }

    /// <summary>Durable filing of messages.</summary>
    public DeliveryService Delivery { get; }

    /// <summary>Where plugins attach submission hooks, recipient lists and delivery observers.</summary>
    public ExtensionPoints Extensions { get; }

    /// <summary>Messages held by a submission hook for an administrator.</summary>
    public HeldMessages Held { get; }

    /// <summary>The <c>Plugins</c> section.</summary>
    public PluginHostOptions PluginOptions { get; }

    /// <summary>The installed plugins (loaded by <see cref="Open"/>).</summary>
    public PluginManager Plugins { get; }

    /// <summary>The entry point for new messages.</summary>
    public SubmissionService Submission { get; }

    /// <summary>Logins.</summary>
    public Authenticator Authenticator { get; }

    /// <summary>Users' own changes to their mailboxes (IMAP, webmail).</summary>
    public MailboxService Mailboxes { get; }

    /// <summary>Home-page announcements.</summary>
    public AnnouncementService Announcements { get; }

    /// <summary>Users' signature, language and notification address.</summary>
    public PreferencesService Preferences { get; }

    /// <summary>Users' own password changes.</summary>
    public PasswordChangeService Passwords { get; }

    /// <summary>The administrator's account screens.</summary>
    public AccountAdministration Accounts { get; }

    /// <summary>Opens the data folder named by the configuration. Without <paramref name="time"/>, the
    /// clock is the system's seen from the school's zone (<c>School:TimeZone</c>).</summary>
    /// <remarks>The installed plugins are loaded too (for their CLI verbs as much as for the server):
    /// one that fails is marked failed, never fatal.</remarks>
    public static PreauRuntime Open(IConfiguration configuration, ILoggerFactory loggers, TimeProvider? time = null)
    {
        var runtime = new PreauRuntime(configuration, loggers, time ?? SchoolTimeProvider.For(configuration["School:TimeZone"]));
        try
        {
            runtime.Plugins.LoadAllAsync().GetAwaiter().GetResult();
            return runtime;
        }
        catch
        {
            runtime.Dispose();
            throw;
        }
    }

    /// <summary>Unloads the plugins and closes the store.</summary>
    public void Dispose()
    {
        Plugins.DisposeAsync().AsTask().GetAwaiter().GetResult();
        Search.Dispose();
        Store.Dispose();
    }
}
