using Preau.Core.Mail;
using Preau.Imap.Protocol.Commands;
using Preau.Imap.Protocol.Writing;
using Preau.Imap.Session;

namespace Preau.Imap.Handlers;

/// <summary>SELECT, EXAMINE, CLOSE, UNSELECT.</summary>
internal static class SelectHandlers
{
    public static void Select(ImapSession s, SelectCommand c)
    {
        var verb = c.ReadOnly ? "EXAMINE" : "SELECT";
        if (s.Selected is not null)
        {
            // RFC 9051 §6.3.2: a new SELECT first closes the current mailbox, whatever happens next.
            s.Select(null);
            s.Writer.Status(null, ImapStatus.Ok, "Previous mailbox closed", ResponseCode.Closed);
        }

        if (c.Parameters.QResync is not null && !s.QResync)
        {
            s.Writer.Status(c.Tag, ImapStatus.Bad, "QRESYNC parameters need ENABLE QRESYNC first");
            return;
        }

        var all = s.Services.Mailboxes.List(s.User);
        var mailbox = s.Services.Mailboxes.Find(s.User, c.Mailbox);
        if (mailbox is null)
        {
            s.Writer.Status(c.Tag, ImapStatus.No, $"No mailbox named {c.Mailbox}", ResponseCode.NonExistent);
            return;
        }

        if (c.Parameters.CondStore)
        {
            s.CondStore = true;
        }

        var view = new SelectedMailbox(
            mailbox,
            c.ReadOnly,
            () =>
            {
                // Entries first: UIDNEXT and HIGHESTMODSEQ read after them cover everything in view.
                var entries = s.Services.Mailboxes.Messages(s.User, mailbox.Id);
                return (s.Services.Mailboxes.Get(s.User, mailbox.Id), entries);
            },
            s.Services.Bus,
            s.Wake);
        mailbox = view.Mailbox;
        s.Select(view);
        s.TakeRecent(view, view.Uids, mailbox);
        var w = s.Writer;
        w.Flags(FlagText.Defined);
        w.Status(null, ImapStatus.Ok, c.ReadOnly ? "No permanent flags in read-only mode" : "Flags permitted",
            ResponseCode.PermanentFlags(c.ReadOnly ? [] : [.. FlagText.Defined, "\\*"]));
        w.Exists(view.Count);
        if (!s.Rev2)
        {
            // IMAP4rev2 dropped RECENT and the UNSEEN response code (RFC 9051 §6.3.2, Appendix E).
            w.Recent((uint)view.RecentCount);
            var firstUnseen = view.Uids.Select((uid, i) => (e: view.Entry(uid), i)).FirstOrDefault(x => !x.e.Flags.HasFlag(MessageFlags.Seen));
            if (firstUnseen.e is not null)
            {
                w.Status(null, ImapStatus.Ok, "First unseen", ResponseCode.Unseen((uint)firstUnseen.i + 1));
            }
        }

        w.Status(null, ImapStatus.Ok, "UIDs valid", ResponseCode.UidValidity(mailbox.UidValidity));
        w.Status(null, ImapStatus.Ok, "Predicted next UID", ResponseCode.UidNext(mailbox.NextUid));
        w.Status(null, ImapStatus.Ok, "Highest", ResponseCode.HighestModSeq(mailbox.HighestModSeq));
        if (s.Rev2)
        {
            // RFC 9051 §6.3.2: "The server MUST return a LIST response with the mailbox name."
            ListHandlers.WriteSelected(s, mailbox, all);
        }

        if (c.Parameters.QResync is { } known && known.UidValidity == mailbox.UidValidity)
        {
            Resynchronise(s, view, known);
        }

        w.Status(c.Tag, ImapStatus.Ok, $"{verb} completed", c.ReadOnly ? ResponseCode.ReadOnly : ResponseCode.ReadWrite);
    }

    /// <summary>RFC 7162 §3.2.5: what was expunged since the client's MODSEQ (VANISHED (EARLIER)),
    /// then the flags of what changed since, so a client that was away syncs without refetching.</summary>
    private static void Resynchronise(ImapSession s, SelectedMailbox view, Protocol.Commands.QResyncParameters known)
    {
        var vanished = s.Services.Mailboxes.ExpungedSince(s.User, view.Mailbox.Id, known.ModSeq)
            .Select(e => e.Uid)
            .Where(uid => known.KnownUids is null || known.KnownUids.Contains(uid, uint.MaxValue - 1))
            .ToArray();
        if (vanished.Length > 0)
        {
            s.Writer.Vanished(Protocol.Syntax.SequenceSet.FromNumbers(vanished), earlier: true);
        }

        foreach (var uid in view.Uids)
        {
            var entry = view.Entry(uid);
            if (entry.ModSeq > known.ModSeq)
            {
                s.WriteFlags(entry, withUid: true);
            }
        }
    }

    public static void Close(ImapSession s, CloseCommand c)
    {
        var box = s.Box;
        if (!box.ReadOnly)
        {
            // CLOSE expunges silently (RFC 9051 §6.4.1): no untagged EXPUNGE.
            s.Services.Mailboxes.Expunge(s.User, box.Mailbox.Id, null);
        }

        s.Select(null);
        s.Writer.Status(c.Tag, ImapStatus.Ok, "CLOSE completed");
    }

    public static void Unselect(ImapSession s, UnselectCommand c)
    {
        s.Select(null);
        s.Writer.Status(c.Tag, ImapStatus.Ok, "UNSELECT completed");
    }
}
