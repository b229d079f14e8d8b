using System.Globalization;

namespace Preau.Imap.Content;

/// <summary>What a section specifier names inside the part it points at (RFC 9051 §6.4.5).</summary>
public enum SectionText
{
    /// <summary>The whole part (or the whole message when there is no part number).</summary>
    None,

    /// <summary>HEADER: the message header, blank line included.</summary>
    Header,

    /// <summary>HEADER.FIELDS (names): only the named header fields.</summary>
    HeaderFields,

    /// <summary>HEADER.FIELDS.NOT (names): every header field but the named ones.</summary>
    HeaderFieldsNot,

    /// <summary>TEXT: the message body, header excluded.</summary>
    Text,

    /// <summary>MIME: the MIME header of a numbered part.</summary>
    Mime,
}

/// <summary>
/// A BODY[section] specifier: a part path (empty for the message itself) and what to take of it.
/// The protocol library parses commands; this type is what <see cref="SectionReader"/> understands.
/// </summary>
/// <remarks>
/// <code>
/// section-spec    = section-msgtext / (section-part ["." section-text])
/// section-msgtext = "HEADER" / "HEADER.FIELDS" [".NOT"] SP header-list / "TEXT"
/// section-part    = nz-number *("." nz-number)
/// section-text    = section-msgtext / "MIME"
/// </code>
/// </remarks>
/// <param name="Part">Part numbers, outermost first; empty for the top-level message.</param>
/// <param name="Text">What to take of the part.</param>
/// <param name="Fields">Field names for HEADER.FIELDS and HEADER.FIELDS.NOT, empty otherwise.</param>
public sealed record BodySection(IReadOnlyList<int> Part, SectionText Text, IReadOnlyList<string> Fields)
{
    /// <summary>RFC822, the same as BODY[]: the whole message.</summary>
    public static BodySection Rfc822 { get; } = new([], SectionText.None, []);

    /// <summary>RFC822.HEADER, the same as BODY.PEEK[HEADER].</summary>
    public static BodySection Rfc822Header { get; } = new([], SectionText.Header, []);

    /// <summary>RFC822.TEXT, the same as BODY[TEXT].</summary>
    public static BodySection Rfc822Text { get; } = new([], SectionText.Text, []);

    /// <summary>
    /// Reads the text between the brackets of BODY[...], e.g. <c>1.2.HEADER.FIELDS (From To)</c>;
    /// a convenience for tests and callers without the protocol library's parser.
    /// </summary>
    /// <param name="spec">The specifier.</param>
    /// <param name="section">The section, when the specifier is valid.</param>
    public static bool TryParse(string spec, out BodySection section)
    {
        ArgumentNullException.ThrowIfNull(spec);
        section = Rfc822;
        var rest = spec.Trim();
        var parts = new List<int>();
        while (rest.Length > 0 && char.IsAsciiDigit(rest[0]))
        {
            var end = rest.IndexOf('.', StringComparison.Ordinal);
            var number = end < 0 ? rest : rest[..end];
            if (number[0] == '0' || !int.TryParse(number, NumberStyles.None, CultureInfo.InvariantCulture, out var n))
            {
                return false;
            }

            parts.Add(n);
            rest = end < 0 ? "" : rest[(end + 1)..];
            if (end >= 0 && rest.Length == 0)
            {
                return false;
            }
        }

        var fields = new List<string>();
        SectionText text;
        if (rest.Length == 0)
        {
            text = SectionText.None;
        }
        else if (rest.Equals("HEADER", StringComparison.OrdinalIgnoreCase))
        {
            text = SectionText.Header;
        }
        else if (rest.Equals("TEXT", StringComparison.OrdinalIgnoreCase))
        {
            text = SectionText.Text;
        }
        else if (rest.Equals("MIME", StringComparison.OrdinalIgnoreCase) && parts.Count > 0)
        {
            text = SectionText.Mime;
        }
        else if (!TryParseFields(rest, fields, out text))
        {
            return false;
        }

        section = new BodySection(parts, text, fields);
        return true;
    }

    private static bool TryParseFields(string rest, List<string> fields, out SectionText text)
    {
        text = SectionText.None;
        const string not = "HEADER.FIELDS.NOT";
        const string plain = "HEADER.FIELDS";
        string list;
        if (rest.StartsWith(not, StringComparison.OrdinalIgnoreCase))
        {
            (text, list) = (SectionText.HeaderFieldsNot, rest[not.Length..]);
        }
        else if (rest.StartsWith(plain, StringComparison.OrdinalIgnoreCase))
        {
            (text, list) = (SectionText.HeaderFields, rest[plain.Length..]);
        }
        else
        {
            return false;
        }

        list = list.Trim();
        if (list.Length < 2 || list[0] != '(' || list[^1] != ')')
        {
            return false;
        }

        foreach (var name in list[1..^1].Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            fields.Add(name.Trim('"'));
        }

        return fields.Count > 0;
    }
}
