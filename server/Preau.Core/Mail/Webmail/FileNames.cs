using System.Text;

namespace Preau.Core.Mail.Webmail;

/// <summary>File names from outside (an attachment's, an upload's) made safe to show and to send back
/// in a Content-Disposition: no folders, no control or reserved characters, bounded length.</summary>
public static class FileNames
{
    /// <summary>The longest name kept, in characters.</summary>
    public const int MaxLength = 150;

    /// <summary>The cleaned name, or <paramref name="fallback"/> when nothing usable is left.</summary>
    /// <param name="name">The name as given (may be a path, may be null).</param>
    /// <param name="fallback">The name to use instead.</param>
    public static string Clean(string? name, string fallback)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return fallback;
        }

        // Only the last path segment, whatever the separator the sender's system used.
        var last = name.Replace('\\', '/').Split('/', StringSplitOptions.RemoveEmptyEntries).LastOrDefault() ?? "";
        var builder = new StringBuilder(last.Length);
        foreach (var c in last.Normalize(NormalizationForm.FormC))
        {
            if (char.IsControl(c) || c is '"' or '<' or '>' or ':' or '|' or '?' or '*')
            {
                builder.Append('_');
            }
            else
            {
                builder.Append(c);
            }
        }

        var cleaned = builder.ToString().Trim().Trim('.').Trim();
        if (cleaned.Length == 0)
        {
            return fallback;
        }

        if (cleaned.Length > MaxLength)
        {
            var extension = Path.GetExtension(cleaned);
            extension = extension.Length is > 0 and <= 10 ? extension : "";
            var cut = MaxLength - extension.Length;
            if (char.IsHighSurrogate(cleaned[cut - 1]))
            {
                cut--;
            }

            cleaned = cleaned[..cut] + extension;
        }

        return cleaned;
    }
}
