namespace Preau.Core.Mail;

/// <summary>A message waiting in the persistent queue for delivery outside the school.</summary>
/// <param name="Id">Queue identifier.</param>
/// <param name="BlobHash">The raw message.</param>
/// <param name="MailFrom">Envelope sender; empty for bounces (null reverse-path).</param>
/// <param name="Recipients">External recipients still to deliver.</param>
/// <param name="SenderAccountId">The local account that sent it, told on permanent failure.</param>
/// <param name="Created">When it was queued; expiry counts from here.</param>
/// <param name="NextAttempt">When the relay worker tries next.</param>
/// <param name="Attempts">Attempts made so far.</param>
/// <param name="LastError">What the last attempt said.</param>
public sealed record RelayItem(
    string Id,
    string BlobHash,
    string MailFrom,
    IReadOnlyList<string> Recipients,
    string? SenderAccountId,
    DateTimeOffset Created,
    DateTimeOffset NextAttempt,
    int Attempts,
    string? LastError);
