namespace Preau.Core.Mail;

/// <summary>Where a submission comes from, for the policy and the trace header.</summary>
/// <param name="Protocol">"ESMTPSA" (authenticated SMTP), "ESMTPS"/"ESMTP" (inbound), "HTTP" (webmail), "PLUGIN".</param>
/// <param name="RemoteAddress">The client's IP address, or "local".</param>
/// <param name="Helo">What the client called itself, if it did.</param>
/// <param name="IgnoreRecipientLimit">Only targeted mass mail may exceed the per-message limit.</param>
/// <param name="SentCopy">Whether the sender gets a copy in Envoyés (webmail and plugins; SMTP clients save their own).</param>
public sealed record SubmissionContext(
    string Protocol,
    string RemoteAddress,
    string? Helo = null,
    bool IgnoreRecipientLimit = false,
    bool SentCopy = false);
