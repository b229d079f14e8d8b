using Preau.Plugins.Graph;

namespace Preau.Plugins.Mail;

/// <summary>What a submission hook sees of a message.</summary>
/// <param name="MailFrom">The envelope sender.</param>
/// <param name="Sender">The local account sending, or null (mail from outside, or the system).</param>
/// <param name="IsSystem">Whether the system sends (a plugin's <see cref="IMailSender.SendAsSystemAsync"/>).</param>
/// <param name="Recipients">The accepted recipient addresses, lists expanded.</param>
/// <param name="Protocol">"ESMTPSA" (authenticated SMTP), "ESMTP"/"ESMTPS" (from outside), "HTTP" (webmail), "PLUGIN".</param>
/// <param name="Subject">The decoded subject ("" when none).</param>
/// <param name="Content">The raw message as it will be stored (RFC 5322, trace header included).</param>
public sealed record SubmittedMessage(
    string MailFrom,
    AccountRecord? Sender,
    bool IsSystem,
    IReadOnlyList<string> Recipients,
    string Protocol,
    string Subject,
    ReadOnlyMemory<byte> Content);
