using Preau.Core.Directory;
using Preau.Core.Mail;
using Preau.Core.Policy;

namespace Preau.Web.Mail;

/// <summary>The Core services the mail API uses: the same ones SMTP and IMAP use.</summary>
/// <param name="Mailboxes">The account's folders and messages (ownership checked there).</param>
/// <param name="Submission">The one way in for new mail (policy, limits, rights).</param>
/// <param name="Directory">Accounts and the graph.</param>
/// <param name="Policy">The sending rules (recipient suggestions).</param>
/// <param name="Bus">Mailbox changes (server-sent events).</param>
/// <param name="Mail">The mail options (domain, largest message).</param>
/// <param name="DataDirectory">The data folder (uploads are kept in its <c>uploads/</c>).</param>
/// <param name="Time">The clock.</param>
public sealed record MailApiServices(
    MailboxService Mailboxes,
    SubmissionService Submission,
    DirectoryService Directory,
    SendingPolicy Policy,
    ChangeBus Bus,
    MailOptions Mail,
    string DataDirectory,
    TimeProvider Time);
