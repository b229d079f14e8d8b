using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Preau.Core.Directory;
using Preau.Core.Extensions;
using Preau.Core.Mail;
using Preau.Core.Rights;
using Preau.Core.Storage;

namespace Preau.PluginHost;

/// <summary>The Core services the host builds plugins' services on.</summary>
/// <param name="Mail">The <c>Mail</c> section (domain, system sender).</param>
/// <param name="Directory">Accounts and the establishment graph.</param>
/// <param name="Submission">The single entry point for new mail.</param>
/// <param name="Blobs">Stored messages (delivery events open them).</param>
/// <param name="Documents">Plugins' storage and the host's own state.</param>
/// <param name="Audit">Where every plugin change is recorded.</param>
/// <param name="Extensions">Where hooks, lists and observers are attached.</param>
/// <param name="Time">The clock.</param>
/// <param name="Loggers">Logging, shared with plugins.</param>
/// <param name="Configuration">The configuration (plugins read <c>PluginSettings:&lt;Id&gt;</c>).</param>
/// <param name="Rights">The rights model: checks, and the plugins' services.</param>
public sealed record PluginHostServices(
    MailOptions Mail,
    DirectoryService Directory,
    SubmissionService Submission,
    IBlobStore Blobs,
    IDocumentStore Documents,
    IAuditLog Audit,
    ExtensionPoints Extensions,
    TimeProvider Time,
    ILoggerFactory Loggers,
    IConfiguration Configuration,
    RightsService Rights);
