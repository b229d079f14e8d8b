namespace Preau.Web.Mail;

/// <summary>The body of <c>POST /api/mail/send</c> and <c>PUT /api/mail/drafts</c>.</summary>
/// <param name="To">To: addresses ("a@b" or "Nom &lt;a@b&gt;").</param>
/// <param name="Cc">Cc: addresses.</param>
/// <param name="Bcc">Bcc: addresses (never shown to recipients).</param>
/// <param name="Subject">The subject.</param>
/// <param name="Text">The plain text.</param>
/// <param name="Html">The HTML, if written in the rich editor (sanitised before it leaves).</param>
/// <param name="Attachments">Upload ids, or <c>&lt;message id&gt;/&lt;part&gt;</c> to carry a part of one of the
/// caller's messages (a draft's attachments, a forwarded message's).</param>
/// <param name="ReplyTo">The message answered: In-Reply-To and References are set, and it gets \Answered.</param>
/// <param name="ForwardOf">The message forwarded: attached whole (message/rfc822); it gets $Forwarded.</param>
/// <param name="DraftId">The draft this message was written from: removed once sent (or replaced when saved).</param>
internal sealed record ComposeRequest(
    IReadOnlyList<string>? To,
    IReadOnlyList<string>? Cc,
    IReadOnlyList<string>? Bcc,
    string? Subject,
    string? Text,
    string? Html,
    IReadOnlyList<string>? Attachments,
    string? ReplyTo,
    string? ForwardOf,
    string? DraftId);
