using Preau.Imap.Protocol.Commands;
using Preau.Imap.Protocol.Writing;
using Preau.Imap.Session;

namespace Preau.Imap.Handlers;

/// <summary>CREATE, DELETE, RENAME, SUBSCRIBE, UNSUBSCRIBE. Names are the account's own: there is
/// no syntax to reach another user's folders, and unknown names answer NONEXISTENT.</summary>
internal static class FolderHandlers
{
    public static void Create(ImapSession s, CreateCommand c)
    {
        if (c.Mailbox.AsSpan().IndexOfAny('*', '%') >= 0)
        {
            // A name with LIST wildcards could never be listed by itself (RFC 9051 §5.1).
            s.Writer.Status(c.Tag, ImapStatus.No, "Mailbox names cannot contain * or %", ResponseCode.Cannot);
            return;
        }

        // A trailing separator only says the client wants children under it (RFC 9051 §6.3.4).
        s.Services.Mailboxes.Create(s.User, c.Mailbox.TrimEnd('/'));
        s.SendUpdates();
        s.Writer.Status(c.Tag, ImapStatus.Ok, "CREATE completed");
    }

    public static void Delete(ImapSession s, DeleteCommand c)
    {
        // A refused DELETE (a default folder, children, no such name) throws here and leaves the selection alone.
        s.Services.Mailboxes.Delete(s.User, c.Mailbox);
        if (s.Selected is { } box && string.Equals(box.Mailbox.Name, c.Mailbox, StringComparison.Ordinal))
        {
            s.Select(null);
            s.Writer.Status(null, ImapStatus.Ok, "The selected mailbox is being deleted", ResponseCode.Closed);
        }

        s.SendUpdates();
        s.Writer.Status(c.Tag, ImapStatus.Ok, "DELETE completed");
    }

    public static void Rename(ImapSession s, RenameCommand c)
    {
        s.Services.Mailboxes.Rename(s.User, c.Mailbox, c.NewName);
        s.SendUpdates();
        s.Writer.Status(c.Tag, ImapStatus.Ok, "RENAME completed");
    }

    public static void Subscribe(ImapSession s, string tag, string mailbox, bool subscribe)
    {
        s.Services.Mailboxes.SetSubscribed(s.User, mailbox, subscribe);
        s.SendUpdates();
        s.Writer.Status(tag, ImapStatus.Ok, subscribe ? "SUBSCRIBE completed" : "UNSUBSCRIBE completed");
    }
}
