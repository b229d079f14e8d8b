using MimeKit;

namespace Preau.Core.Mail;

/// <summary>Derives a value from a message's headers once, at delivery, to keep beside its summary
/// (a protocol's rendering of the headers, such as IMAP's ENVELOPE). Registered by the composition
/// root; Core stays unaware of what the values mean.</summary>
public interface IContentAnalyzer
{
    /// <summary>The key the value is stored under in <see cref="MessageSummary.Extras"/>.</summary>
    string Key { get; }

    /// <summary>The value for this message, or null to store nothing. Must not throw on odd headers.</summary>
    string? Analyze(HeaderList headers);
}
