using System.Text;
using MimeKit;
using MimeKit.Utils;

namespace Preau.Imap.Content;

/// <summary>
/// FETCH BODYSTRUCTURE (with extension data) and BODY (without), RFC 3501 §7.4.2 / RFC 9051 §7.5.2.
/// Sizes and line counts are those of the encoded bodies in the raw octets.
/// </summary>
/// <remarks>
/// <code>
/// body-type-1part = (body-type-basic / body-type-msg / body-type-text) [SP body-ext-1part]
/// body-fields     = body-fld-param SP body-fld-id SP body-fld-desc SP body-fld-enc SP body-fld-octets
/// body-type-msg   = media-message SP body-fields SP envelope SP body SP body-fld-lines
/// body-type-text  = media-text SP body-fields SP body-fld-lines
/// body-ext-1part  = body-fld-md5 [SP body-fld-dsp [SP body-fld-lang [SP body-fld-loc]]]
/// body-type-mpart = 1*body SP media-subtype [SP body-ext-mpart]
/// body-ext-mpart  = body-fld-param [SP body-fld-dsp [SP body-fld-lang [SP body-fld-loc]]]
/// </code>
/// Types, subtypes, encodings and parameter names are upper case, as UW, Cyrus and RFC 3501's examples
/// write them; parameter values keep their case.
/// </remarks>
public static class BodyStructureRenderer
{
    // IMAP needs at least one part in a multipart; Dovecot answers an empty one with this stand-in.
    private const string EmptyPart = "(\"TEXT\" \"PLAIN\" (\"CHARSET\" \"US-ASCII\") NIL NIL \"7BIT\" 0 0)";
    private const string EmptyEnvelope = "(NIL NIL NIL NIL NIL NIL NIL NIL NIL NIL)";

    /// <summary>The body structure of the message.</summary>
    /// <param name="message">The parsed message.</param>
    /// <param name="extensible">True for BODYSTRUCTURE (extension data), false for BODY.</param>
    public static string Render(ParsedMessage message, bool extensible = true)
    {
        ArgumentNullException.ThrowIfNull(message);
        var builder = new StringBuilder();
        Append(builder, message.Root.Body, message.Raw.Span, extensible);
        return builder.ToString();
    }

    /// <summary>Appends the body structure of one entity (and its descendants).</summary>
    /// <param name="builder">The output.</param>
    /// <param name="node">The entity.</param>
    /// <param name="raw">The raw message the node's ranges point into.</param>
    /// <param name="extensible">True for BODYSTRUCTURE, false for BODY.</param>
    public static void Append(StringBuilder builder, MimeNode node, ReadOnlySpan<byte> raw, bool extensible)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(node);
        if (node.Entity is Multipart)
        {
            AppendMultipart(builder, node, raw, extensible);
        }
        else
        {
            AppendSinglePart(builder, node, raw, extensible);
        }
    }

    private static void AppendMultipart(StringBuilder builder, MimeNode node, ReadOnlySpan<byte> raw, bool extensible)
    {
        var entity = node.Entity;
        builder.Append('(');
        if (node.Children.Count == 0)
        {
            builder.Append(EmptyPart);
        }

        foreach (var child in node.Children)
        {
            Append(builder, child, raw, extensible);
        }

        builder.Append(' ');
        ImapText.AppendString(builder, entity.ContentType.MediaSubtype.ToUpperInvariant());
        if (extensible)
        {
            builder.Append(' ');
            AppendParameters(builder, entity.ContentType.Parameters);
            AppendExtensionTail(builder, entity);
        }

        builder.Append(')');
    }

    private static void AppendSinglePart(StringBuilder builder, MimeNode node, ReadOnlySpan<byte> raw, bool extensible)
    {
        var entity = node.Entity;
        var type = entity.ContentType;
        var declared = entity.Headers.Contains(HeaderId.ContentType);
        builder.Append('(');
        ImapText.AppendString(builder, type.MediaType.ToUpperInvariant());
        builder.Append(' ');
        ImapText.AppendString(builder, type.MediaSubtype.ToUpperInvariant());
        builder.Append(' ');
        if (!declared && type.MediaType.Equals("text", StringComparison.OrdinalIgnoreCase))
        {
            // No Content-Type at all: RFC 2045 §5.2's default, text/plain; charset=us-ascii, said in full.
            // (A multipart/digest part without one is message/rfc822 and has no such default parameter.)
            builder.Append("(\"CHARSET\" \"US-ASCII\")");
        }
        else
        {
            AppendParameters(builder, type.Parameters);
        }

        builder.Append(' ');
        ImapText.AppendNString(builder, HeaderText.Raw(entity.Headers, "Content-ID"));
        builder.Append(' ');
        ImapText.AppendNString(builder, HeaderText.Raw(entity.Headers, "Content-Description"));
        builder.Append(' ');
        var encoding = HeaderText.Raw(entity.Headers, "Content-Transfer-Encoding");
        ImapText.AppendString(builder, string.IsNullOrEmpty(encoding) ? "7BIT" : encoding.ToUpperInvariant());
        builder.Append(' ').Append(node.Body.Length);

        if (node.Message is { } inner)
        {
            builder.Append(' ');
            EnvelopeRenderer.Append(builder, inner.Message.Headers);
            builder.Append(' ');
            Append(builder, inner.Body, raw, extensible);
            builder.Append(' ').Append(node.Body.CountLines(raw));
        }
        else if (ParsedMessage.IsEncapsulatedMessage(type))
        {
            // An empty or encoded message/rfc822 has no message MimeKit could read, but the grammar still
            // wants envelope, body and lines after MESSAGE/RFC822; clients parse them unconditionally.
            builder.Append(' ').Append(EmptyEnvelope).Append(' ').Append(EmptyPart);
            builder.Append(' ').Append(node.Body.CountLines(raw));
        }
        else if (type.MediaType.Equals("text", StringComparison.OrdinalIgnoreCase))
        {
            builder.Append(' ').Append(node.Body.CountLines(raw));
        }

        if (extensible)
        {
            builder.Append(' ');
            ImapText.AppendNString(builder, HeaderText.Raw(entity.Headers, "Content-MD5"));
            AppendExtensionTail(builder, entity);
        }

        builder.Append(')');
    }

    /// <summary>The extension fields both kinds share: disposition, language, location.</summary>
    private static void AppendExtensionTail(StringBuilder builder, MimeEntity entity)
    {
        builder.Append(' ');
        var disposition = entity.ContentDisposition;
        if (disposition is null)
        {
            ImapText.AppendNil(builder);
        }
        else
        {
            builder.Append('(');
            ImapText.AppendString(builder, disposition.Disposition.ToUpperInvariant());
            builder.Append(' ');
            AppendParameters(builder, disposition.Parameters);
            builder.Append(')');
        }

        builder.Append(' ');
        AppendLanguages(builder, HeaderText.Raw(entity.Headers, "Content-Language"));
        builder.Append(' ');
        ImapText.AppendNString(builder, HeaderText.Raw(entity.Headers, "Content-Location"));
    }

    /// <summary>
    /// <c>("NAME" "value" ...)</c> or NIL. MimeKit has decoded RFC 2231 and encoded-word values; a value
    /// that is not ASCII goes back as an RFC 2047 encoded-word, the form IMAP4rev1 clients decode.
    /// </summary>
    private static void AppendParameters(StringBuilder builder, ParameterList parameters)
    {
        if (parameters.Count == 0)
        {
            ImapText.AppendNil(builder);
            return;
        }

        builder.Append('(');
        var first = true;
        foreach (var parameter in parameters)
        {
            if (!first)
            {
                builder.Append(' ');
            }

            first = false;
            ImapText.AppendString(builder, parameter.Name.ToUpperInvariant());
            builder.Append(' ');
            var value = parameter.Value ?? "";
            ImapText.AppendString(builder, HeaderText.IsAscii(value)
                ? value
                : HeaderText.Unfold(Encoding.ASCII.GetString(Rfc2047.EncodeText(Encoding.UTF8, value))));
        }

        builder.Append(')');
    }

    /// <summary>body-fld-lang: NIL, one string, or a list when the header names several languages.</summary>
    private static void AppendLanguages(StringBuilder builder, string? header)
    {
        var tags = (header ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        switch (tags.Length)
        {
            case 0:
                ImapText.AppendNil(builder);
                break;
            case 1:
                ImapText.AppendString(builder, tags[0]);
                break;
            default:
                builder.Append('(');
                builder.AppendJoin(' ', tags.Select(tag => Quote(tag)));
                builder.Append(')');
                break;
        }
    }

    private static string Quote(string value)
    {
        var builder = new StringBuilder();
        ImapText.AppendString(builder, value);
        return builder.ToString();
    }
}
