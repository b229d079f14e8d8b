using Preau.Core.Mail;

namespace Preau.Imap.Session;

internal sealed partial class ImapSession
{
    /// <summary>\Recent (RFC 3501 §2.3.2): marks which of <paramref name="uids"/> (messages this session
    /// is just learning about, ascending) are recent here. A read-write session claims them in the store
    /// at once, so of two sessions learning about a message together only one sees it recent; a read-only
    /// one (EXAMINE) shows those nobody has claimed yet and claims nothing. Under IMAP4rev2 there is no
    /// \Recent (RFC 9051 Appendix E) and nothing is claimed: a rev2 client leaves them to rev1 ones.</summary>
    /// <param name="box">The selected view.</param>
    /// <param name="uids">UIDs new to this session, ascending.</param>
    /// <param name="mailbox">The mailbox as last read: its mark can only have grown since.</param>
    public void TakeRecent(SelectedMailbox box, IReadOnlyList<uint> uids, Mailbox mailbox)
    {
        if (Rev2 || uids.Count == 0)
        {
            return;
        }

        var highest = uids[^1];
        var mark = box.ReadOnly || highest <= mailbox.RecentUid
            ? mailbox.RecentUid
            : Services.Mailboxes.ClaimRecent(User, box.Mailbox.Id, highest);
        box.MarkRecent(uids.Where(uid => uid > mark));
    }
}
