namespace Preau.Plugins.Mail;

/// <summary>Sends mail through the core's single submission path: the same recipient decisions,
/// recipient limit and submission hooks as SMTP and the webmail.</summary>
public interface IMailSender
{
    /// <summary>Sends as the server itself (<c>ne-pas-repondre@domain</c>, shown with
    /// <see cref="OutgoingMail.SenderName"/>): any account, list or outside address may be written to;
    /// the sending rules do not apply. Check the caller's rights before sending on a user's request.</summary>
    Task<SendResult> SendAsSystemAsync(OutgoingMail mail, CancellationToken cancellationToken = default);

    /// <summary>Sends as the account <paramref name="login"/>, under its sending rules, limits and
    /// state (a suspended account cannot send).</summary>
    Task<SendResult> SendOnBehalfOfAsync(string login, OutgoingMail mail, CancellationToken cancellationToken = default);
}

/// <summary>A message to send.</summary>
public sealed record OutgoingMail
{
    /// <summary>Recipients: logins, local or outside addresses, list addresses.</summary>
    public required IReadOnlyList<string> To { get; init; }

    /// <summary>Copy recipients.</summary>
    public IReadOnlyList<string> Cc { get; init; } = [];

    /// <summary>The subject.</summary>
    public required string Subject { get; init; }

    /// <summary>The plain-text body.</summary>
    public required string TextBody { get; init; }

    /// <summary>An HTML alternative, if any.</summary>
    public string? HtmlBody { get; init; }

    /// <summary>Attachments.</summary>
    public IReadOnlyList<MailAttachment> Attachments { get; init; } = [];

    /// <summary>The name shown for the system sender ("Vie scolaire"); ignored on behalf of an account.</summary>
    public string? SenderName { get; init; }

    /// <summary>On behalf of an account: put a copy in its Envoyés folder.</summary>
    public bool SaveCopy { get; init; }

    /// <summary>As the system only: exceed the per-message recipient limit (targeted mass mail).</summary>
    public bool IgnoreRecipientLimit { get; init; }
}

/// <summary>A file attached to an <see cref="OutgoingMail"/>.</summary>
/// <param name="FileName">The file name shown.</param>
/// <param name="ContentType">The MIME type ("application/pdf").</param>
/// <param name="Content">The bytes.</param>
public sealed record MailAttachment(string FileName, string ContentType, ReadOnlyMemory<byte> Content);

/// <summary>What became of a message.</summary>
public enum SendStatus
{
    /// <summary>Delivered (durably) to every accepted recipient.</summary>
    Sent,

    /// <summary>Accepted, then held by a submission hook for an administrator.</summary>
    Held,

    /// <summary>Not sent: no recipient accepted, or the message refused (see <see cref="SendResult.Reply"/>).</summary>
    Refused,
}

/// <summary>The outcome of a send.</summary>
/// <param name="Status">Sent, held or refused.</param>
/// <param name="Reply">The final answer, in words ("queued as …", or the refusal).</param>
/// <param name="Refused">Recipients refused (the message went to the others).</param>
public sealed record SendResult(SendStatus Status, string Reply, IReadOnlyList<RefusedRecipient> Refused);

/// <summary>A recipient the policy refused.</summary>
/// <param name="Address">The address as given.</param>
/// <param name="Reason">The policy's reason.</param>
public sealed record RefusedRecipient(string Address, string Reason);
