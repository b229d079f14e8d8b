using System.Collections.Frozen;
using System.Text;

namespace Preau.Plugins.Directory.Model;

/// <summary>Folds names to the lower-case ASCII of logins and list addresses.</summary>
/// <remarks>
/// <see cref="Slug"/> gives the same result as Core's <c>Slug.Fold</c> (same letter table: an
/// explicit one, because Unicode decomposition needs ICU and logins must not change with the
/// globalization mode), so the import can refuse two structure codes that would share a list
/// address. <see cref="LoginPart"/> is the login flavour: apostrophes and spaces vanish
/// (« D'Aubigné » → <c>daubigne</c>, « Le Gall » → <c>legall</c>) and only hyphens and other
/// punctuation leave a <c>-</c> (« Jean-Noël » → <c>jean-noel</c>).
/// </remarks>
public static class Folding
{
    private static readonly FrozenDictionary<char, string> Letters = BuildLetters();

    /// <summary>Lower-case ASCII letters and digits; every other run becomes <paramref name="separator"/>.</summary>
    public static string Slug(string text, char separator = '-') => Fold(text, separator, dropSpaces: false);

    /// <summary>One part of a login (first name or last name): letters and digits folded, apostrophes
    /// and white space removed, other runs of punctuation one <c>-</c>, none at either end.</summary>
    public static string LoginPart(string text) => Fold(text, '-', dropSpaces: true);

    private static string Fold(string text, char separator, bool dropSpaces)
    {
        ArgumentNullException.ThrowIfNull(text);
        var sb = new StringBuilder(text.Length);
        var pendingSeparator = false;
        foreach (var c in text)
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                AppendSeparator(sb, ref pendingSeparator, separator);
                sb.Append(char.ToLowerInvariant(c));
                continue;
            }

            if (Letters.TryGetValue(c, out var letters))
            {
                AppendSeparator(sb, ref pendingSeparator, separator);
                sb.Append(letters);
                continue;
            }

            if (dropSpaces && (char.IsWhiteSpace(c) || c is '\'' or '\u2019' or '\u02BC' or '`' or '\u00B4'))
            {
                continue;
            }

            pendingSeparator = true;
        }

        return sb.ToString();
    }

    private static void AppendSeparator(StringBuilder sb, ref bool pending, char separator)
    {
        if (pending && sb.Length > 0)
        {
            sb.Append(separator);
        }

        pending = false;
    }

    private static FrozenDictionary<char, string> BuildLetters()
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
