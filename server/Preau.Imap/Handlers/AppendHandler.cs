using Preau.Core.Storage;
using Preau.Imap.Protocol.Commands;
using Preau.Imap.Protocol.Syntax;
using Preau.Imap.Protocol.Writing;
using Preau.Imap.Session;

namespace Preau.Imap.Handlers;

/// <summary>APPEND (with MULTIAPPEND's several messages, checked together before any is stored; literal8
/// and UTF8 (~{n}) forms as RFC 3516 and RFC 6855 §4 allow).</summary>
internal static class AppendHandler
{
    /// <summary>The refusal of an empty message, at its announcement (<c>{0}</c>) or after it.</summary>
    public const string EmptyMessage = "Message vide : rien à enregistrer (an empty message is not a message)";

    public static async Task AppendAsync(ImapSession s, AppendCommand c, CancellationToken cancellationToken)
    {
        s.Services.Mailboxes.List(s.User);
        var mailbox = s.Services.Mailboxes.Find(s.User, c.Mailbox);
        if (mailbox is null)
        {
            s.Writer.Status(c.Tag, ImapStatus.No, $"No mailbox named {c.Mailbox}", ResponseCode.TryCreate);
            return;
        }

        var total = c.Messages.Sum(m => (long)m.Content.Length);
        if (s.Services.Mailboxes.Quota(s.User) is { LimitBytes: { } limit } quota && quota.Usage.Bytes + total > limit)
        {
            s.Writer.Status(c.Tag, ImapStatus.No, QuotaHandlers.Text(s, Core.Quota.QuotaService.OverQuotaText(quota.Usage.Bytes, total, limit)), ResponseCode.OverQuota);
            return;
        }

        // Every message is checked before any is stored: MULTIAPPEND is all or nothing (RFC 3502 §6.3.11).
        foreach (var message in c.Messages)
        {
            if (message.Utf8 && !s.Utf8)
            {
                s.Writer.Status(c.Tag, ImapStatus.Bad, "APPEND UTF8 (~{n}) needs ENABLE UTF8=ACCEPT first (RFC 6855 §4)");
                return;
            }

            if (message.Content.IsEmpty)
            {
                s.Writer.Status(c.Tag, ImapStatus.No, EmptyMessage, ResponseCode.Cannot);
                return;
            }

            if (message.Content.Length > s.Services.Mailboxes.MaxMessageSize)
            {
                s.Writer.Status(c.Tag, ImapStatus.No, $"Message too big: at most {s.Services.Mailboxes.MaxMessageSize} octets", ResponseCode.TooBig);
                return;
            }
        }

        var uids = new List<uint>();
        foreach (var message in c.Messages)
        {
            var (flags, keywords) = FlagText.Parse(message.Flags);
            var entry = await s.Services.Mailboxes.AppendAsync(s.User, mailbox.Name, message.Content, flags, keywords, message.InternalDate, cancellationToken);
            uids.Add(entry.Uid);
        }

        s.SendUpdates();
        var after = s.Services.Mailboxes.Find(s.User, mailbox.Name) ?? mailbox;
        s.Writer.Status(c.Tag, ImapStatus.Ok, "APPEND completed", ResponseCode.AppendUid(after.UidValidity, SequenceSet.FromNumbers(uids)));
    }
}
