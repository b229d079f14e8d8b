using Preau.Core.Storage;
using Preau.Imap.Protocol.Commands;
using Preau.Imap.Protocol.Syntax;
using Preau.Imap.Protocol.Writing;
using Preau.Imap.Session;

namespace Preau.Imap.Handlers;

/// <summary>APPEND (with MULTIAPPEND's several messages, all or nothing per message).</summary>
internal static class AppendHandler
{
    public static async Task AppendAsync(ImapSession s, AppendCommand c, CancellationToken cancellationToken)
    {
        s.Services.Mailboxes.List(s.User);
        var mailbox = s.Services.Mailboxes.Find(s.User, c.Mailbox);
        if (mailbox is null)
        {
            s.Writer.Status(c.Tag, ImapStatus.No, $"No mailbox named {c.Mailbox}", ResponseCode.TryCreate);
            return;
        }

        // Several messages (MULTIAPPEND syntax) are refused together when they cannot all fit. The store
        // checks each write again, so a concurrent delivery cannot make this pass by mistake.
        var total = c.Messages.Sum(m => (long)m.Content.Length);
        if (s.Services.Mailboxes.Quota(s.User) is { LimitBytes: { } limit } quota && quota.Usage.Bytes + total > limit)
        {
            s.Writer.Status(c.Tag, ImapStatus.No, QuotaHandlers.Text(s, Core.Quota.QuotaService.OverQuotaText(quota.Usage.Bytes, total, limit)), ResponseCode.OverQuota);
            return;
        }

        var uids = new List<uint>();
        foreach (var message in c.Messages)
        {
            if (message.Content.Length > s.Services.Mailboxes.MaxMessageSize)
            {
                s.Writer.Status(c.Tag, ImapStatus.No, $"Message too big: at most {s.Services.Mailboxes.MaxMessageSize} octets", ResponseCode.TooBig);
                return;
            }

            var (flags, keywords) = FlagText.Parse(message.Flags);
            var entry = await s.Services.Mailboxes.AppendAsync(s.User, mailbox.Name, message.Content, flags, keywords, message.InternalDate, cancellationToken);
            uids.Add(entry.Uid);
        }

        s.SendUpdates();
        var after = s.Services.Mailboxes.Find(s.User, mailbox.Name) ?? mailbox;
        s.Writer.Status(c.Tag, ImapStatus.Ok, "APPEND completed", ResponseCode.AppendUid(after.UidValidity, SequenceSet.FromNumbers(uids)));
    }
}
