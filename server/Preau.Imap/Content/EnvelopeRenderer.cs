using System.Text;
using MimeKit;
using MimeKit.Utils;

namespace Preau.Imap.Content;

/// <summary>
/// The ENVELOPE of a message (RFC 3501 §7.4.2, RFC 9051 §7.5.2), from its header as received.
/// Never throws on a malformed header: an unreadable field becomes NIL.
/// </summary>
/// <remarks>
/// <code>
/// envelope = "(" env-date SP env-subject SP env-from SP env-sender SP env-reply-to SP env-to SP
///            env-cc SP env-bcc SP env-in-reply-to SP env-message-id ")"
/// address  = "(" addr-name SP addr-adl SP addr-mailbox SP addr-host ")"
/// </code>
/// Date, subject, in-reply-to and message-id are the raw header values, unfolded: clients decode
/// encoded-words themselves. Groups are a start marker (host NIL, mailbox = group name), the members,
/// then an end marker (all NIL).
/// </remarks>
public static class EnvelopeRenderer
{
    // Dovecot's placeholders: a NIL host would read as a group marker, so a missing part needs a value.
    private const string MissingDomain = "MISSING_DOMAIN";
    private const string MissingMailbox = "MISSING_MAILBOX";

    /// <summary>The envelope of the message whose header this is, as an IMAP parenthesized list.</summary>
    /// <param name="headers">The message header (top-level or of a message/rfc822 part).</param>
    public static string Render(HeaderList headers)
    {
        var builder = new StringBuilder();
        Append(builder, headers);
        return builder.ToString();
    }

    /// <summary>Appends the envelope to <paramref name="builder"/>.</summary>
    /// <param name="builder">The output.</param>
    /// <param name="headers">The message header.</param>
    public static void Append(StringBuilder builder, HeaderList headers)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(headers);

        var from = HeaderText.Addresses(headers, "From");
        builder.Append('(');
        ImapText.AppendNString(builder, HeaderText.Raw(headers, "Date"));
        builder.Append(' ');
        ImapText.AppendNString(builder, HeaderText.Raw(headers, "Subject"));
        builder.Append(' ');
        AppendAddresses(builder, from);
        builder.Append(' ');

        // RFC 3501: an absent or empty Sender or Reply-To takes the value of From.
        AppendAddresses(builder, OrFrom(HeaderText.Addresses(headers, "Sender"), from));
        builder.Append(' ');
        AppendAddresses(builder, OrFrom(HeaderText.Addresses(headers, "Reply-To"), from));
        builder.Append(' ');
        AppendAddresses(builder, HeaderText.Addresses(headers, "To"));
        builder.Append(' ');
        AppendAddresses(builder, HeaderText.Addresses(headers, "Cc"));
        builder.Append(' ');
        AppendAddresses(builder, HeaderText.Addresses(headers, "Bcc"));
        builder.Append(' ');
        ImapText.AppendNString(builder, HeaderText.Raw(headers, "In-Reply-To"));
        builder.Append(' ');
        ImapText.AppendNString(builder, HeaderText.Raw(headers, "Message-ID"));
        builder.Append(')');
    }

    /// <summary>Appends an address list, NIL when absent or empty.</summary>
    /// <param name="builder">The output.</param>
    /// <param name="addresses">The addresses, null when the header is absent.</param>
    public static void AppendAddresses(StringBuilder builder, InternetAddressList? addresses)
    {
        ArgumentNullException.ThrowIfNull(builder);
        if (addresses is null || addresses.Count == 0)
        {
            ImapText.AppendNil(builder);
            return;
        }

        builder.Append('(');
        foreach (var address in addresses)
        {
            AppendAddress(builder, address);
        }

        builder.Append(')');
    }

    private static InternetAddressList? OrFrom(InternetAddressList? list, InternetAddressList? from) =>
        list is null || list.Count == 0 ? from : list;

    private static void AppendAddress(StringBuilder builder, InternetAddress address)
    {
        switch (address)
        {
            case MailboxAddress mailbox:
                builder.Append('(');
                AppendName(builder, mailbox.Name);
                builder.Append(' ');
                ImapText.AppendNString(builder, mailbox.Route.Count == 0
                    ? null
                    : string.Join(',', mailbox.Route.Select(domain => "@" + domain)));
                builder.Append(' ');
                ImapText.AppendString(builder, mailbox.LocalPart.Length == 0 ? MissingMailbox : mailbox.LocalPart);
                builder.Append(' ');
                ImapText.AppendString(builder, mailbox.Domain.Length == 0 ? MissingDomain : mailbox.Domain);
                builder.Append(')');
                break;
            case GroupAddress group:
                builder.Append("(NIL NIL ");
                AppendName(builder, group.Name, nilWhenEmpty: false);
                builder.Append(" NIL)");
                foreach (var member in group.Members)
                {
                    AppendAddress(builder, member);
                }

                builder.Append("(NIL NIL NIL NIL)");
                break;
        }
    }

    /// <summary>
    /// A display name, RFC 2047-encoded again when not ASCII: MimeKit decoded it, and an IMAP4rev1 client
    /// expects the 7-bit form (it decodes encoded-words in addr-name itself).
    /// </summary>
    private static void AppendName(StringBuilder builder, string? name, bool nilWhenEmpty = true)
    {
        if (string.IsNullOrEmpty(name))
        {
            if (nilWhenEmpty)
            {
                ImapText.AppendNil(builder);
            }
            else
            {
                ImapText.AppendString(builder, "");
            }

            return;
        }

        var text = HeaderText.IsAscii(name)
            ? name
            : Encoding.ASCII.GetString(Rfc2047.EncodePhrase(Encoding.UTF8, name));
        ImapText.AppendString(builder, HeaderText.Unfold(text));
    }
}
