using Preau.Core.Mail;
using Preau.Core.Storage;

namespace Preau.Storage.LiteDb;

/// <summary>Mailbox name rules: '/' separates levels, INBOX is case-insensitive (also as the first
/// level, "inbox/Projets" is "INBOX/Projets"), every other name is case-sensitive.</summary>
internal static class MailboxNames
{
    public const char Separator = '/';

    /// <summary>Longest name accepted, in UTF-16 units.</summary>
    public const int MaxLength = 512;

    /// <summary>The stored spelling of a name: any case of INBOX, alone or as first level, is "INBOX".</summary>
    public static string Canonical(string name)
    {
        var inbox = DefaultMailboxes.Inbox;
        if (name.Length >= inbox.Length
            && name.StartsWith(inbox, StringComparison.OrdinalIgnoreCase)
            && (name.Length == inbox.Length || name[inbox.Length] == Separator)
            && !name.StartsWith(inbox, StringComparison.Ordinal))
        {
            return inbox + name[inbox.Length..];
        }

        return name;
    }

    /// <summary>The canonical name, or NotAllowed when the name is empty, too long, has an empty
    /// level ("a//b", "/a", "a/") or a control character.</summary>
    public static string Validate(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (name.Length == 0 || name.Length > MaxLength)
        {
            throw new MailboxStoreException(MailboxError.NotAllowed, $"a mailbox name has 1 to {MaxLength} characters");
        }

        if (name[0] == Separator || name[^1] == Separator || name.Contains("//", StringComparison.Ordinal))
        {
            throw new MailboxStoreException(MailboxError.NotAllowed, $"empty level in mailbox name \"{name}\"");
        }

        if (name.Any(char.IsControl))
        {
            throw new MailboxStoreException(MailboxError.NotAllowed, "control character in mailbox name");
        }

        return Canonical(name);
    }

    /// <summary>The ancestors of a name, outermost first: "a/b/c" gives "a", "a/b".</summary>
    public static IEnumerable<string> Parents(string name)
    {
        for (var i = name.IndexOf(Separator, StringComparison.Ordinal); i > 0; i = name.IndexOf(Separator, i + 1))
        {
            yield return name[..i];
        }
    }

    /// <summary>Whether <paramref name="name"/> is strictly below <paramref name="ancestor"/>.</summary>
    public static bool IsInside(string name, string ancestor) =>
        name.Length > ancestor.Length + 1
        && name[ancestor.Length] == Separator
        && name.StartsWith(ancestor, StringComparison.Ordinal);

    /// <summary>The special use a name carries: the default mailboxes' uses follow their names, so
    /// that the folder deliveries write to ("Envoyés") is the one announced as \Sent.</summary>
    public static SpecialUse UseOf(string name)
    {
        foreach (var (defaultName, use) in DefaultMailboxes.All)
        {
            if (defaultName == name)
            {
                return use;
            }
        }

        return SpecialUse.None;
    }
}

/// <summary>User keywords: case-insensitive, stored with the first spelling seen.</summary>
internal static class KeywordSet
{
    /// <summary>The keywords without duplicates or empty strings, first spelling kept.</summary>
    public static List<string> Of(IEnumerable<string>? keywords)
    {
        var result = new List<string>();
        if (keywords is null)
        {
            return result;
        }

        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var keyword in keywords)
        {
            if (!string.IsNullOrEmpty(keyword) && seen.Add(keyword))
            {
                result.Add(keyword);
            }
        }

        return result;
    }

    /// <summary>The keywords after an operation; <paramref name="given"/> is already deduplicated.</summary>
    public static List<string> Apply(FlagOperation operation, List<string> current, List<string> given) => operation switch
    {
        FlagOperation.Replace => given,
        FlagOperation.Add => Of(current.Concat(given)),
        FlagOperation.Remove => current.Where(k => !given.Contains(k, StringComparer.OrdinalIgnoreCase)).ToList(),
        _ => throw new ArgumentOutOfRangeException(nameof(operation), operation, "unknown flag operation"),
    };

    /// <summary>Whether two deduplicated lists hold the same keywords, ignoring case and order.</summary>
    public static bool Same(List<string> a, List<string> b) =>
        a.Count == b.Count && a.All(k => b.Contains(k, StringComparer.OrdinalIgnoreCase));
}
