using System.Globalization;
using System.Text;

namespace Preau.Core.Graph;

/// <summary>Folds names into the lower-case ASCII used in logins and list addresses ("Élodie Le Bœuf" → "elodie-le-boeuf").</summary>
public static class Slug
{
    /// <summary>Lower-case ASCII letters and digits; other runs become <paramref name="separator"/>.</summary>
    public static string Fold(string text, char separator = '-')
    {
        ArgumentNullException.ThrowIfNull(text);
        var decomposed = text.Replace("œ", "oe", StringComparison.Ordinal).Replace("Œ", "OE", StringComparison.Ordinal)
            .Replace("æ", "ae", StringComparison.Ordinal).Replace("Æ", "AE", StringComparison.Ordinal)
            .Normalize(NormalizationForm.FormD);
        var sb = new StringBuilder(decomposed.Length);
        var pendingSeparator = false;
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            if (char.IsAsciiLetterOrDigit(c))
            {
                if (pendingSeparator && sb.Length > 0)
                {
                    sb.Append(separator);
                }

                pendingSeparator = false;
                sb.Append(char.ToLowerInvariant(c));
            }
            else
            {
                pendingSeparator = true;
            }
        }

        return sb.ToString();
    }
}
