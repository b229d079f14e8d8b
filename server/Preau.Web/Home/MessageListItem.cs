using MimeKit;
using Preau.Core.Mail;

namespace Preau.Web.Home;

/// <summary>A message in a list, as the webmail contract shows it (the same shape as the folder listing).</summary>
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
    bool HasAttachments)
{
    /// <summary>The message id of the webmail API: the folder's id and the UID, which together never
    /// name another message (UIDs are not reused and folder ids are stable).</summary>
    public static string IdOf(string folderId, uint uid) => $"{folderId}-{uid}";

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
            Decode(summary.Subject),
            summary.Date ?? entry.InternalDate,
            entry.Size,
            entry.Flags.HasFlag(MessageFlags.Seen),
            entry.Flags.HasFlag(MessageFlags.Flagged),
            entry.Flags.HasFlag(MessageFlags.Answered),
            entry.Flags.HasFlag(MessageFlags.Draft),
            summary.HasAttachments);
    }

    private static string Decode(string header)
    {
        if (string.IsNullOrEmpty(header))
        {
            return "";
        }

        var decoded = MimeKit.Utils.Rfc2047.DecodeText(System.Text.Encoding.UTF8.GetBytes(header));
        return decoded.Replace("\r", "", StringComparison.Ordinal).Replace("\n", "", StringComparison.Ordinal).Trim();
    }

    private static IReadOnlyList<Correspondent> Addresses(string header)
    {
        if (string.IsNullOrWhiteSpace(header) || !InternetAddressList.TryParse(header, out var list))
        {
            return [];
        }

        return list.Mailboxes.Select(m => new Correspondent(m.Name ?? "", m.Address ?? "")).ToArray();
    }

}

/// <summary>A correspondent in a list item.</summary>
/// <param name="Name">The display name, or empty.</param>
/// <param name="Address">The address.</param>
internal sealed record Correspondent(string Name, string Address);
