using System.Text;
using MimeKit;
using MimeKit.Text;

namespace Preau.Core.Search;

/// <summary>
/// Text as SEARCH compares it: decoded (encoded-words, transfer encodings, charsets, HTML markup) and
/// case-folded, so "élève" finds "ÉLÈVE" and "=?utf-8?q?=C3=89l=C3=A8ve?=".
/// </summary>
public static class SearchText
{
    /// <summary>
    /// A simple Unicode case fold: compatibility composition (NFKC, so a decomposed "é" or a ligature
    /// "ﬁ" compares as its usual form), then upper then lower case, which also merges the forms that
    /// differ only in one direction (final sigma, long s). Accents are kept: "eleve" does not find "élève".
    /// </summary>
    /// <param name="text">The text.</param>
    public static string Fold(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var normalized = text.IsNormalized(NormalizationForm.FormKC) ? text : text.Normalize(NormalizationForm.FormKC);
        return normalized.ToUpperInvariant().ToLowerInvariant();
    }

    /// <summary>Whether <paramref name="foldedText"/> contains <paramref name="foldedNeedle"/>; both already folded.</summary>
    /// <param name="foldedText">The text searched, folded.</param>
    /// <param name="foldedNeedle">The string searched for, folded.</param>
    public static bool Contains(string foldedText, string foldedNeedle)
    {
        ArgumentNullException.ThrowIfNull(foldedText);
        ArgumentNullException.ThrowIfNull(foldedNeedle);
        return foldedText.Contains(foldedNeedle, StringComparison.Ordinal);
    }

    /// <summary>The header as text: one <c>Field: decoded value</c> line per field.</summary>
    /// <param name="message">The message.</param>
    public static string Headers(MimeMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var builder = new StringBuilder();
        foreach (var header in AllHeaders(message))
        {
            builder.Append(header.Field).Append(": ").Append(header.Value).Append('\n');
        }

        return builder.ToString();
    }

    /// <summary>
    /// Every field of the top-level header. MimeKit files the Content-* fields under the body entity, so
    /// both lists are walked.
    /// </summary>
    /// <param name="message">The message.</param>
    public static IEnumerable<Header> AllHeaders(MimeMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        foreach (var header in message.Headers)
        {
            yield return header;
        }

        if (message.Body is { } body)
        {
            foreach (var header in body.Headers)
            {
                yield return header;
            }
        }
    }

    /// <summary>
    /// The body as text: every text part decoded (HTML reduced to its text), and the header and text of
    /// attached messages. Other attachments are binary data, not text a user searches for.
    /// </summary>
    /// <param name="message">The message.</param>
    public static string Body(MimeMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var builder = new StringBuilder();
        if (message.Body is { } body)
        {
            AppendEntity(builder, body);
        }

        return builder.ToString();
    }

    /// <summary>The text of an HTML document: character data only, entities decoded, scripts and styles left out.</summary>
    /// <param name="html">The HTML.</param>
    public static string HtmlToText(string html)
    {
        ArgumentNullException.ThrowIfNull(html);
        var builder = new StringBuilder();
        using var reader = new StringReader(html);
        var tokenizer = new HtmlTokenizer(reader);
        var hidden = false;
        while (tokenizer.ReadNextToken(out var token))
        {
            switch (token)
            {
                case HtmlTagToken { Id: HtmlTagId.Script or HtmlTagId.Style } tag:
                    hidden = !tag.IsEndTag && !tag.IsEmptyElement;
                    break;
                case HtmlDataToken { Kind: HtmlTokenKind.Data } data when !hidden:
                    builder.Append(data.Data);
                    break;
                case HtmlTagToken tag when BreaksText(tag.Id):
                    // Block boundaries separate words; inline tags (<b>, <span>) must not split "élè<b>ve</b>".
                    builder.Append('\n');
                    break;
            }
        }

        return builder.ToString();
    }

    private static void AppendEntity(StringBuilder builder, MimeEntity entity)
    {
        switch (entity)
        {
            case Multipart multipart:
                foreach (var child in multipart)
                {
                    AppendEntity(builder, child);
                }

                break;
            case MessagePart { Message: { } inner }:
                builder.Append(Headers(inner));
                if (inner.Body is { } innerBody)
                {
                    AppendEntity(builder, innerBody);
                }

                break;
            case TextPart text:
                var decoded = Decode(text);
                builder.Append(text.IsHtml ? HtmlToText(decoded) : decoded).Append('\n');
                break;
        }
    }

    private static string Decode(TextPart part)
    {
        try
        {
            return part.Text;
        }
        catch (Exception e) when (e is DecoderFallbackException or NotSupportedException or FormatException or IOException)
        {
            // A part that cannot be decoded is not searchable; the rest of the message still is.
            return "";
        }
    }

    private static bool BreaksText(HtmlTagId id) => id is HtmlTagId.Br or HtmlTagId.P or HtmlTagId.Div
        or HtmlTagId.LI or HtmlTagId.TR or HtmlTagId.TD or HtmlTagId.TH or HtmlTagId.Table or HtmlTagId.H1
        or HtmlTagId.H2 or HtmlTagId.H3 or HtmlTagId.H4 or HtmlTagId.H5 or HtmlTagId.H6 or HtmlTagId.BlockQuote
        or HtmlTagId.Pre or HtmlTagId.HR or HtmlTagId.Title or HtmlTagId.Body;
}
