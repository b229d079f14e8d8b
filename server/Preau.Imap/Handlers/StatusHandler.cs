using Preau.Core.Mail;
using Preau.Imap.Protocol.Commands;
using Preau.Imap.Protocol.Writing;
using Preau.Imap.Session;

namespace Preau.Imap.Handlers;

/// <summary>STATUS (and LIST-STATUS lines).</summary>
internal static class StatusHandler
{
    public static void Status(ImapSession s, StatusCommand c)
    {
        s.Services.Mailboxes.List(s.User);
        var mailbox = s.Services.Mailboxes.Find(s.User, c.Mailbox);
        if (mailbox is null)
        {
            s.Writer.Status(c.Tag, ImapStatus.No, $"No mailbox named {c.Mailbox}", ResponseCode.NonExistent);
            return;
        }

        Write(s, mailbox, c.Items);
        s.SendUpdates();
        s.Writer.Status(c.Tag, ImapStatus.Ok, "STATUS completed");
    }

    public static void Write(ImapSession s, Mailbox mailbox, StatusItems items)
    {
        var entries = s.Services.Mailboxes.Messages(s.User, mailbox.Id);
        var w = s.Writer.Untagged().Atom("STATUS").Mailbox(mailbox.Name).BeginList();
        if (items.HasFlag(StatusItems.Messages))
        {
            w.Atom("MESSAGES").Number((uint)entries.Count);
        }

        if (items.HasFlag(StatusItems.Recent) && !s.Rev2)
        {
            // Messages no session has claimed yet (RFC 3501 §2.3.2), plus, for the mailbox this session
            // has selected read-write, those it claimed itself: they are \Recent here (an EXAMINEd one
            // claims nothing, so its recent ones are among the unclaimed). IMAP4rev2 has no RECENT.
            var unclaimed = (uint)entries.Count(e => e.Uid > mailbox.RecentUid);
            var mine = s.Selected is { ReadOnly: false } box && box.Mailbox.Id == mailbox.Id ? (uint)box.RecentCount : 0;
            w.Atom("RECENT").Number(unclaimed + mine);
        }

        if (items.HasFlag(StatusItems.UidNext))
        {
            w.Atom("UIDNEXT").Number(mailbox.NextUid);
        }

        if (items.HasFlag(StatusItems.UidValidity))
        {
            w.Atom("UIDVALIDITY").Number(mailbox.UidValidity);
        }

        if (items.HasFlag(StatusItems.Unseen))
        {
            w.Atom("UNSEEN").Number((uint)entries.Count(e => !e.Flags.HasFlag(MessageFlags.Seen)));
        }

        if (items.HasFlag(StatusItems.HighestModSeq))
        {
            w.Atom("HIGHESTMODSEQ").Number(mailbox.HighestModSeq);
        }

        if (items.HasFlag(StatusItems.Size))
        {
            w.Atom("SIZE").Number((ulong)entries.Sum(e => e.Size));
        }

        if (items.HasFlag(StatusItems.Deleted))
        {
            w.Atom("DELETED").Number((uint)entries.Count(e => e.Flags.HasFlag(MessageFlags.Deleted)));
        }

        w.EndList().EndLine();
    }
}
