using MimeKit;
using Preau.Core.Mail;

namespace Preau.Web.Home;

/// <summary>A message in a list, as the webmail contract shows it: the same shape (and the same id) as
/// the folder listing of the Mail API, so the front end opens a recent message like any other.</summary>
internal sealed record MessageListItem(
    string Id,
    string FolderId,
    uint Uid,
    Correspondent? From,
    IReadOnlyList<Correspondent> To,
    string Subject,
    DateTimeOffset Date,
    long Size,
    bool Seen,
    bool Flagged,
    bool Answered,
    bool Draft,
    bool Deleted,
    bool HasAttachments)
{
    /// <summary>The message id of the webmail API: the folder's id and the UID, which together never
    /// name another message (UIDs are not reused and folder ids are stable).</summary>
    public static string IdOf(string folderId, uint uid) => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{folderId}-{uid}");

    public static MessageListItem Of(MessageEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var summary = entry.Summary;
        return new MessageListItem(
            IdOf(entry.MailboxId, entry.Uid),
            entry.MailboxId,
            entry.Uid,
            Addresses(summary.From).FirstOrDefault(),
            Addresses(summary.To),
            summary.Subject,
            summary.Date ?? entry.InternalDate,
            entry.Size,
            entry.Flags.HasFlag(MessageFlags.Seen),
            entry.Flags.HasFlag(MessageFlags.Flagged),
            entry.Flags.HasFlag(MessageFlags.Answered),
            entry.Flags.HasFlag(MessageFlags.Draft),
            entry.Flags.HasFlag(MessageFlags.Deleted),
            summary.HasAttachments);
    }

    /// <summary>The mailboxes of an address header (decoded text, as the listing summary keeps it); a value
    /// that does not parse is kept whole, so nothing silently disappears.</summary>
    private static IReadOnlyList<Correspondent> Addresses(string header)
    {
        if (string.IsNullOrWhiteSpace(header))
        {
            return [];
        }

        if (InternetAddressList.TryParse(header, out var list) && list.Mailboxes.Any())
        {
            return list.Mailboxes.Select(m => new Correspondent(string.IsNullOrWhiteSpace(m.Name) ? null : m.Name, m.Address)).ToArray();
        }

        return [new Correspondent(null, header.Trim())];
    }
}

/// <summary>A correspondent in a list item.</summary>
/// <param name="Name">The display name, or null.</param>
/// <param name="Address">The address.</param>
internal sealed record Correspondent(string? Name, string Address);
