using System.Runtime.InteropServices;
using MimeKit;
using MimeKit.Utils;

namespace Preau.Core.Mail;

/// <summary>Reads the listing headers of a raw message once, at delivery.</summary>
public static class SummaryParser
{
    /// <summary>The summary; a message with unreadable headers still gets one (empty fields).</summary>
    public static MessageSummary Parse(ReadOnlyMemory<byte> raw) => Parse(raw, []);

    /// <summary>The summary, with the values of <paramref name="analyzers"/> computed from the same headers.</summary>
    public static MessageSummary Parse(ReadOnlyMemory<byte> raw, IReadOnlyList<IContentAnalyzer> analyzers)
    {
        HeaderList headers;
        try
        {
            using var stream = MemoryMarshal.TryGetArray(raw, out var segment)
                ? new MemoryStream(segment.Array!, segment.Offset, segment.Count, writable: false)
                : new MemoryStream(raw.ToArray(), writable: false);
            headers = HeaderList.Load(ParserOptions.Default, stream);
        }
        catch (FormatException)
        {
            // No header block: the analyzers still run, on no headers (an all-NIL IMAP envelope).
            headers = [];
        }

        DateTimeOffset? date = DateUtils.TryParse(headers[HeaderId.Date] ?? "", out var d) ? d : null;
        var contentType = headers[HeaderId.ContentType] ?? "";
        Dictionary<string, string>? extras = null;
        foreach (var analyzer in analyzers)
        {
            if (analyzer.Analyze(headers) is { } value)
            {
                (extras ??= new Dictionary<string, string>(StringComparer.Ordinal))[analyzer.Key] = value;
            }
        }

        return new MessageSummary(
            headers[HeaderId.Subject] ?? "",
            headers[HeaderId.From] ?? "",
            headers[HeaderId.To] ?? "",
            date,
            MimeUtils.EnumerateReferences(headers[HeaderId.MessageId] ?? "").FirstOrDefault(),
            contentType.Contains("multipart/mixed", StringComparison.OrdinalIgnoreCase),
            extras);
    }
}
