using Preau.Imap.Protocol.Syntax;

namespace Preau.Imap.Protocol.Fetch;

/// <summary>Parses the inside of <c>BODY[…]</c> and <c>BINARY[…]</c>.</summary>
/// <remarks>
/// <code>
/// section         = "[" [section-spec] "]"
/// section-spec    = section-msgtext / (section-part ["." section-text])
/// section-msgtext = "HEADER" / "HEADER.FIELDS" [".NOT"] SP header-list / "TEXT"
/// section-part    = nz-number *("." nz-number)
/// section-text    = section-msgtext / "MIME"
/// header-list     = "(" header-fld-name *(SP header-fld-name) ")"
/// section-binary  = "[" [section-part] "]"                            ; RFC 3516
/// </code>
/// </remarks>
internal static class BodySectionParser
{
    /// <summary>Parses a section.</summary>
    /// <param name="spec">The text between the brackets, without the header list, upper case.</param>
    /// <param name="fields">The header list's names when one followed, else null.</param>
    /// <param name="binary">True for BINARY and BINARY.SIZE, which take part numbers only.</param>
    /// <param name="error">Why the section is invalid.</param>
    public static BodySection? TryParse(string spec, IReadOnlyList<string>? fields, bool binary, out string error)
    {
        error = "";
        var part = new List<uint>();
        var rest = spec.AsSpan();
        while (!rest.IsEmpty && char.IsAsciiDigit(rest[0]))
        {
            var dot = rest.IndexOf('.');
            var number = dot < 0 ? rest : rest[..dot];
            if (!ImapNumber.TryParseNz(number, out var n))
            {
                error = $"invalid part number '{number}'";
                return null;
            }

            part.Add(n);
            rest = dot < 0 ? [] : rest[(dot + 1)..];
            if (dot >= 0 && rest.IsEmpty)
            {
                error = "section ends with '.'";
                return null;
            }
        }

        var text = rest switch
        {
            "" => SectionText.None,
            "HEADER" => SectionText.Header,
            "HEADER.FIELDS" => SectionText.HeaderFields,
            "HEADER.FIELDS.NOT" => SectionText.HeaderFieldsNot,
            "TEXT" => SectionText.Text,
            "MIME" when part.Count > 0 => SectionText.Mime,
            _ => (SectionText)(-1),
        };

        if ((int)text < 0 || (binary && text != SectionText.None))
        {
            error = $"invalid section '{spec}'";
            return null;
        }

        var wantsFields = text is SectionText.HeaderFields or SectionText.HeaderFieldsNot;
        if (wantsFields != (fields is not null))
        {
            error = wantsFields ? $"{spec} needs a list of header field names" : "unexpected header field list";
            return null;
        }

        if (wantsFields && fields!.Count == 0)
        {
            error = "empty header field list";
            return null;
        }

        return new BodySection(part, text, fields ?? []);
    }
}
