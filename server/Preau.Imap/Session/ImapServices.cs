using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Logging;
using Preau.Core.Auth;
using Preau.Core.Directory;
using Preau.Core.Mail;

namespace Preau.Imap.Session;

/// <summary>What every session shares: Core services, options, the certificate, the connection counts.</summary>
internal sealed class ImapServices(
    ImapOptions options,
    MailOptions mail,
    X509Certificate2 certificate,
    Authenticator authenticator,
    DirectoryService directory,
    MailboxService mailboxes,
    ChangeBus bus,
    ConnectionCounter accounts,
    ILogger log)
{
    public ImapOptions Options { get; } = options;

    public MailOptions Mail { get; } = mail;

    public X509Certificate2 Certificate { get; } = certificate;

    public Authenticator Authenticator { get; } = authenticator;

    public DirectoryService Directory { get; } = directory;

    public MailboxService Mailboxes { get; } = mailboxes;

    public ChangeBus Bus { get; } = bus;

    /// <summary>Logged-in connections per account.</summary>
    public ConnectionCounter Accounts { get; } = accounts;

    public ILogger Log { get; } = log;

    /// <summary>Rendered envelopes by blob (about 300 octets each: 50,000 cost about 15 MB at most).</summary>
    public EnvelopeCache Envelopes { get; } = new(50_000);
}
