using Preau.Core.Mail;

namespace Preau.Imap.Handlers;

/// <summary>Core's flag bits and keywords to and from IMAP flag names.</summary>
internal static class FlagText
{
    private static readonly (MessageFlags Flag, string Name)[] System =
    [
        (MessageFlags.Seen, "\\Seen"),
        (MessageFlags.Answered, "\\Answered"),
        (MessageFlags.Flagged, "\\Flagged"),
        (MessageFlags.Deleted, "\\Deleted"),
        (MessageFlags.Draft, "\\Draft"),
    ];

    /// <summary>What FLAGS and PERMANENTFLAGS list.</summary>
    public static IReadOnlyList<string> Defined { get; } = [.. System.Select(s => s.Name)];

    /// <summary>The flag names of an entry (\Recent added by the session when it applies).</summary>
    public static List<string> Of(MessageEntry entry, bool recent)
    {
        var names = new List<string>(6);
        foreach (var (flag, name) in System)
        {
            if (entry.Flags.HasFlag(flag))
            {
                names.Add(name);
            }
        }

        if (recent)
        {
            names.Add("\\Recent");
        }

        names.AddRange(entry.Keywords);
        return names;
    }

    /// <summary>The first name that is neither a keyword nor a system flag this server stores
    /// (\Recent cannot be set either), or null when all are fine.</summary>
    public static string? Unknown(IEnumerable<string> names) =>
        names.FirstOrDefault(n => n.StartsWith('\\') && !System.Any(s => string.Equals(s.Name, n, StringComparison.OrdinalIgnoreCase)));

    /// <summary>Splits names into system flags and keywords; \Recent cannot be set and is ignored.</summary>
    public static (MessageFlags Flags, List<string> Keywords) Parse(IEnumerable<string> names)
    {
        var flags = MessageFlags.None;
        var keywords = new List<string>();
        foreach (var name in names)
        {
            var system = System.FirstOrDefault(s => string.Equals(s.Name, name, StringComparison.OrdinalIgnoreCase));
            if (system.Name is not null)
            {
                flags |= system.Flag;
            }
            else if (!name.StartsWith('\\'))
            {
                keywords.Add(name);
            }
        }

        return (flags, keywords);
    }
}
