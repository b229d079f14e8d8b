namespace Preau.Storage.LiteDb;

// IMailboxStore, IMAP \Recent: the per-mailbox mark of the highest UID a session has claimed.
public sealed partial class LiteDbStore
{
    /// <inheritdoc />
    public uint ClaimRecent(string mailboxId, uint upTo)
    {
        var id = ParseMailboxId(mailboxId);

        // Most SELECTs find nothing new: a committed read settles it without a write or an fsync. The
        // mark only grows, so a stale read can only send us to the locked path, which looks again.
        var current = Read(() => _mailboxes.FindById(id)) ?? throw NoMailbox(mailboxId);
        if (current.RecentUid >= upTo)
        {
            return (uint)current.RecentUid;
        }

        return Write(() =>
        {
            var mailbox = _mailboxes.FindById(id) ?? throw NoMailbox(mailboxId);
            var before = (uint)mailbox.RecentUid;
            if (before < upTo)
            {
                mailbox.RecentUid = upTo;
                _ = _mailboxes.Update(mailbox);
            }

            return before;
        });
    }
}
