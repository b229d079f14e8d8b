using System.Collections.Frozen;
using System.Text;

namespace Preau.Core.Graph;

/// <summary>Folds names into the lower-case ASCII used in logins and list addresses ("Élodie Le Bœuf" → "elodie-le-boeuf").</summary>
/// <remarks>An explicit table of Latin letters rather than Unicode decomposition: decomposition
/// needs ICU, and without it (invariant globalization, slim containers) logins would silently change.</remarks>
public static class Slug
{
    private static readonly FrozenDictionary<char, string> Folds = BuildFolds();

    /// <summary>Lower-case ASCII letters and digits; other runs become <paramref name="separator"/>.</summary>
    public static string Fold(string text, char separator = '-')
    {
        ArgumentNullException.ThrowIfNull(text);
        var sb = new StringBuilder(text.Length);
        var pendingSeparator = false;
        foreach (var c in text)
        {
            string? letters = char.IsAsciiLetterOrDigit(c) ? null : Folds.GetValueOrDefault(c);
            if (!char.IsAsciiLetterOrDigit(c) && letters is null)
            {
                pendingSeparator = true;
                continue;
            }

            if (pendingSeparator && sb.Length > 0)
            {
                sb.Append(separator);
            }

            pendingSeparator = false;
            if (letters is null)
            {
                sb.Append(char.ToLowerInvariant(c));
            }
            else
            {
                sb.Append(letters);
            }
        }

        return sb.ToString();
    }

    private static FrozenDictionary<char, string> BuildFolds()
    {
        var table = new Dictionary<char, string>();
        void Add(string accented, string plain)
        {
            foreach (var c in accented)
            {
                table[c] = plain;
                table[char.ToUpperInvariant(c)] = plain;
            }
        }

        Add("àáâãäåāăą", "a");
        Add("çćĉċč", "c");
        Add("ďđ", "d");
        Add("èéêëēĕėęě", "e");
        Add("ĝğġģ", "g");
        Add("ĥħ", "h");
        Add("ìíîïĩīĭįı", "i");
        Add("ĵ", "j");
        Add("ķ", "k");
        Add("ĺļľŀł", "l");
        Add("ñńņňŉ", "n");
        Add("òóôõöøōŏő", "o");
        Add("ŕŗř", "r");
        Add("śŝşš", "s");
        Add("ţťŧ", "t");
        Add("ùúûüũūŭůűų", "u");
        Add("ŵ", "w");
        Add("ýÿŷ", "y");
        Add("źżž", "z");
        Add("æ", "ae");
        Add("œ", "oe");
        table['ß'] = "ss";
        table['Ÿ'] = "y";
        return table.ToFrozenDictionary();
    }
}
