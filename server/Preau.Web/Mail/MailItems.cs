using Preau.Core.Mail;
using Preau.Core.Mail.Webmail;

namespace Preau.Web.Mail;

/// <summary>A message in a list, as the API returns it (the home page's "recent" uses the same shape).</summary>
/// <param name="Id">The API id.</param>
/// <param name="FolderId">The folder.</param>
/// <param name="Uid">The IMAP UID.</param>
/// <param name="From">The sender, or null.</param>
/// <param name="To">The To: addresses.</param>
/// <param name="Subject">The subject.</param>
/// <param name="Date">The Date: header, else the arrival.</param>
/// <param name="Size">Octets.</param>
/// <param name="Seen">\Seen.</param>
/// <param name="Flagged">\Flagged.</param>
/// <param name="Answered">\Answered.</param>
/// <param name="Draft">\Draft.</param>
/// <param name="Deleted">\Deleted (set by an IMAP client, not yet expunged).</param>
/// <param name="HasAttachments">Whether the message is multipart/mixed.</param>
public sealed record MessageItem(
    string Id,
    string FolderId,
    uint Uid,
    PersonAddress? From,
    IReadOnlyList<PersonAddress> To,
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
    /// <summary>The item of a listed message.</summary>
    /// <param name="message">The message.</param>
    public static MessageItem Of(ListedMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var e = message.Entry;
        return new MessageItem(
            MessageIds.Of(e.MailboxId, e.Uid),
            e.MailboxId,
            e.Uid,
            message.From,
            message.To,
            e.Summary.Subject,
            message.Date,
            e.Size,
            e.Flags.HasFlag(MessageFlags.Seen),
            e.Flags.HasFlag(MessageFlags.Flagged),
            e.Flags.HasFlag(MessageFlags.Answered),
            e.Flags.HasFlag(MessageFlags.Draft),
            e.Flags.HasFlag(MessageFlags.Deleted),
            e.Summary.HasAttachments);
    }
}

/// <summary>A folder, as the API returns it.</summary>
/// <param name="Id">The folder id.</param>
/// <param name="Name">Full path, '/' separated.</param>
/// <param name="Label">What to show: the last level ("Boîte de réception" for INBOX).</param>
/// <param name="ParentId">The parent folder, or null.</param>
/// <param name="SpecialUse">inbox, sent, drafts, trash, junk, archive, or null.</param>
/// <param name="Total">Messages.</param>
/// <param name="Unread">Messages without \Seen.</param>
public sealed record FolderItem(string Id, string Name, string Label, string? ParentId, string? SpecialUse, int Total, int Unread)
{
    /// <summary>The label of INBOX.</summary>
    public const string InboxLabel = "Boîte de réception";

    /// <summary>The API word of a special use.</summary>
    /// <param name="use">The use.</param>
    public static string? UseName(SpecialUse use) => use == Core.Mail.SpecialUse.None ? null : use.ToString().ToLowerInvariant();
}
