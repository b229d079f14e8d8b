using Preau.Core.Mail;
using Preau.Core.Quota;
using Preau.Imap.Protocol.Commands;
using Preau.Imap.Protocol.Writing;
using Preau.Imap.Session;

namespace Preau.Imap.Handlers;

/// <summary>GETQUOTAROOT, GETQUOTA and SETQUOTA (RFC 9208). An account has one quota root, named
/// <c>""</c>, holding all its mailboxes, with one resource: STORAGE, in units of 1024 octets. An
/// account without a limit has no quota root.</summary>
internal static class QuotaHandlers
{
    /// <summary>The name of every account's one quota root.</summary>
    public const string Root = "";

    public static void GetQuotaRoot(ImapSession s, GetQuotaRootCommand c)
    {
        s.Services.Mailboxes.List(s.User);
        var mailbox = s.Services.Mailboxes.Find(s.User, c.Mailbox);
        if (mailbox is null)
        {
            s.Writer.Status(c.Tag, ImapStatus.No, $"No mailbox named {c.Mailbox}", ResponseCode.NonExistent);
            return;
        }

        // RFC 9208 §4.1.2: QUOTAROOT names the roots of the mailbox (none without a limit), then one QUOTA per root.
        var status = s.Services.Mailboxes.Quota(s.User);
        var roots = s.Writer.Untagged().Atom("QUOTAROOT").Mailbox(mailbox.Name);
        if (status.LimitBytes is not null)
        {
            roots.String(Root);
        }

        roots.EndLine();
        if (status.LimitBytes is { } limit)
        {
            WriteQuota(s, status.Usage, limit);
        }

        s.SendUpdates();
        s.Writer.Status(c.Tag, ImapStatus.Ok, "GETQUOTAROOT completed");
    }

    public static void GetQuota(ImapSession s, GetQuotaCommand c)
    {
        var status = s.Services.Mailboxes.Quota(s.User);
        if (c.QuotaRoot != Root || status.LimitBytes is not { } limit)
        {
            s.Writer.Status(c.Tag, ImapStatus.No, $"No quota root named \"{c.QuotaRoot}\"", ResponseCode.NonExistent);
            return;
        }

        WriteQuota(s, status.Usage, limit);
        s.SendUpdates();
        s.Writer.Status(c.Tag, ImapStatus.Ok, "GETQUOTA completed");
    }

    /// <summary>Users do not set their own quota (no QUOTASET capability, RFC 9208 §4.1.3): the school's
    /// administrator does, with <c>preau account quota</c>.</summary>
    public static void SetQuota(ImapSession s, SetQuotaCommand c) =>
        s.Writer.Status(
            c.Tag,
            ImapStatus.No,
            Text(s, "Le quota de la messagerie est fixé par l'administrateur de l'établissement, pas depuis un logiciel de messagerie (quotas are set by the administrator)"),
            ResponseCode.NoPerm);

    /// <summary>Text for a client: accents dropped unless it enabled UTF-8.</summary>
    public static string Text(ImapSession s, string text) => s.Writer.Utf8Enabled ? text : AsciiText.Fold(text);

    /// <summary><c>* QUOTA "" (STORAGE used limit)</c>: usage rounded up, the limit down, so that a
    /// full mailbox never shows room it does not have.</summary>
    private static void WriteQuota(ImapSession s, QuotaUsage usage, long limitBytes) =>
        s.Writer.Untagged().Atom("QUOTA").String(Root).BeginList()
            .Atom("STORAGE").Number((ulong)((usage.Bytes + 1023) / 1024)).Number((ulong)(limitBytes / 1024))
            .EndList().EndLine();
}
