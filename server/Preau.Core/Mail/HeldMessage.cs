namespace Preau.Core.Mail;

/// <summary>A message a submission hook held: stored (its blob is durable), recipients decided, not
/// delivered until an administrator releases it.</summary>
/// <param name="Id">Identifier shown to the administrator.</param>
/// <param name="BlobHash">The stored message, trace header included.</param>
/// <param name="MailFrom">The envelope sender.</param>
/// <param name="SenderId">The sending account, if local.</param>
/// <param name="LocalAccountIds">Local recipients, as decided at submission.</param>
/// <param name="External">Outside recipients.</param>
/// <param name="SentCopy">Whether the sender gets a copy in Envoyés on release.</param>
/// <param name="Hook">The hook that held it.</param>
/// <param name="Reason">The hook's reason.</param>
/// <param name="HeldAt">When.</param>
/// <param name="Subject">The subject, for the listing.</param>
/// <param name="Size">Size in octets.</param>
public sealed record HeldMessage(
    string Id,
    string BlobHash,
    string MailFrom,
    string? SenderId,
    IReadOnlyList<string> LocalAccountIds,
    IReadOnlyList<string> External,
    bool SentCopy,
    string Hook,
    string Reason,
    DateTimeOffset HeldAt,
    string Subject,
    long Size);
