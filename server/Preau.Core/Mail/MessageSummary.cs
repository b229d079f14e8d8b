namespace Preau.Core.Mail;

/// <summary>What lists show of a message, parsed once at delivery and kept beside each entry.</summary>
/// <param name="Extras">Values of the registered <see cref="IContentAnalyzer"/>s, by key.</param>
public sealed record MessageSummary(
    string Subject,
    string From,
    string To,
    DateTimeOffset? Date,
    string? MessageId,
    bool HasAttachments,
    IReadOnlyDictionary<string, string>? Extras = null);
