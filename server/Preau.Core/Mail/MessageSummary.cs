namespace Preau.Core.Mail;

/// <summary>What lists show of a message, parsed once at delivery and kept beside each entry.</summary>
public sealed record MessageSummary(
    string Subject,
    string From,
    string To,
    DateTimeOffset? Date,
    string? MessageId,
    bool HasAttachments);
