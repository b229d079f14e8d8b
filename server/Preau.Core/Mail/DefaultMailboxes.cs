namespace Preau.Core.Mail;

/// <summary>The mailboxes every account has, with their French names.</summary>
public static class DefaultMailboxes
{
    /// <summary>Name of the inbox (fixed by IMAP).</summary>
    public const string Inbox = "INBOX";

    /// <summary>The default set, in display order.</summary>
    public static IReadOnlyList<(string Name, SpecialUse Use)> All { get; } =
    [
        (Inbox, SpecialUse.Inbox),
        ("Envoyés", SpecialUse.Sent),
        ("Brouillons", SpecialUse.Drafts),
        ("Corbeille", SpecialUse.Trash),
        ("Indésirables", SpecialUse.Junk),
        ("Archives", SpecialUse.Archive),
    ];

    /// <summary>Whether <paramref name="name"/> names one of the default set (INBOX in any case; the
    /// others as written, names being case-sensitive).</summary>
    public static bool IsDefault(string name) =>
        string.Equals(name, Inbox, StringComparison.OrdinalIgnoreCase)
        || All.Any(m => string.Equals(m.Name, name, StringComparison.Ordinal));

    /// <summary>The name of the default mailbox with this use.</summary>
    public static string NameOf(SpecialUse use) => All.First(m => m.Use == use).Name;
}
