using MimeKit;
using Preau.Core.Mail;
using Preau.Imap.Content;

namespace Preau.Imap;

/// <summary>Renders a message's IMAP ENVELOPE at delivery, so FETCH ENVELOPE never has to read the
/// message: Thunderbird asks for the envelopes of a whole folder each time it opens it.</summary>
public sealed class EnvelopeAnalyzer : IContentAnalyzer
{
    /// <summary>The key of the rendered envelope in <see cref="MessageSummary.Extras"/>.</summary>
    public const string EnvelopeKey = "imap.envelope";

    /// <inheritdoc />
    public string Key => EnvelopeKey;

    /// <inheritdoc />
    public string? Analyze(HeaderList headers) => EnvelopeRenderer.Render(headers);
}
