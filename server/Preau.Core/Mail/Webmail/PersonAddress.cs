using MimeKit;

namespace Preau.Core.Mail.Webmail;

/// <summary>One address of a header, as lists and the reading pane show it.</summary>
/// <param name="Name">The display name, or null.</param>
/// <param name="Address">The address.</param>
public sealed record PersonAddress(string? Name, string Address)
{
    /// <summary>The mailboxes of an address header value (decoded text, as the listing summary keeps it);
    /// a value that does not parse is kept whole as one address, so nothing silently disappears.</summary>
    /// <param name="value">The header value.</param>
    public static IReadOnlyList<PersonAddress> ParseList(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return [];
        }

        if (InternetAddressList.TryParse(value, out var list))
        {
            var mailboxes = list.Mailboxes.Select(Of).ToArray();
            if (mailboxes.Length > 0)
            {
                return mailboxes;
            }
        }

        return [new PersonAddress(null, value.Trim())];
    }

    /// <summary>The record of a MimeKit mailbox.</summary>
    /// <param name="mailbox">The mailbox.</param>
    public static PersonAddress Of(MailboxAddress mailbox)
    {
        ArgumentNullException.ThrowIfNull(mailbox);
        return new PersonAddress(string.IsNullOrWhiteSpace(mailbox.Name) ? null : mailbox.Name, mailbox.Address);
    }

    /// <summary>The mailboxes of a MimeKit address list.</summary>
    /// <param name="list">The list.</param>
    public static IReadOnlyList<PersonAddress> Of(InternetAddressList list)
    {
        ArgumentNullException.ThrowIfNull(list);
        return list.Mailboxes.Select(Of).ToArray();
    }
}
