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
        var existing = mailboxes.ToDictionary(m => m.Name, StringComparer.Ordinal);
        var subscribed = s.Services.Mailboxes.Subscriptions(s.User).ToHashSet(StringComparer.Ordinal);
        var matchers = c.Patterns.Select(p => Matcher(c.Reference + p)).ToArray();
        var onlySubscribed = c.Selection.HasFlag(ListSelectionOptions.Subscribed);
        var onlySpecialUse = c.Selection.HasFlag(ListSelectionOptions.SpecialUse);
        var recursive = c.Selection.HasFlag(ListSelectionOptions.RecursiveMatch) && onlySubscribed;
        var showSpecialUse = !c.IsExtended || c.Return.SpecialUse || onlySpecialUse;

        // Subscribed names may not exist (RFC 5258 §3.1: listed \NonExistent), nor their parents
        // (listed for RECURSIVEMATCH, with CHILDINFO, when a subscribed child does not match the pattern).
        var names = new HashSet<string>(existing.Keys, StringComparer.Ordinal);
        if (onlySubscribed)
        {
            names.UnionWith(subscribed);
        }

        if (recursive)
        {
            names.UnionWith(subscribed.SelectMany(Ancestors));
        }

        foreach (var name in names.OrderBy(n => n == DefaultMailboxes.Inbox ? 0 : 1).ThenBy(n => n, StringComparer.Ordinal))
        {
            if (!matchers.Any(m => m.IsMatch(name)))
            {
                continue;
            }

            existing.TryGetValue(name, out var mailbox);
            var isSubscribed = subscribed.Contains(name);
            var childInfo = recursive && subscribed.Any(child => IsInside(child, name) && !matchers.Any(m => m.IsMatch(child)));
            if ((onlySubscribed && !isSubscribed && !childInfo)
                || (!onlySubscribed && mailbox is null)
                || (onlySpecialUse && mailbox?.Use is null or SpecialUse.None or SpecialUse.Inbox))
            {
                continue;
            }

            var attributes = Attributes(mailbox, name, mailboxes, showSpecialUse);
            if ((onlySubscribed || c.Return.Subscribed) && isSubscribed)
            {
                attributes.Add("\\Subscribed");
            }

            WriteLine(s, name, attributes);
            if (childInfo)
            {
                // mbox-list-extended (RFC 5258 §4): ("CHILDINFO" ("SUBSCRIBED")).
                s.Writer.BeginList().String("CHILDINFO").BeginList().String("SUBSCRIBED").EndList().EndList();
            }

            s.Writer.EndLine();
            if (c.Return.Status != StatusItems.None && mailbox is not null)
            {
                StatusHandler.Write(s, mailbox, c.Return.Status);
            }
        }

        s.Writer.Status(c.Tag, ImapStatus.Ok, "LIST completed");
    }

    /// <summary>The LIST response SELECT and EXAMINE send under IMAP4rev2 (RFC 9051 §6.3.2): the
    /// mailbox's name as the server spells it, with the attributes a plain LIST would give.</summary>
    public static void WriteSelected(ImapSession s, Mailbox mailbox, IReadOnlyList<Mailbox> all)
    {
        WriteLine(s, mailbox.Name, Attributes(mailbox, mailbox.Name, all, showSpecialUse: true));
        s.Writer.EndLine();
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

    /// <summary>Children first, then \NonExistent for a name that is only subscribed (RFC 5258 §3.4), then the special use.</summary>
    private static List<string> Attributes(Mailbox? mailbox, string name, IReadOnlyList<Mailbox> all, bool showSpecialUse)
    {
        var attributes = new List<string>
        {
            all.Any(m => IsInside(m.Name, name)) ? "\\HasChildren" : "\\HasNoChildren",
        };
        if (mailbox is null)
        {
            attributes.Add("\\NonExistent");
        }
        else if (showSpecialUse && SpecialUseAttribute(mailbox.Use) is { } use)
        {
            attributes.Add(use);
        }

        return attributes;
    }

    /// <summary>Writes <c>* LIST (attributes) "/" name</c>; the caller may add extended data, then ends the line.</summary>
    private static void WriteLine(ImapSession s, string name, List<string> attributes)
    {
        s.Writer.Untagged().Atom("LIST").BeginList();
        foreach (var attribute in attributes)
        {
            s.Writer.Atom(attribute);
        }

        s.Writer.EndList().String("/").Mailbox(name);
    }

    private static bool IsInside(string name, string ancestor) =>
        name.Length > ancestor.Length + 1 && name[ancestor.Length] == '/' && name.StartsWith(ancestor, StringComparison.Ordinal);

    private static IEnumerable<string> Ancestors(string name)
    {
        for (var slash = name.IndexOf('/', StringComparison.Ordinal); slash > 0; slash = name.IndexOf('/', slash + 1))
        {
            yield return name[..slash];
        }
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
