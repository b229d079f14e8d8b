using System.Text.RegularExpressions;
using Preau.Core.Mail;
using Preau.Imap.Protocol.Commands;
using Preau.Imap.Protocol.Writing;
using Preau.Imap.Session;

namespace Preau.Imap.Handlers;

/// <summary>LIST (with the selection and return options of RFC 5258 and RFC 6154) and LSUB.</summary>
internal static class ListHandlers
{
    public static void List(ImapSession s, ListCommand c)
    {
        if (c.Patterns.Count == 1 && c.Patterns[0].Length == 0)
        {
            // LIST "" "": the hierarchy delimiter and root (RFC 9051 §6.3.9).
            s.Writer.Untagged().Atom("LIST").BeginList().Atom("\\Noselect").EndList().String("/").String("").EndLine();
            s.Writer.Status(c.Tag, ImapStatus.Ok, "LIST completed");
            return;
        }

        var mailboxes = s.Services.Mailboxes.List(s.User);
        var subscribed = s.Services.Mailboxes.Subscriptions(s.User).ToHashSet(StringComparer.Ordinal);
        var matchers = c.Patterns.Select(p => Matcher(c.Reference + p)).ToArray();
        var onlySubscribed = c.Selection.HasFlag(ListSelectionOptions.Subscribed);
        var showSpecialUse = !c.IsExtended || c.Return.SpecialUse || c.Selection.HasFlag(ListSelectionOptions.SpecialUse);
        foreach (var mailbox in mailboxes.OrderBy(m => m.Name == DefaultMailboxes.Inbox ? 0 : 1).ThenBy(m => m.Name, StringComparer.Ordinal))
        {
            if (!matchers.Any(m => m.IsMatch(mailbox.Name)) || (onlySubscribed && !subscribed.Contains(mailbox.Name)))
            {
                continue;
            }

            if (c.Selection.HasFlag(ListSelectionOptions.SpecialUse) && mailbox.Use is SpecialUse.None or SpecialUse.Inbox)
            {
                continue;
            }

            var attributes = new List<string>
            {
                mailboxes.Any(m => m.Name.StartsWith(mailbox.Name + "/", StringComparison.Ordinal)) ? "\\HasChildren" : "\\HasNoChildren",
            };
            if (showSpecialUse && SpecialUseAttribute(mailbox.Use) is { } use)
            {
                attributes.Add(use);
            }

            if ((onlySubscribed || c.Return.Subscribed) && subscribed.Contains(mailbox.Name))
            {
                attributes.Add("\\Subscribed");
            }

            s.Writer.Untagged().Atom("LIST").BeginList();
            foreach (var attribute in attributes)
            {
                s.Writer.Atom(attribute);
            }

            s.Writer.EndList().String("/").Mailbox(mailbox.Name).EndLine();
            if (c.Return.Status != StatusItems.None)
            {
                StatusHandler.Write(s, mailbox, c.Return.Status);
            }
        }

        s.Writer.Status(c.Tag, ImapStatus.Ok, "LIST completed");
    }

    public static void Lsub(ImapSession s, LsubCommand c)
    {
        var matcher = Matcher(c.Reference + c.Pattern);
        var existing = s.Services.Mailboxes.List(s.User).ToDictionary(m => m.Name, StringComparer.Ordinal);
        foreach (var name in s.Services.Mailboxes.Subscriptions(s.User).Where(n => matcher.IsMatch(n)))
        {
            s.Writer.Untagged().Atom("LSUB").BeginList();
            if (!existing.ContainsKey(name))
            {
                s.Writer.Atom("\\Noselect");
            }

            s.Writer.EndList().String("/").Mailbox(name).EndLine();
        }

        s.Writer.Status(c.Tag, ImapStatus.Ok, "LSUB completed");
    }

    /// <summary>'*' matches anything, '%' anything but the separator (RFC 9051 §6.3.9); INBOX in any case.</summary>
    public static Regex Matcher(string pattern)
    {
        var body = Regex.Escape(pattern).Replace("\\*", ".*", StringComparison.Ordinal).Replace("%", "[^/]*", StringComparison.Ordinal);
        if (pattern.StartsWith("INBOX", StringComparison.OrdinalIgnoreCase))
        {
            body = "(?i:INBOX)" + body[5..];
        }

        return new Regex("^" + body + "$", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
    }

    private static string? SpecialUseAttribute(SpecialUse use) => use switch
    {
        SpecialUse.Sent => "\\Sent",
        SpecialUse.Drafts => "\\Drafts",
        SpecialUse.Trash => "\\Trash",
        SpecialUse.Junk => "\\Junk",
        SpecialUse.Archive => "\\Archive",
        _ => null,
    };
}
