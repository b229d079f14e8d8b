using Preau.Core.Mail;
using Preau.Core.Storage;
using Preau.Imap.Handlers;
using Preau.Imap.Protocol.Writing;

namespace Preau.Imap.Session;

internal sealed partial class ImapSession
{
    /// <summary>Tells the client what changed in the selected mailbox since it last heard: EXPUNGE,
    /// EXISTS and RECENT, FETCH FLAGS. Called only where RFC 9051 §7 allows untagged updates.</summary>
    public void SendUpdates()
    {
        if (Selected is not { HasPending: true } box)
        {
            return;
        }

        Mailbox current;
        try
        {
            current = Services.Mailboxes.Get(User, box.Mailbox.Id);
        }
        catch (MailboxStoreException)
        {
            // Deleted or renamed away by another session: the view is gone.
            Select(null);
            Writer.Status(null, ImapStatus.Ok, "The selected mailbox no longer exists", ResponseCode.Closed);
            return;
        }

        var sync = box.Sync(
            uids => Services.Mailboxes.Messages(User, current.Id, uids),
            last => Services.Mailboxes.MessagesAfter(User, current.Id, last),
            current);
        if (QResync && sync.Expunged.Count > 0)
        {
            // With QRESYNC, expunges are told by UID in one line (RFC 7162 §3.2.10).
            Writer.Vanished(Protocol.Syntax.SequenceSet.FromNumbers(sync.Expunged.Select(e => e.Uid)), earlier: false);
        }
        else
        {
            foreach (var (seq, _) in sync.Expunged)
            {
                Writer.Expunge(seq);
            }
        }

        if (sync.Added.Count > 0)
        {
            TakeRecent(box, sync.Added, current);
            Writer.Exists(box.Count);
            if (!Rev2)
            {
                Writer.Recent((uint)box.RecentCount);
            }
        }

        foreach (var entry in sync.FlagsChanged)
        {
            WriteFlags(entry, withUid: true);
        }
    }

    /// <summary>An untagged FETCH with the flags (and MODSEQ under CONDSTORE) of an entry in view.</summary>
    public void WriteFlags(MessageEntry entry, bool withUid)
    {
        var box = Box;
        Writer.BeginFetch(box.SequenceOf(entry.Uid));
        if (withUid)
        {
            Writer.Atom("UID").Number(entry.Uid);
        }

        Writer.Atom("FLAGS").FlagList(FlagText.Of(entry, box.IsRecent(entry.Uid)));
        if (CondStore)
        {
            Writer.Atom("MODSEQ").BeginList().Number(entry.ModSeq).EndList();
        }

        Writer.EndFetch();
    }
}
