using System.Diagnostics.CodeAnalysis;

namespace Preau.Imap.Protocol.Syntax;

/// <summary>Message flags: the system flags and keywords.</summary>
/// <remarks>
/// <code>
/// flag           = "\Answered" / "\Flagged" / "\Deleted" / "\Seen" / "\Draft" / flag-keyword / flag-extension
/// flag-extension = "\" atom
/// flag-keyword   = "$MDNSent" / "$Forwarded" / "$Junk" / "$NotJunk" / "$Phishing" / atom
/// flag-perm      = flag / "\*"
/// </code>
/// Flags compare without regard to case (RFC 9051 §2.3.2); system flags are given back in their
/// canonical spelling so that handlers can compare with <see cref="string.Equals(string, string)"/>.
/// </remarks>
public static class ImapFlags
{
    /// <summary><c>\Seen</c>.</summary>
    public const string Seen = "\\Seen";

    /// <summary><c>\Answered</c>.</summary>
    public const string Answered = "\\Answered";

    /// <summary><c>\Flagged</c>.</summary>
    public const string Flagged = "\\Flagged";

    /// <summary><c>\Deleted</c>.</summary>
    public const string Deleted = "\\Deleted";

    /// <summary><c>\Draft</c>.</summary>
    public const string Draft = "\\Draft";

    /// <summary><c>\Recent</c>: set by the server only, and gone from IMAP4rev2.</summary>
    public const string Recent = "\\Recent";

    /// <summary><c>\*</c>: in PERMANENTFLAGS, keywords may be created.</summary>
    public const string AnyKeyword = "\\*";

    private static readonly string[] System = [Seen, Answered, Flagged, Deleted, Draft, Recent];

    /// <summary>Checks a flag's syntax and gives its canonical spelling.</summary>
    /// <param name="raw">The flag as sent, e.g. <c>\seen</c> or <c>$Forwarded</c>.</param>
    /// <param name="flag">The flag, system flags in canonical case, keywords as sent.</param>
    /// <returns>False when <paramref name="raw"/> is not a flag.</returns>
    public static bool TryNormalize(string raw, [NotNullWhen(true)] out string? flag)
    {
        ArgumentNullException.ThrowIfNull(raw);
        flag = null;
        if (raw.StartsWith('\\'))
        {
            if (!ImapChars.IsAtom(raw.AsSpan(1)))
            {
                return false;
            }

            flag = System.FirstOrDefault(s => s.Equals(raw, StringComparison.OrdinalIgnoreCase)) ?? raw;
            return true;
        }

        if (!ImapChars.IsAtom(raw))
        {
            return false;
        }

        flag = raw;
        return true;
    }

    /// <summary>True for a system flag (one starting with a backslash).</summary>
    /// <param name="flag">A flag.</param>
    public static bool IsSystem(string flag) => flag?.StartsWith('\\') == true;
}
