using MimeKit;

namespace Preau.Core.Mail.Webmail;

/// <summary>A message written in the webmail, before it becomes MIME (<see cref="WebmailComposer"/>).</summary>
/// <param name="From">The sender: the signed-in account.</param>
/// <param name="To">To: recipients.</param>
/// <param name="Cc">Cc: recipients.</param>
/// <param name="Bcc">Bcc: recipients (written into the header only for a draft).</param>
/// <param name="Subject">The subject.</param>
/// <param name="Text">The plain text (made from the HTML when absent and there is HTML).</param>
/// <param name="Html">The HTML, already sanitised by the caller, or null for a text-only message.</param>
/// <param name="Attachments">Parts to attach, in order (<see cref="WebmailComposer.FileAttachment"/>,
/// parts of existing messages, <see cref="WebmailComposer.ForwardedMessage"/>).</param>
/// <param name="InReplyTo">The Message-Id answered (without angle brackets), or null.</param>
/// <param name="References">The thread's Message-Ids, oldest first.</param>
public sealed record Composition(
    PersonAddress From,
    IReadOnlyList<PersonAddress> To,
    IReadOnlyList<PersonAddress> Cc,
    IReadOnlyList<PersonAddress> Bcc,
    string Subject,
    string? Text,
    string? Html,
    IReadOnlyList<MimeEntity> Attachments,
    string? InReplyTo = null,
    IReadOnlyList<string>? References = null);
