namespace Preau.Web;

/// <summary>Where mail clients connect, as the autoconfiguration documents announce it.</summary>
/// <param name="Domain">The mail domain.</param>
/// <param name="HostName">The server name clients use.</param>
/// <param name="DisplayName">The name shown in the client.</param>
/// <param name="ImapPort">IMAP with STARTTLS.</param>
/// <param name="ImapTlsPort">IMAP over TLS.</param>
/// <param name="SubmissionPort">SMTP submission with STARTTLS.</param>
/// <param name="SubmissionTlsPort">SMTP submission over TLS.</param>
public sealed record MailEndpoints(
    string Domain,
    string HostName,
    string DisplayName,
    int ImapPort,
    int ImapTlsPort,
    int SubmissionPort,
    int SubmissionTlsPort);
