using System.Text;
using Preau.Imap.Protocol.Syntax;

namespace Preau.Imap.Protocol.Fetch;

/// <summary>What part of a body section names, after its part number.</summary>
public enum SectionText
{
    /// <summary>The whole part (or message): <c>BODY[]</c>, <c>BODY[1.2]</c>.</summary>
    None,

    /// <summary><c>HEADER</c>: the header of the message or of a message/rfc822 part.</summary>
    Header,

    /// <summary><c>HEADER.FIELDS (…)</c>: only the named header fields.</summary>
    HeaderFields,

    /// <summary><c>HEADER.FIELDS.NOT (…)</c>: all but the named header fields.</summary>
    HeaderFieldsNot,

    /// <summary><c>TEXT</c>: the body without the header.</summary>
    Text,

    /// <summary><c>MIME</c>: the MIME header of a part (needs a part number).</summary>
    Mime,
}

/// <summary>A section specifier, the text between the brackets of <c>BODY[…]</c> (RFC 9051 §6.4.5).</summary>
/// <param name="Part">The part path, e.g. [1, 2] for <c>1.2</c>; empty for the whole message.</param>
/// <param name="Text">What of that part.</param>
/// <param name="Fields">The header field names for HEADER.FIELDS(.NOT), as sent; empty otherwise.</param>
public sealed record BodySection(IReadOnlyList<uint> Part, SectionText Text, IReadOnlyList<string> Fields)
{
    /// <summary><c>[]</c>: the whole message.</summary>
    public static BodySection Full { get; } = new([], SectionText.None, []);

    /// <summary><c>[HEADER]</c>.</summary>
    public static BodySection Header { get; } = new([], SectionText.Header, []);

    /// <summary><c>[TEXT]</c>.</summary>
    public static BodySection TextOnly { get; } = new([], SectionText.Text, []);

    /// <summary>The section in wire form, e.g. <c>1.2.HEADER.FIELDS (FROM TO)</c>. Field names are
    /// upper-cased, as servers commonly echo them; header names are case-insensitive.</summary>
    public override string ToString()
    {
        var text = new StringBuilder();
        text.AppendJoin('.', Part);
        var keyword = Text switch
        {
            SectionText.Header => "HEADER",
            SectionText.HeaderFields => "HEADER.FIELDS",
            SectionText.HeaderFieldsNot => "HEADER.FIELDS.NOT",
            SectionText.Text => "TEXT",
            SectionText.Mime => "MIME",
            _ => "",
        };
        if (keyword.Length > 0)
        {
            text.Append(Part.Count > 0 ? "." : "").Append(keyword);
        }

        if (Fields.Count > 0)
        {
            text.Append(" (");
            for (var i = 0; i < Fields.Count; i++)
            {
                var field = Fields[i].ToUpperInvariant();
                text.Append(i > 0 ? " " : "").Append(ImapChars.IsAStringAtom(field) ? field : Quote(field));
            }

            text.Append(')');
        }

        return text.ToString();
    }

    /// <inheritdoc />
    public bool Equals(BodySection? other) =>
        other is not null && Text == other.Text && Part.SequenceEqual(other.Part)
        && Fields.SequenceEqual(other.Fields, StringComparer.OrdinalIgnoreCase);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Text, Part.Count, Fields.Count);

    private static string Quote(string value) => "\"" + value.Replace("\\", "\\\\").Replace("\"", "\\\"") + "\"";
}
